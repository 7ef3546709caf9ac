import { type Transaction, sql } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { RecordRow } from '../../core/records/record-serializer.js';
import { insertHistoryEntries } from '../../core/records/records.repository.js';
import type { PointingField } from './related-fields.js';

/** A field of a related record as the merge found it and as it left it. */
export interface MovedValue {
  module: string;
  id: string;
  field: string;
  column: 'data' | 'custom';
  before: unknown;
  after: unknown;
}

export interface MergeRow {
  id: string;
  module: string;
  survivor_id: string;
  merged_ids: string[];
  survivor_before: { data: Record<string, unknown>; custom: Record<string, unknown>; owner_id: string | null; owner_group_id: string | null };
  moved: MovedValue[];
}

type Trx = Transaction<Database>;

/** Live records of the field's module holding any of `fragments`, locked in id order. */
export async function lockHolders(
  trx: Trx,
  workspaceId: string,
  pointing: PointingField,
  fragments: object[],
): Promise<RecordRow[]> {
  const column = sql.ref(pointing.column);
  const result = await sql<RecordRow>`
    select * from records
    where workspace_id = ${workspaceId} and module = ${pointing.module} and deleted_at is null
      and (${sql.join(
        fragments.map((f) => sql`${column} @> ${JSON.stringify(f)}::jsonb`),
        sql` or `,
      )})
    order by id for update`.execute(trx);
  return result.rows;
}

/** Sets one field on each record (a new version each) and writes their history entries, in one statement each. */
export async function writeMovedValues(
  trx: Trx,
  workspaceId: string,
  userId: string | null,
  values: { module: string; id: string; field: string; column: 'data' | 'custom'; value: unknown; from: unknown }[],
): Promise<void> {
  if (values.length === 0) return;
  const rows = values.map((v) => ({ id: v.id, column: v.column, field: v.field, value: v.value }));
  const updated = await sql<{ id: string; version: number; module: string }>`
    update records r
    set data = case when m.col = 'data' then jsonb_set(r.data, array[m.field], m.value) else r.data end,
        custom = case when m.col = 'custom' then jsonb_set(r.custom, array[m.field], m.value) else r.custom end,
        version = r.version + 1, updated_at = now(), updated_by = ${userId}
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ ...r, col: r.column })))}::jsonb)
      as m(id uuid, col text, field text, value jsonb)
    where r.workspace_id = ${workspaceId} and r.id = m.id
    returning r.id, r.version, r.module`.execute(trx);
  const versions = new Map(updated.rows.map((r) => [r.id, r.version]));
  await insertHistoryEntries(
    trx,
    values.map((v) => ({
      workspace_id: workspaceId,
      record_id: v.id,
      module: v.module,
      version: versions.get(v.id)!,
      action: 'updated' as const,
      changes: [{ field: v.column === 'custom' ? `custom.${v.field}` : v.field, from: v.from, to: v.value }],
      changed_by: userId,
    })),
  );
}

export async function insertMerge(
  trx: Trx,
  workspaceId: string,
  userId: string | null,
  merge: MergeRow,
): Promise<void> {
  await sql`
    insert into record_merges (workspace_id, id, module, survivor_id, merged_ids, survivor_before, moved, merged_by)
    values (${workspaceId}, ${merge.id}, ${merge.module}, ${merge.survivor_id},
            ${sql`array[${sql.join(merge.merged_ids)}]::uuid[]`}, ${JSON.stringify(merge.survivor_before)}::jsonb,
            ${JSON.stringify(merge.moved)}::jsonb, ${userId})`.execute(trx);
}

/** A merge not yet undone, by its id or by one of the records it merged away; locked. */
export async function lockOpenMerge(
  trx: Trx,
  workspaceId: string,
  by: { id: string } | { mergedId: string },
): Promise<MergeRow | undefined> {
  const condition = 'id' in by ? sql`id = ${by.id}` : sql`merged_ids @> array[${by.mergedId}]::uuid[]`;
  const result = await sql<MergeRow>`
    select id, module, survivor_id, merged_ids, survivor_before, moved from record_merges
    where workspace_id = ${workspaceId} and undone_at is null and ${condition}
    for update`.execute(trx);
  return result.rows[0];
}

export async function markUndone(trx: Trx, workspaceId: string, id: string): Promise<void> {
  await sql`update record_merges set undone_at = now() where workspace_id = ${workspaceId} and id = ${id}`.execute(trx);
}

/** The records (any module) among `ids`, locked, as they are now. */
export async function lockRecordsById(trx: Trx, workspaceId: string, ids: string[]): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('records')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}
