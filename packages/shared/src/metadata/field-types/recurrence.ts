import type { FieldTypeSpec } from './field-type.js';
import { safeString } from './safe-string.js';

/**
 * A rule as calendars and rrule read it: upper case (RFC 5545 names and values are
 * case-insensitive, rrule reads upper case only), without an `RRULE:` prefix.
 */
export function canonicalRule(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '');
}

/**
 * An activity's series as an RRULE (RFC 5545), which calendars read as it is. Whether the rule
 * parses and is not too frequent depends on the activity's start, so the activity's own rules
 * check it; here it is text. Found by whether it is set ("repeating activities"), not by its words.
 */
export const recurrenceField: FieldTypeSpec = {
  schema: () => safeString(500).transform(canonicalRule),
  storage: 'scalar',
  scalarKind: 'text',
  operators: ['isEmpty', 'isNotEmpty'],
  empty: null,
  sortable: false,
};
