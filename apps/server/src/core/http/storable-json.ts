import type { FieldIssue } from './problem.js';

/**
 * Why a JSON value from a request cannot be stored in a jsonb column, if it cannot: jsonb
 * refuses NUL characters and lone surrogates, in keys as in values. Request bodies arrive
 * with bounded nesting (parse.ts), so the walk is bounded too.
 */
export function storableJsonIssue(value: unknown, field: string): FieldIssue | undefined {
  if (typeof value === 'string') {
    return value.isWellFormed() && !value.includes('\u0000') ? undefined : { field, code: 'invalid_text' };
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const issue = storableJsonIssue(key, field) ?? storableJsonIssue(item, field);
    if (issue) return issue;
  }
  return undefined;
}
