import type { FieldTypeSpec } from './field-type.js';
import { safeString } from './safe-string.js';

/**
 * An activity's series as an RRULE (RFC 5545), which calendars read as it is. Whether the rule
 * parses and is not too frequent depends on the activity's start, so the activity's own rules
 * check it; here it is text. Found by whether it is set ("repeating activities"), not by its words.
 */
export const recurrenceField: FieldTypeSpec = {
  // Stored in the canonical form calendars and rrule read: upper case, without an `RRULE:` prefix.
  schema: () =>
    safeString(500).transform((rule) =>
      rule
        .trim()
        .toUpperCase()
        .replace(/^RRULE:/, ''),
    ),
  storage: 'scalar',
  scalarKind: 'text',
  operators: ['isEmpty', 'isNotEmpty'],
  empty: null,
  sortable: false,
};
