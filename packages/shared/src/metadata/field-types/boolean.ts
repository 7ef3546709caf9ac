import { z } from 'zod';
import type { FieldTypeSpec } from './field-type.js';

export const booleanField: FieldTypeSpec = {
  schema: () => z.boolean(),
  storage: 'scalar',
  scalarKind: 'boolean',
  operators: ['eq', 'ne', 'isEmpty', 'isNotEmpty'],
  empty: false,
  sortable: true,
};
