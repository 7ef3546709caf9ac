import { z } from 'zod';
import { toLatinDigits } from '../../persian/digits.js';
import type { FieldDef } from '../types.js';
import type { FieldTypeSpec } from './field-type.js';
import { ORDERED_OPERATORS } from './field-type.js';

/** Accepts 1200000, "1,200,000", "۱٬۲۰۰٬۰۰۰" and "1 200 000.5": people paste amounts as they see them. */
export function parseLooseNumber(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const cleaned = toLatinDigits(input)
    .replace(/[\s,\u066C\u060C_']/g, '')
    .replace('\u066B', '.')
    .replace(/^\u2212/, '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return input;
  return Number(cleaned);
}

function numberSchema(field: FieldDef, bounds: { min?: number; max?: number }) {
  let schema = z.number().finite();
  const min = field.min ?? bounds.min;
  const max = field.max ?? bounds.max;
  if (min !== undefined) schema = schema.min(min);
  if (max !== undefined) schema = schema.max(max);
  return z.preprocess(parseLooseNumber, schema);
}

function numericType(bounds: { min?: number; max?: number }): FieldTypeSpec {
  return {
    schema: (field) => numberSchema(field, bounds),
    storage: 'scalar',
    scalarKind: 'number',
    operators: ORDERED_OPERATORS,
    empty: null,
    sortable: true,
  };
}

/** Amounts are in Rial; ±10^15 covers any real invoice while staying exact in a double. */
export const numberField = numericType({ min: -1e15, max: 1e15 });
export const currencyField = numericType({ min: -1e15, max: 1e15 });
export const percentField = numericType({ min: 0, max: 100 });
