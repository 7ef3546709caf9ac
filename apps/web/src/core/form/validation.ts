import type { Language } from '@peyvand/shared';
import { isEmptyValue, toPersianDigits, validationMessage, valueSchema } from '@peyvand/shared';
import type { z } from 'zod';
import type { FieldMeta } from '../metadata/types';
import { toApiValue, type FormValues } from './formValues';

type Issue = z.core.$ZodIssue;
type Params = Record<string, string | number | undefined>;

const FORMAT_CODES: Record<string, string> = { email: 'invalid_email', uuid: 'invalid_id', url: 'invalid_url' };

/**
 * The same error codes the server gives for a zod issue, so a message reads the same whether
 * the browser or the server found the mistake (mirrors the server's zod-issues.ts).
 */
function codeOf(issue: Issue): { path: PropertyKey[]; code: string; params?: Params } {
  const params = (issue as { params?: Params }).params;
  switch (issue.code) {
    case 'custom':
      return { path: issue.path, code: String(params?.code ?? 'invalid'), params };
    case 'invalid_union': {
      // Value schemas put the type's own schema last: its issues say what is wrong.
      const last = issue.errors.at(-1)?.[0];
      return last ? { ...codeOf(last), path: [...issue.path, ...last.path] } : { path: issue.path, code: 'invalid' };
    }
    case 'invalid_type':
      return {
        path: issue.path,
        code: issue.input === undefined ? 'required' : 'invalid_type',
        params: { expected: issue.expected },
      };
    case 'invalid_format':
      return { path: issue.path, code: String(params?.code ?? FORMAT_CODES[issue.format] ?? 'invalid') };
    case 'too_small':
      return { path: issue.path, code: 'too_small', params: { minimum: Number(issue.minimum), origin: issue.origin } };
    case 'too_big':
      return { path: issue.path, code: 'too_big', params: { maximum: Number(issue.maximum), origin: issue.origin } };
    case 'invalid_value':
      return { path: issue.path, code: 'invalid_value', params: { options: issue.values.map(String).join(', ') } };
    default:
      return { path: issue.path, code: 'invalid' };
  }
}

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
    const result = valueSchema(field).safeParse(value);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const { path, code, params } = codeOf(issue);
      const key = [field.filterPath, ...path.map(String)].join('.');
      errors[key] ??= message(code, params);
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
