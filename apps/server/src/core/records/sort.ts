import { fieldTypes, parseSort } from '@peyvand/shared';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { validationProblem } from '../http/problem.js';
import type { EffectiveModule } from '../metadata/effective-module.js';
import type { Cursor } from './cursor.js';
import { resolveField } from './field-resolution.js';

export interface SortKey {
  expr: RawBuilder<unknown>;
  direction: 'asc' | 'desc';
  /** The cursor's JSON value cast back to the expression's type for the keyset comparison. */
  bound(value: unknown): RawBuilder<unknown>;
  /** Whether a cursor's value can be that cast: a forged cursor must be a 400, not a database error. */
  accepts(value: unknown): boolean;
}

export interface CompiledSort {
  /** Canonical text of the sort, stored in cursors so a cursor cannot be replayed under another sort. */
  signature: string;
  keys: SortKey[];
  /** The id tie-breaker, which makes the order total and keyset paging exact. */
  tieBreaker: SortKey;
}

export const DEFAULT_SORT = '-createdAt';

const asJson = (value: unknown) => sql`cast(${JSON.stringify(value)} as jsonb)`;
const castTo = (type: string) => (value: unknown) => sql`cast(${String(value)} as ${sql.raw(type)})`;

const anyJson = () => true;
const isText = (value: unknown) =>
  typeof value === 'string' && value.length <= 10_000 && value.isWellFormed() && !value.includes('\u0000');
const isInstant = (value: unknown) => isText(value) && !Number.isNaN(Date.parse(value as string));
const isInt4 = (value: unknown) =>
  Number.isInteger(value) && (value as number) >= -2_147_483_648 && (value as number) <= 2_147_483_647;
const isUuid = (value: unknown) =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

function keyFor(module: EffectiveModule, field: string, direction: 'asc' | 'desc'): SortKey {
  const resolved = resolveField(module, field);
  const unsortable = () => validationProblem([{ field: 'sort', code: 'unknown_sort_field' }]);
  if (!resolved) throw unsortable();
  if (resolved.source === 'column') {
    switch (resolved.column) {
      case 'created_at':
      case 'updated_at':
        return { expr: sql.ref(resolved.column), direction, bound: castTo('timestamptz'), accepts: isInstant };
      case 'version':
        return { expr: sql.ref('version'), direction, bound: castTo('integer'), accepts: isInt4 };
      case 'number':
        // LEAD-999 before LEAD-1000: compare the numeric part, zero-padded.
        return {
          expr: sql`lpad(split_part(number, '-', 2), 20, '0')`,
          direction,
          bound: castTo('text'),
          accepts: isText,
        };
      default:
        return {
          expr: sql`coalesce(${sql.ref(resolved.column)}::text, '')`,
          direction,
          bound: castTo('text'),
          accepts: isText,
        };
    }
  }
  const spec = fieldTypes[resolved.def.type];
  if (!spec.sortable || resolved.sub !== undefined) throw unsortable();
  const column = sql.ref(resolved.source === 'custom' ? 'custom' : 'data');
  const value =
    spec.storage === 'phone' ? sql`${column} -> ${resolved.name} -> 'number'` : sql`${column} -> ${resolved.name}`;
  // jsonb has a total order (null < strings < numbers < booleans), so missing values sort first.
  return { expr: sql`coalesce(${value}, 'null'::jsonb)`, direction, bound: asJson, accepts: anyJson };
}

export function compileSort(module: EffectiveModule, sort: string | undefined): CompiledSort {
  const parts = parseSort(sort || DEFAULT_SORT);
  if (parts.length === 0 || parts.length > 4) throw validationProblem([{ field: 'sort', code: 'unknown_sort_field' }]);
  const keys = parts.filter((p) => p.field !== 'id').map((p) => keyFor(module, p.field, p.direction));
  const idDirection = parts.find((p) => p.field === 'id')?.direction ?? parts.at(-1)!.direction;
  return {
    signature: parts.map((p) => (p.direction === 'desc' ? `-${p.field}` : p.field)).join(','),
    keys,
    tieBreaker: { expr: sql.ref('id'), direction: idDirection, bound: castTo('uuid'), accepts: isUuid },
  };
}

/**
 * Rows strictly after the cursor in the sort order. When every key runs the same way a row
 * comparison is used, which PostgreSQL turns into an index bound; mixed directions expand.
 */
export function keysetCondition(sort: CompiledSort, cursor: Cursor): RawBuilder<SqlBool> {
  const all = [...sort.keys, sort.tieBreaker];
  const values = [...cursor.keys, cursor.id];
  if (!all.every((key, i) => key.accepts(values[i])))
    throw validationProblem([{ field: 'cursor', code: 'invalid_cursor' }]);
  const after = (key: SortKey) => sql.raw(key.direction === 'desc' ? '<' : '>');
  if (all.every((k) => k.direction === all[0]!.direction)) {
    return sql<SqlBool>`(${sql.join(all.map((k) => k.expr))}) ${after(all[0]!)} (${sql.join(all.map((k, i) => k.bound(values[i])))})`;
  }
  const branches = all.map((key, i) => {
    const equalities = all.slice(0, i).map((k, j) => sql`${k.expr} = ${k.bound(values[j])}`);
    return sql`(${sql.join([...equalities, sql`${key.expr} ${after(key)} ${key.bound(values[i])}`], sql` and `)})`;
  });
  return sql<SqlBool>`(${sql.join(branches, sql` or `)})`;
}
