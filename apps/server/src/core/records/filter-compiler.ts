import type { FieldDef, FilterNode, FilterOperator } from '@peyvand/shared';
import {
  MAX_FILTER_CONDITIONS,
  MAX_FILTER_DEPTH,
  fieldTypes,
  isCondition,
  parseLooseNumber,
  safeString,
  toLatinDigits,
  valueSchema,
} from '@peyvand/shared';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { validationProblem } from '../http/problem.js';
import { SUB_FIELD_OPERATORS, toFieldIssues } from '@peyvand/shared';
import type { EffectiveModule } from '../metadata/effective-module.js';
import { type ResolvedField, resolveField } from './field-resolution.js';

type Condition = RawBuilder<SqlBool>;

const COLUMN_CASTS: Record<string, string> = {
  id: 'uuid',
  owner_id: 'uuid',
  owner_group_id: 'uuid',
  created_by: 'uuid',
  updated_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'integer',
  number: 'text',
};

const searchTerm = safeString(200).min(1);
const versionValue = z
  .union([z.number(), z.string()])
  .transform(parseLooseNumber)
  .pipe(z.number().int().min(0).max(2_147_483_647));

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Compiles the API's filter tree into a parameterised SQL condition over `records`.
 * Equality on standard and custom fields becomes jsonb containment (`@>`), which the GIN
 * indexes serve; every value is a bind parameter, every path a name from the metadata.
 */
export function compileFilter(module: EffectiveModule, node: FilterNode, path = 'filter'): Condition {
  let conditions = 0;
  const visit = (current: FilterNode, at: string, depth: number): Condition => {
    if (depth > MAX_FILTER_DEPTH) throw validationProblem([{ field: at, code: 'filter_too_deep' }]);
    if ('and' in current || 'or' in current) {
      const [joiner, children] = 'and' in current ? (['and', current.and] as const) : (['or', current.or] as const);
      if (children.length === 0) return joiner === 'and' ? sql<SqlBool>`true` : sql<SqlBool>`false`;
      const parts = children.map((child, i) => visit(child, `${at}.${joiner}.${i}`, depth + 1));
      return sql<SqlBool>`(${sql.join(parts, joiner === 'and' ? sql` and ` : sql` or `)})`;
    }
    if (!isCondition(current)) throw validationProblem([{ field: at, code: 'invalid' }]);
    if (++conditions > MAX_FILTER_CONDITIONS) throw validationProblem([{ field: at, code: 'filter_too_large' }]);
    return compileCondition(module, current.field, current.op, current.value, at);
  };
  return visit(node, path, 1);
}

function compileCondition(
  module: EffectiveModule,
  fieldPath: string,
  op: FilterOperator,
  raw: unknown,
  at: string,
): Condition {
  const field = resolveField(module, fieldPath);
  if (!field) throw validationProblem([{ field: `${at}.field`, code: 'unknown_filter_field' }]);
  const allowed = field.source !== 'column' && field.sub ? SUB_FIELD_OPERATORS : fieldTypes[field.def.type].operators;
  if (!allowed.includes(op))
    throw validationProblem([{ field: `${at}.op`, code: 'operator_not_allowed', params: { op } }]);
  if (op === 'isEmpty' || op === 'isNotEmpty') {
    const empty = isEmptyCondition(field);
    return op === 'isEmpty' ? empty : sql<SqlBool>`not ${empty}`;
  }
  const value = parseFilterValue(field, op, raw, `${at}.value`);
  if (field.source === 'column') return columnCondition(field.column, op, value);
  return jsonCondition(field, op, value);
}

function parseOne(schema: z.ZodType, raw: unknown, at: string): unknown {
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) throw validationProblem(toFieldIssues(result.error.issues, at));
  if (result.data === null) throw validationProblem([{ field: at, code: 'invalid_filter_value' }]);
  return result.data;
}

