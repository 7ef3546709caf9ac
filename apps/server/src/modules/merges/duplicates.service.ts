import { normalizeForSearch } from '@peyvand/shared';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { validationProblem } from '../../core/http/problem.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { type ApiRecord, type RecordRow, recordTitle, toApiRecord } from '../../core/records/record-serializer.js';
import {
  fragments,
  matchField,
  normalizedTitleSql,
  organizationField,
  sameNameCondition,
} from '../imports/duplicate-match.js';
import type { MatchOn } from '../imports/imports.tables.js';

type Values = Record<string, unknown>;

const VALUE_KEYS = ['nationalCode', 'email', 'mobile'] as const;
/** Enough to decide; more likely duplicates of one draft mean the key is not telling much. */
const MAX_MATCHES = 20;
/** A group is shown with this many of its records; the rest are merged in a later round. */
const MAX_GROUP = 20;

const live = (scope: RecordScope) =>
  scope.db
    .selectFrom('records')
    .selectAll()
    .where('workspace_id', '=', scope.actor.workspaceId)
    .where('module', '=', scope.module.def.name)
    .where('deleted_at', 'is', null);

async function byValue(scope: RecordScope, key: Exclude<MatchOn, 'name'>, draft: Values): Promise<RecordRow[]> {
  const field = matchField(scope.module, key);
  const wanted = field ? fragments(field, draft[field.name], key) : [];
  if (wanted.length === 0) return [];
  // Containment, so the GIN index records_data finds them among a million records.
  return live(scope)
    .where((eb) => eb.or(wanted.map((f) => sql<SqlBool>`data @> ${JSON.stringify(f)}::jsonb`)))
    .limit(MAX_MATCHES)
    .execute();
}

/** Live records with a near-identical name in the same organization (or among records of none). */
async function byName(scope: RecordScope, draft: Values): Promise<RecordRow[]> {
  const same = sameNameCondition(scope.module, normalizeForSearch(recordTitle(scope.module, draft)));
  if (!same) return [];
  const org = organizationField(scope.module);
  let query = live(scope).where(same);
  if (org) query = query.where(sql<SqlBool>`records.data ->> ${org} is not distinct from ${draft[org] ?? null}`);
  return query.limit(MAX_MATCHES).execute();
}

export interface LikelyDuplicate {
  record: ApiRecord;
  reasons: MatchOn[];
}

/** Live records a draft (a record being created or edited) likely duplicates, and why. */
export async function checkDuplicates(
  scope: RecordScope,
  draft: Values,
  excludeId?: string,
): Promise<LikelyDuplicate[]> {
  const found = new Map<string, { row: RecordRow; reasons: MatchOn[] }>();
  const add = (key: MatchOn, rows: RecordRow[]) => {
    for (const row of rows) {
      if (row.id === excludeId) continue;
      const entry = found.get(row.id) ?? { row, reasons: [] };
      entry.reasons.push(key);
      found.set(row.id, entry);
    }
  };
  for (const key of VALUE_KEYS) add(key, await byValue(scope, key, draft));
  add('name', await byName(scope, draft));
  return [...found.values()]
    .slice(0, MAX_MATCHES)
    .map(({ row, reasons }) => ({ record: toApiRecord(scope.module, row), reasons }));
}

/**
 * One `select key, value, shown, scope, id, created_at` per key the module has, over its live
 * records: `value` groups them, `shown` (when not the value itself) is what the group shows.
 */
