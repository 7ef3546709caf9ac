import type { z } from 'zod';
import type { FilterOperator } from '../filter.js';
import type { FieldDef } from '../types.js';

/**
 * How the filter compiler, the sorter and the search indexer see a stored value:
 * - scalar: a JSON string, number or boolean at `data.<field>`;
 * - phone: `{ number, typed }`, compared by its E.164 `number`;
 * - array: a JSON array of scalars (tags, multi-picklists, reference lists);
 * - objects / object: composite values, filtered through their sub-fields (`addresses.city`).
 */
export type StorageShape = 'scalar' | 'phone' | 'array' | 'objects' | 'object';

/** What the SQL side must cast a scalar to for ordering comparisons. */
export type ScalarKind = 'text' | 'number' | 'boolean' | 'date' | 'datetime';

export interface FieldTypeSpec {
  /** Turns accepted input (any digits, Jalali dates, typed phones…) into the stored value. */
  schema(field: FieldDef): z.ZodType;
  storage: StorageShape;
  scalarKind?: ScalarKind;
  operators: readonly FilterOperator[];
  /** Sub-fields a filter may reach into, e.g. `city` of an address. */
  subFields?: readonly string[];
  /** For lists of objects: the sub-field a plain `eq`/`contains` on the list compares. */
  primarySubField?: string;
  /** Returned when a record has no value, so every record has the same shape. */
  empty: unknown;
  sortable: boolean;
  /** Texts added to the record's search column. */
  searchTexts?(value: unknown): string[];
}

export const TEXT_OPERATORS = ['eq', 'ne', 'in', 'nin', 'contains', 'startsWith', 'isEmpty', 'isNotEmpty'] as const;
export const ORDERED_OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'in',
  'nin',
  'isEmpty',
  'isNotEmpty',
] as const;
export const CHOICE_OPERATORS = ['eq', 'ne', 'in', 'nin', 'isEmpty', 'isNotEmpty'] as const;
export const COLLECTION_OPERATORS = ['contains', 'in', 'nin', 'isEmpty', 'isNotEmpty'] as const;

/** Stored as a JSON string, filtered and sorted as text, found by search: text, e-mail, URL. */
export function textLikeType(schema: FieldTypeSpec['schema']): FieldTypeSpec {
  return {
    schema,
    storage: 'scalar',
    scalarKind: 'text',
    operators: TEXT_OPERATORS,
    empty: null,
    sortable: true,
    searchTexts: (value) => [String(value)],
  };
}