/** Filter values go through the field's own schema: a Jalali date or a typed phone compares as stored. */
function parseFilterValue(field: ResolvedField, op: FilterOperator, raw: unknown, at: string): unknown {
  if (op === 'contains' || op === 'startsWith') {
    const isCollection = field.source !== 'column' && !field.sub && fieldTypes[field.def.type].storage === 'array';
    return isCollection ? parseOne(valueSchema(itemField(field.def)), raw, at) : parseOne(searchTerm, raw, at);
  }
  const schema = valueSchemaFor(field);
  const listShape =
    op === 'in' || op === 'nin'
      ? z.array(z.unknown()).min(1).max(100)
      : op === 'between'
        ? z.tuple([z.unknown(), z.unknown()])
        : null;
  if (listShape) {
    const list = parseOne(listShape, raw, at) as unknown[];
    return list.map((v, i) => parseOne(schema, v, `${at}.${i}`));
  }
  return parseOne(schema, raw, at);
}

function valueSchemaFor(field: ResolvedField): z.ZodType {
  if (field.source === 'column') {
    if (field.column === 'number') return safeString(40);
    // An integer column: a fraction or a value past int4 would be a database error, not an answer.
    if (field.column === 'version') return versionValue;
    return valueSchema(field.def);
  }
  const spec = fieldTypes[field.def.type];
  if (field.sub === undefined && spec.storage === 'objects') {
    return subFieldSchema(field.def, spec.primarySubField);
  }
  if (field.sub !== undefined) return subFieldSchema(field.def, field.sub);
  if (spec.storage === 'array') return valueSchema(itemField(field.def));
  return valueSchema(field.def);
}

function subFieldSchema(def: FieldDef, sub: string | undefined): z.ZodType {
  if (def.type === 'phoneList' && sub === 'number') return valueSchema({ ...def, type: 'phone' });
  if (def.type === 'emailList' && sub === 'address') return valueSchema({ ...def, type: 'email' });
  return safeString(500).min(1);
}

/** Tags, multi-picklists and reference lists are filtered by one of their items. */
function itemField(def: FieldDef): FieldDef {
  const itemType = def.type === 'multiPicklist' ? 'picklist' : def.type === 'referenceList' ? 'reference' : 'text';
  return { ...def, type: itemType };
}

function columnCondition(column: string, op: FilterOperator, value: unknown): Condition {
  const ref = sql.ref(column);
  const cast = sql.raw(COLUMN_CASTS[column] ?? 'text');
  const one = (v: unknown) => sql`cast(${String(v)} as ${cast})`;
  switch (op) {
    case 'eq':
      return sql<SqlBool>`${ref} = ${one(value)}`;
    case 'ne':
      return sql<SqlBool>`${ref} is distinct from ${one(value)}`;
    case 'lt':
      return sql<SqlBool>`${ref} < ${one(value)}`;
    case 'lte':
      return sql<SqlBool>`${ref} <= ${one(value)}`;
    case 'gt':
      return sql<SqlBool>`${ref} > ${one(value)}`;
    case 'gte':
      return sql<SqlBool>`${ref} >= ${one(value)}`;
    case 'between': {
      const [from, to] = value as unknown[];
      return sql<SqlBool>`${ref} between ${one(from)} and ${one(to)}`;
    }
    case 'in':
    case 'nin': {
      const list = sql<SqlBool>`${ref} in (${sql.join((value as unknown[]).map(one))})`;
      return op === 'in' ? list : sql<SqlBool>`not coalesce(${list}, false)`;
    }
    case 'contains':
      return sql<SqlBool>`${ref}::text ilike ${`%${escapeLike(String(value))}%`}`;
    case 'startsWith':
      return sql<SqlBool>`${ref}::text ilike ${`${escapeLike(String(value))}%`}`;
    default:
      throw new Error(`operator ${op} reached the column compiler`);
  }
}

function jsonColumn(field: Extract<ResolvedField, { source: 'data' | 'custom' }>) {
  return sql.ref(field.source === 'custom' ? 'custom' : 'data');
}

function contains(field: Extract<ResolvedField, { source: 'data' | 'custom' }>, fragment: unknown): Condition {
  return sql<SqlBool>`${jsonColumn(field)} @> ${JSON.stringify({ [field.name]: fragment })}::jsonb`;
}