function keyRows(scope: RecordScope): RawBuilder<unknown>[] {
  const { module } = scope;
  const from = sql`from records r where r.workspace_id = ${scope.actor.workspaceId} and r.module = ${module.def.name} and r.deleted_at is null`;
  const selects: RawBuilder<unknown>[] = [];
  for (const key of VALUE_KEYS) {
    const field = matchField(module, key);
    if (!field) continue;
    const name = field.name;
    if (field.type === 'emailList')
      selects.push(sql`select 'email' as key, lower(e ->> 'address') as value, null as shown, '' as scope, r.id, r.created_at
        from records r cross join lateral jsonb_array_elements(r.data -> ${name}) e
        where r.workspace_id = ${scope.actor.workspaceId} and r.module = ${module.def.name} and r.deleted_at is null`);
    else if (field.type === 'phoneList')
      selects.push(sql`select 'mobile' as key, p ->> 'number' as value, null as shown, '' as scope, r.id, r.created_at
        from records r cross join lateral jsonb_array_elements(r.data -> ${name}) p
        where r.workspace_id = ${scope.actor.workspaceId} and r.module = ${module.def.name} and r.deleted_at is null
          and (p ->> 'kind' = 'mobile' or jsonb_array_length(r.data -> ${name}) = 1)`);
    else if (field.type === 'phone')
      selects.push(
        sql`select 'mobile' as key, r.data -> ${name} ->> 'number' as value, null as shown, '' as scope, r.id, r.created_at ${from}`,
      );
    else if (field.type === 'email')
      selects.push(
        sql`select 'email' as key, lower(r.data ->> ${name}) as value, null as shown, '' as scope, r.id, r.created_at ${from}`,
      );
    else
      selects.push(
        sql`select ${key} as key, r.data ->> ${name} as value, null as shown, '' as scope, r.id, r.created_at ${from}`,
      );
  }
  const org = organizationField(module);
  const orgOf = org ? sql`coalesce(r.data ->> ${org}, '')` : sql`''`;
  // Near-identical names share a group: compared without their spaces («محمدرضا», «محمد رضا»),
  // shown as the oldest record's.
  const title = normalizedTitleSql(module);
  selects.push(
    sql`select 'name' as key, replace(${title}, ' ', '') as value, ${title} as shown, ${orgOf} as scope, r.id, r.created_at ${from}`,
  );
  return selects;
}

export interface DuplicateGroup {
  key: MatchOn;
  value: string;
  records: ApiRecord[];
}

type Cursor = [string, string, string];

function decodeCursor(cursor: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((p) => typeof p === 'string'))
      return parsed as Cursor;
  } catch {
    // not JSON: the same answer as any other cursor this server did not give out
  }
  throw validationProblem([{ field: 'cursor', code: 'invalid_cursor' }]);
}

/**
 * Groups of live records sharing a key value (national code, e-mail, mobile, normalised name in
 * one organization), oldest record first, in one grouped query; paged by (key, value, scope).
 */
export async function findDuplicateGroups(
  scope: RecordScope,
  limit: number,
  cursor?: string,
): Promise<{ data: DuplicateGroup[]; nextCursor: string | null }> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const result = await sql<{ key: MatchOn; value: string; shown: string; scope: string; ids: string[] }>`
    with keyed as (${sql.join(keyRows(scope), sql` union all `)})
    select key, value, scope, (array_agg(id order by created_at, id))[1:${MAX_GROUP}] as ids,
      (array_agg(coalesce(shown, value) order by created_at, id))[1] as shown
    from keyed
    where value is not null and value <> ''
      ${after ? sql`and (key, value, scope) > (${after[0]}, ${after[1]}, ${after[2]})` : sql``}
    group by key, value, scope
    having count(distinct id) > 1
    order by key, value, scope
    limit ${limit + 1}`.execute(scope.db);
  const groups = result.rows.slice(0, limit);
  const ids = [...new Set(groups.flatMap((g) => g.ids))];
  const rows = ids.length === 0 ? [] : await live(scope).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, toApiRecord(scope.module, r)]));
  const last = groups.at(-1);
  return {
    data: groups.map((g) => ({
      key: g.key,
      value: g.shown,
      records: [...new Set(g.ids)].map((id) => byId.get(id)!),
    })),
    nextCursor:
      result.rows.length > limit && last
        ? Buffer.from(JSON.stringify([last.key, last.value, last.scope])).toString('base64url')
        : null,
  };
}
