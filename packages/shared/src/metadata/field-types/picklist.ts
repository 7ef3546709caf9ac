import { z } from 'zod';
import { normalizeForSearch } from '../../persian/normalize.js';
import type { FieldDef } from '../types.js';
import type { FieldTypeSpec } from './field-type.js';
import { CHOICE_OPERATORS, COLLECTION_OPERATORS } from './field-type.js';

/** Matches an option by its value or by either label, so imports and humans can use the words they see. */
function optionSchema(field: FieldDef) {
  const byKey = new Map<string, string>();
  for (const option of field.options ?? []) {
    for (const key of [option.value, option.label.fa, option.label.en])
      byKey.set(normalizeForSearch(key), option.value);
  }
  const values = (field.options ?? []).map((o) => o.value);
  const documented = z.string().meta({
    enum: values,
    description: 'One of the option values; a Persian or English label is accepted too.',
  });
  return documented.transform((input, ctx) => {
    const value = byKey.get(normalizeForSearch(input));
    if (value === undefined) {
      ctx.addIssue({
        code: 'custom',
        params: { code: 'invalid_option', options: values.join(', ') },
      });
      return z.NEVER;
    }
    return value;
  });
}

export const picklistField: FieldTypeSpec = {
  schema: optionSchema,
  storage: 'scalar',
  scalarKind: 'text',
  operators: CHOICE_OPERATORS,
  empty: null,
  sortable: true,
};

export const multiPicklistField: FieldTypeSpec = {
  schema: (field) =>
    z
      .array(optionSchema(field))
      .max(100)
      .transform((values) => [...new Set(values)]),
  storage: 'array',
  operators: COLLECTION_OPERATORS,
  empty: [],
  sortable: false,
};
