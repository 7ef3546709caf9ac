import type { z } from 'zod';

/** A field error as the API reports it and the web app shows it; `code` keys the fa/en messages. */
export interface FieldIssue {
  field: string;
  code: string;
  params?: Record<string, string | number | undefined>;
}

type Issue = z.core.$ZodIssue;

const FORMAT_CODES: Record<string, string> = { email: 'invalid_email', uuid: 'invalid_id', url: 'invalid_url' };

/** `> 0` is not `≥ 0`: an exclusive bound must not be reported as an allowed value. */
const exclusive = (issue: { inclusive?: boolean }) => (issue.inclusive === false ? { exclusive: 'true' } : {});

/** The issue of a union's branch for null or `''` that the value is neither. */
const saysOnlyNotEmpty = (issue: Issue) =>
  (issue.code === 'invalid_type' && issue.expected === 'null') ||
  (issue.code === 'invalid_value' && issue.values.length === 1 && issue.values[0] === '');

function join(path: PropertyKey[], prefix: string): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.');
}

/**
 * Translates zod's issues into the API's field errors (`{ field, code, params }`), the codes
 * being the keys of the shared fa/en messages. The server reports them and the browser checks
 * forms with them, so a message reads the same whoever found the mistake.
 */
export function toFieldIssues(issues: readonly Issue[], prefix = ''): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] => {
    const field = join(issue.path, prefix);
    const params = (issue as { params?: Record<string, string> }).params;
    switch (issue.code) {
      case 'custom':
        return [{ field, code: params?.code ?? 'invalid', params }];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ field: join([...issue.path, key], prefix), code: 'unknown_field' }));
      case 'invalid_union': {
        // A branch only saying the value is not null or '' (a value schema's "no value") tells
        // nothing; of the others, the last says what is wrong (a field type's own schema).
        const telling = issue.errors.filter((branch) => !branch.every(saysOnlyNotEmpty));
        const last = telling.at(-1) ?? issue.errors.at(-1);
        return last && last.length > 0 ? toFieldIssues(last, field) : [{ field, code: 'invalid' }];
      }
      case 'invalid_type':
        return [
          issue.input === undefined
            ? { field, code: 'required' }
            : { field, code: 'invalid_type', params: { expected: issue.expected } },
        ];
      case 'invalid_format':
        return [{ field, code: params?.code ?? FORMAT_CODES[issue.format] ?? 'invalid' }];
      case 'too_small':
        return [
          {
            field,
            code: 'too_small',
            params: { minimum: Number(issue.minimum), origin: issue.origin, ...exclusive(issue) },
          },
        ];
      case 'too_big':
        return [
          {
            field,
            code: 'too_big',
            params: { maximum: Number(issue.maximum), origin: issue.origin, ...exclusive(issue) },
          },
        ];
      case 'invalid_value':
        return [{ field, code: 'invalid_value', params: { options: issue.values.map(String).join(', ') } }];
      default:
        return [{ field, code: params?.code ?? 'invalid' }];
    }
  });
}
