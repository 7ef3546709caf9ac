import type { FieldTypeSpec } from './field-type.js';
import { safeString } from './safe-string.js';

/** Write-only: the server hashes it away from the record before anything is stored. */
export const passwordField: FieldTypeSpec = {
  schema: () => safeString(200).min(8),
  storage: 'scalar',
  operators: [],
  empty: null,
  sortable: false,
};
