import type { FieldTypeSpec } from './field-type.js';
import { TEXT_OPERATORS } from './field-type.js';
import { safeString } from './safe-string.js';

function textType(defaultMax: number): FieldTypeSpec {
  return {
    schema: (field) => safeString(field.maxLength ?? defaultMax),
    storage: 'scalar',
    scalarKind: 'text',
    operators: TEXT_OPERATORS,
    empty: null,
    sortable: true,
    searchTexts: (value) => [String(value)],
  };
}

export const textField = textType(255);
export const longTextField = textType(65_535);