function anyOf(parts: Condition[]): Condition {
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** The JSON fragment an equality compares, shaped like the stored value so `@>` can use the index. */
function equalityFragment(field: Extract<ResolvedField, { source: 'data' | 'custom' }>, value: unknown): unknown {
  const spec = fieldTypes[field.def.type];
  if (spec.storage === 'phone') return { number: (value as { number: string }).number };
  if (spec.storage === 'array') return [value];
  if (spec.storage === 'object') return { [field.sub!]: value };
  if (spec.storage === 'objects') {
    const sub = field.sub ?? spec.primarySubField!;
    const item =
      value !== null && typeof value === 'object' && 'number' in value ? (value as { number: string }).number : value;
    return [{ [sub]: item }];
  }
  return value;
}

function textOf(field: Extract<ResolvedField, { source: 'data' | 'custom' }>) {
  const spec = fieldTypes[field.def.type];
  const col = jsonColumn(field);
  if (spec.storage === 'phone') return sql`(${col} -> ${field.name} ->> 'number')`;
  if (spec.storage === 'object') return sql`(${col} -> ${field.name} ->> ${field.sub!})`;
  return sql`(${col} ->> ${field.name})`;
}

function likePattern(field: ResolvedField, op: FilterOperator, term: string): string {
  // Phones are stored as E.164: "0913 808" is looked for as the digits after the leading zero.
  const needle =
    field.def.type === 'phone' || field.def.type === 'phoneList'
      ? toLatinDigits(term).replace(/\D/g, '').replace(/^0+/, '')
      : term;
  const escaped = escapeLike(needle);
  return op === 'startsWith' && field.def.type !== 'phone' && field.def.type !== 'phoneList'
    ? `${escaped}%`
    : `%${escaped}%`;
}

function jsonCondition(
  field: Extract<ResolvedField, { source: 'data' | 'custom' }>,
  op: FilterOperator,
  value: unknown,
): Condition {
  const spec = fieldTypes[field.def.type];
  const col = jsonColumn(field);
  const isList = spec.storage === 'objects';
  const sub = field.sub ?? spec.primarySubField;

  if ((op === 'contains' || op === 'startsWith') && spec.storage !== 'array') {
    const pattern = likePattern(field, op, String(value));
    if (isList) {
      return sql<SqlBool>`exists (select 1 from jsonb_array_elements(case when jsonb_typeof(${col} -> ${field.name}) = 'array' then ${col} -> ${field.name} else '[]'::jsonb end) as item where item ->> ${sub!} ilike ${pattern})`;
    }
    return sql<SqlBool>`${textOf(field)} ilike ${pattern}`;
  }
  switch (op) {
    case 'contains':
    case 'eq':
      if (spec.scalarKind === 'boolean' && value === false) return sql<SqlBool>`not (${contains(field, true)})`;
      return contains(field, equalityFragment(field, value));
    case 'ne':
      return sql<SqlBool>`not (${jsonCondition(field, 'eq', value)})`;
    case 'in':
    case 'nin': {
      const any = anyOf((value as unknown[]).map((v) => contains(field, equalityFragment(field, v))));
      return op === 'in' ? any : sql<SqlBool>`not ${any}`;
    }
    case 'between': {
      const [from, to] = value as unknown[];
      return sql<SqlBool>`(${jsonCondition(field, 'gte', from)} and ${jsonCondition(field, 'lte', to)})`;
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const operator = sql.raw({ lt: '<', lte: '<=', gt: '>', gte: '>=' }[op]);
      // jsonb orders numbers numerically; ISO dates and instants order correctly as C-collated text.
      if (spec.scalarKind === 'number')
        return sql<SqlBool>`(${col} -> ${field.name}) ${operator} ${JSON.stringify(value)}::jsonb`;
      return sql<SqlBool>`(${col} ->> ${field.name}) collate "C" ${operator} ${String(value)}`;
    }
    default:
      throw new Error(`operator ${op} reached the json compiler`);
  }
}

function isEmptyCondition(field: ResolvedField): Condition {
  if (field.source === 'column') return sql<SqlBool>`${sql.ref(field.column)} is null`;
  const col = jsonColumn(field);
  const value = field.sub ? sql`(${col} -> ${field.name} -> ${field.sub})` : sql`(${col} -> ${field.name})`;
  if (fieldTypes[field.def.type].scalarKind === 'boolean') return sql<SqlBool>`not (${contains(field, true)})`;
  return sql<SqlBool>`coalesce(${value} in ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb), true)`;
}
