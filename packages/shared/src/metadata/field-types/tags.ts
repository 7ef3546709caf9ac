import { z } from 'zod';
import type { FieldTypeSpec } from './field-type.js';
import { COLLECTION_OPERATORS } from './field-type.js';
import { safeString } from './safe-string.js';

/** Tags are created inline by whoever types them; duplicates and blank ones are dropped. */
export const tagsField: FieldTypeSpec = {
  schema: () =>
    z
      .array(safeString(60).transform((tag) => tag.trim()))
      .max(50)
      .transform((tags) => [...new Set(tags.filter(Boolean))]),
  storage: 'array',
  operators: COLLECTION_OPERATORS,
  empty: [],
  sortable: false,
  searchTexts: (value) => value as string[],
};
