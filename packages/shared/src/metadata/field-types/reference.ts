import { z } from 'zod';
import type { FieldTypeSpec } from './field-type.js';
import { CHOICE_OPERATORS, COLLECTION_OPERATORS } from './field-type.js';

export const recordIdSchema = z.uuid().transform((id) => id.toLowerCase());

/** The record it points to must exist; the server checks that, since only it can see the data. */
export const referenceField: FieldTypeSpec = {
  schema: () => recordIdSchema,
  storage: 'scalar',
  scalarKind: 'text',
  operators: CHOICE_OPERATORS,
  empty: null,
  sortable: false,
};

export const referenceListField: FieldTypeSpec = {
  schema: () =>
    z
      .array(recordIdSchema)
      .max(500)
      .transform((ids) => [...new Set(ids)]),
  storage: 'array',
  operators: COLLECTION_OPERATORS,
  empty: [],
  sortable: false,
};
