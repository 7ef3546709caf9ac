import type { Language } from '@peyvand/shared';
import { isEmptyValue, toFieldIssues, toPersianDigits, validationMessage, valueSchema } from '@peyvand/shared';
import type { FieldMeta } from '../metadata/types';
import { toApiValue, type FormValues } from './formValues';

type Params = Record<string, string | number | undefined>;

/**
 * Checks the values with the shared schemas the server uses, before anything is sent.
 * Returns error messages keyed by path (`phones.0.number`), like the server's problem documents.
 */
export function validate(
  fields: FieldMeta[],
  values: FormValues,
  language: Language,
  requireOneOf: FieldMeta[] = [],
): Record<string, string> {
  const errors: Record<string, string> = {};
  const message = (code: string, params?: Params) => {
    const text = validationMessage(code, language, params);
    return language === 'fa' ? toPersianDigits(text) : text;
  };
  for (const field of fields) {
    if (field.readOnly) continue;
    const value = toApiValue(field, values[field.filterPath]);
    if (isEmptyValue(value)) {
      if (field.required) errors[field.filterPath] = message('required');
      continue;
    }
    const result = valueSchema(field).safeParse(value, { reportInput: true });
    if (result.success) continue;
    // The server's own translation of zod issues, so codes and paths (`phones.0.number`) match its answers.
    for (const issue of toFieldIssues(result.error.issues, field.filterPath)) {
      errors[issue.field] ??= message(issue.code, issue.params);
    }
  }
  const first = requireOneOf[0];
  if (first && requireOneOf.every((f) => isEmptyValue(toApiValue(f, values[f.filterPath])))) {
    errors[first.filterPath] ??= message('required_one_of', {
      fields: requireOneOf.map((f) => f.label[language]).join(language === 'fa' ? '، ' : ', '),
    });
  }
  return errors;
}
