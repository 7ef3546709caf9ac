import { isEmptyValue, parseLooseNumber } from '@peyvand/shared';
import type { Formatter } from '../../locale/format';
import type { ApiRecord, FieldMeta } from '../metadata/types';
import { valueOf } from '../metadata/fields';
import { ADDRESS_PARTS, type Address } from '../display/address';

/** Form state: one entry per field, keyed by the field's filter path (`name` or `custom.name`). */
export type FormValues = Record<string, unknown>;

interface PhoneItem {
  kind: string;
  number: string;
  typed?: string;
}

/** What an input starts with for a stored value: phones as typed, numbers with separators. */
export function toInputValue(
  field: FieldMeta,
  value: unknown,
  record: ApiRecord | undefined,
  format: Formatter,
): unknown {
  switch (field.type) {
    case 'phone':
      return (!field.custom && record?.typed?.[field.name]) || (value ?? '');
    case 'phoneList':
      return ((value as PhoneItem[] | null) ?? []).map((p) => ({ kind: p.kind, number: p.typed || p.number }));
    case 'number':
    case 'currency':
    case 'percent':
      return value === null || value === undefined ? '' : format.number(Number(value));
    case 'boolean':
      return Boolean(value);
    case 'reminders':
      return ((value as { minutesBefore: number; channels: string[] }[] | null) ?? []).map((r) => ({
        minutesBefore: format.digits(r.minutesBefore),
        channels: r.channels,
      }));
    case 'multiPicklist':
    case 'tags':
    case 'referenceList':
    case 'addressList':
    case 'emailList':
    case 'socialList':
    case 'recordLinks':
    case 'participants':
      return value ?? [];
    case 'picklist':
    case 'reference':
    case 'date':
    case 'datetime':
    case 'address':
      return value ?? null;
    default:
      return value ?? '';
  }
}

export function initialValues(fields: FieldMeta[], record: ApiRecord | undefined, format: Formatter): FormValues {
  return Object.fromEntries(
    fields.map((f) => [f.filterPath, toInputValue(f, record ? valueOf(record, f) : undefined, record, format)]),
  );
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const blankAddress = (a: Address) => ADDRESS_PARTS.every((part) => blank(a[part]));

/** An input's value as the API takes it: blank list rows dropped, a blank address as null. */
export function toApiValue(field: FieldMeta, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (field.type) {
    case 'phoneList':
      return (value as PhoneItem[]).filter((p) => !blank(p.number));
    case 'emailList':
      return (value as { address: string }[]).filter((e) => !blank(e.address));
    case 'socialList':
      return (value as { handle: string }[]).filter((s) => !blank(s.handle));
    case 'addressList':
      return (value as Address[]).filter((a) => !blankAddress(a));
    case 'recordLinks':
    case 'participants':
      return (value as { id: string }[]).filter((link) => link.id);
    case 'reminders':
      // The shared schema takes a number of minutes; the input holds what was typed.
      return (value as { minutesBefore: string; channels: string[] }[])
        .filter((r) => !blank(r.minutesBefore))
        .map((r) => ({ ...r, minutesBefore: parseLooseNumber(r.minutesBefore) }));
    case 'address':
      return value && !blankAddress(value as Address) ? value : null;
    case 'text':
    case 'longText':
      return typeof value === 'string' ? value.trim() : value;
    default:
      return value;
  }
}

/**
 * The request body for these fields: standard values at the top, custom ones under `custom`.
 * A create leaves blank fields out; an update sends them as null, which clears them.
 */
export function toBody(fields: FieldMeta[], values: FormValues, mode: 'create' | 'update'): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.readOnly) continue;
    const value = toApiValue(field, values[field.filterPath]);
    if (mode === 'create' && isEmptyValue(value)) continue;
    (field.custom ? custom : body)[field.name] = isEmptyValue(value) && !Array.isArray(value) ? null : value;
  }
  if (Object.keys(custom).length > 0) body.custom = custom;
  return body;
}
