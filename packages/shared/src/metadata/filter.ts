import { z } from 'zod';

export const FILTER_OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'nin',
  'contains',
  'startsWith',
  'isEmpty',
  'isNotEmpty',
  'between',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Parts of composite fields (an address's city, a phone's kind) are compared as text. */
export const SUB_FIELD_OPERATORS: readonly FilterOperator[] = [
  'eq',
  'ne',
  'in',
  'nin',
  'contains',
  'startsWith',
  'isEmpty',
  'isNotEmpty',
];

export interface FilterCondition {
  field: string;
  op: FilterOperator;
  value?: unknown;
}
export type FilterNode = { and: FilterNode[] } | { or: FilterNode[] } | FilterCondition;

/** Deep trees are legitimate (a builder nests groups) but unbounded ones are a denial of service. */
export const MAX_FILTER_DEPTH = 8;
export const MAX_FILTER_CONDITIONS = 100;

const condition = z.strictObject({
  field: z.string().min(1).max(200),
  op: z.enum(FILTER_OPERATORS),
  value: z.unknown().optional(),
});

export const filterSchema: z.ZodType<FilterNode> = z.lazy(() =>
  z.union([
    z.strictObject({ and: z.array(filterSchema).max(MAX_FILTER_CONDITIONS) }),
    z.strictObject({ or: z.array(filterSchema).max(MAX_FILTER_CONDITIONS) }),
    condition,
  ]),
);

export function isCondition(node: FilterNode): node is FilterCondition {
  return 'field' in node;
}

/** Whether any condition of the tree is on `field`. */
export function filterNamesField(node: FilterNode, field: string): boolean {
  if (isCondition(node)) return node.field === field;
  return ('and' in node ? node.and : node.or).some((child) => filterNamesField(child, field));
}

export const SORT_PATTERN = /^-?[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/;

/** `-updatedAt,name` → [{ field: 'updatedAt', direction: 'desc' }, { field: 'name', direction: 'asc' }] */
export function parseSort(sort: string): { field: string; direction: 'asc' | 'desc' }[] {
  return sort
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) =>
      part.startsWith('-')
        ? { field: part.slice(1), direction: 'desc' as const }
        : { field: part, direction: 'asc' as const },
    );
}
