import { fieldErrorsOf } from '../../api/fieldErrors';
import { ApiError } from '../../api/problem';
import { type FormValues, initialValues } from '../../core/form/formValues';
import type { ApiRecord, FieldMeta, ModuleMeta } from '../../core/metadata/types';
import type { Formatter } from '../../locale/format';
import type { ConversionPart } from './conversionApi';

/** What seed 004's dialog asks for in each part; everything else the server takes from the lead. */
const DIALOG_FIELDS: Record<ConversionPart, string[]> = {
  organization: ['name', 'industry'],
  contact: ['firstName', 'lastName', 'emails', 'phones'],
  opportunity: ['name', 'expectedCloseDate', 'stage', 'amount'],
};

/** The part's dialog fields that this workspace still has and lets users write. */
export function dialogFields(module: ModuleMeta, part: ConversionPart): FieldMeta[] {
  return DIALOG_FIELDS[part]
    .map((name) => module.fields.find((f) => f.name === name))
    .filter((f): f is FieldMeta => f !== undefined && !f.readOnly && !f.hidden);
}

/** The inputs' starting values from the server's defaults, which are shaped like a record's values. */
export function startingValues(
  fields: FieldMeta[],
  start: Record<string, unknown> | null,
  format: Formatter,
): FormValues {
  const asRecord = { custom: {}, ...start } as unknown as ApiRecord;
  return initialValues(fields, asRecord, format);
}

/** A failed conversion's field errors for one part, keyed as its inputs read them (`phones.0.number`). */
export function partErrors(error: unknown, part: ConversionPart): Record<string, string> {
  const prefix = `${part}.`;
  return Object.fromEntries(
    Object.entries(fieldErrorsOf(error))
      .filter(([field]) => field.startsWith(prefix))
      .map(([field, message]) => [field.slice(prefix.length), message]),
  );
}

/**
 * What of a failure no input shows: the problem's detail and the messages of fields outside the
 * dialog (a lead converted meanwhile, a field only the server checks). Null when the inputs say it all.
 */
export function unplacedError(error: unknown, shown: string[], fallback: string): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return fallback;
  const placed = (field: string) => shown.some((path) => field === path || field.startsWith(`${path}.`));
  const unplaced = error.fieldErrors.filter((e) => !placed(e.field));
  if (error.fieldErrors.length > 0 && unplaced.length === 0) return null;
  const detail = error.problem.detail ?? fallback;
  return [detail, ...unplaced.map((e) => e.message).filter((m) => m !== detail)].join(' ');
}
