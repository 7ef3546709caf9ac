import type { FieldDef, Language } from '@peyvand/shared';
import { fieldTypes, formatJalaliDate, tehranClockTime, tehranDateOf } from '@peyvand/shared';

/** How dates are written in an export: Jalali (the default, as Peyvand shows them) or Gregorian ISO. */
export type ExportCalendar = 'jalali' | 'gregorian';

export interface CellContext {
  language: Language;
  calendar: ExportCalendar;
  /** Display titles of the records that references on this page point to, by id. */
  titles: ReadonlyMap<string, string>;
}

/** A cell as people read it: a number stays a number (xlsx keeps it numeric), everything else is text. */
export type CellValue = string | number | null;

/** Several values in one cell (phones, tags) are joined by this, which the importer splits on. */
export const LIST_SEPARATOR = '; ';

function dateText(iso: string, calendar: ExportCalendar): string {
  return calendar === 'jalali' ? formatJalaliDate(iso) : iso;
}

/** Instants are shown on Tehran's wall clock, like the app shows them: `1403/05/12 14:30`. */
function instantText(iso: string, calendar: ExportCalendar): string {
  const instant = new Date(iso);
  return `${dateText(tehranDateOf(instant), calendar)} ${tehranClockTime(instant)}`;
}

function optionLabel(field: FieldDef, value: string, language: Language): string {
  return field.options?.find((o) => o.value === value)?.label[language] ?? value;
}

type Address = Partial<Record<'street' | 'city' | 'province' | 'postalCode' | 'country' | 'poBox', string | null>>;

function addressText(address: Address, language: Language): string {
  const parts = [address.street, address.city, address.province, address.country, address.postalCode, address.poBox];
  return parts.filter((p): p is string => Boolean(p)).join(language === 'fa' ? '، ' : ', ');
}

const joined = (values: unknown[], each: (value: never) => string) =>
  values.length === 0 ? null : values.map((v) => each(v as never)).join(LIST_SEPARATOR);

/** One stored value as a person reads it: labels instead of option values, names instead of ids. */
export function cellValue(field: FieldDef, value: unknown, ctx: CellContext): CellValue {
  if (value === null || value === undefined) return null;
  const { language, calendar, titles } = ctx;
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
      return typeof value === 'number' ? value : String(value);
    case 'date':
      return dateText(String(value), calendar);
    case 'datetime':
      return instantText(String(value), calendar);
    case 'boolean':
      return value ? (language === 'fa' ? 'بله' : 'Yes') : language === 'fa' ? 'خیر' : 'No';
    case 'picklist':
      return optionLabel(field, String(value), language);
    case 'multiPicklist':
      return joined(value as unknown[], (v: string) => optionLabel(field, v, language));
    case 'reference':
      return titles.get(String(value)) ?? String(value);
    case 'referenceList':
      return joined(value as unknown[], (id: string) => titles.get(id) ?? id);
    case 'tags':
      return joined(value as unknown[], (tag: string) => tag);
    case 'phoneList':
      return joined(value as unknown[], (p: { number: string }) => p.number);
    case 'emailList':
      return joined(value as unknown[], (e: { address: string }) => e.address);
    case 'socialList':
      return joined(value as unknown[], (s: { network: string; handle: string }) => `${s.network}:${s.handle}`);
    case 'address':
      return addressText(value as Address, language) || null;
    case 'addressList':
      return joined(value as unknown[], (a: Address) => addressText(a, language));
    default:
      if (fieldTypes[field.type].storage === 'scalar') return String(value);
      if (fieldTypes[field.type].storage === 'phone') return (value as { number: string }).number ?? String(value);
      return JSON.stringify(value);
  }
}
