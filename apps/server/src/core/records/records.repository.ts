import { type QueryCreator, type RawBuilder, type SqlBool, type Transaction, sql } from 'kysely';
import type { DB } from '../db/database.js';
import type { Database, HistoryChange } from '../db/schema.js';
import type { RecordRow } from './record-serializer.js';
import { toStoredChanges } from './stored-changes.js';

/** All SQL over the `records` table. Functions take the database (or a transaction) first. */

type Executor = DB | Transaction<Database>;

/**
 * The first of `count` new record numbers of a module, inside the caller's transaction: the
 * module's counter row stays locked until that transaction ends. For writes that create
 * records as part of a larger change (a lead conversion, an import row written on its own).
 */
export async function allocateNumbers(
  trx: Transaction<Database>,
  workspaceId: string,
  module: string,
  count = 1,
): Promise<number> {
  const row = await trx
    .insertInto('record_counters')
    .values({ workspace_id: workspaceId, module, last_value: 1000 + count })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'module']).doUpdateSet({ last_value: sql`record_counters.last_value + ${count}` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value) - count + 1;
}

/**
 * The same, taken in a statement of its own (never inside a transaction) that commits without
 * waiting for its write-ahead log to reach the disk, just before the records are stored. Taken
 * inside the records' transaction, the counter row stayed locked across that transaction's
 * commit, and every create of the module queued behind it: under load, more connections waited
 * on that lock than did anything else. Safe: the records are stored afterwards and the log is
 * replayed in order, so a record that survives a crash always finds its number's increment
 * survived too (an import's asynchronous commits included). Numbers taken for records that are
 * then not stored are skipped, as a sequence skips them. Inside a transaction the setting would
 * make that whole transaction's commit asynchronous.
 */
export async function takeNumbers(db: DB, workspaceId: string, module: string, count = 1): Promise<number> {
  const { rows } = await sql<{ last_value: string | number }>`
    with async_commit as (select set_config('synchronous_commit', 'off', true))
    insert into record_counters (workspace_id, module, last_value)
    select ${workspaceId}, ${module}, ${1000 + count} from async_commit
    on conflict (workspace_id, module) do update set last_value = record_counters.last_value + ${count}
    returning last_value`.execute(db);
  return Number(rows[0]!.last_value) - count + 1;
}

/** The records' GIN indexes, whose new entries wait in a pending list until merged. */
const GIN_INDEXES = ['records_search', 'records_data', 'records_custom'];

/**
 * Settings for a transaction writing records by the thousand (an import's batch). The GIN
 * indexes' new entries gather in pending lists of up to 4 MB rather than a request's 256 kB
 * (migration 0012) and merge in fewer, bigger steps; mergePendingIndexEntries tidies up once the
 * writing is done. The commit does not wait for the disk: a crash may lose the last such
 * transactions, each whole with whatever it recorded of its own progress (an import's resume
 * point), so the work is done again rather than lost.
 */
export async function setUpBulkWrite(trx: Transaction<Database>): Promise<void> {
  await sql`select set_config('gin_pending_list_limit', '4096', true),
                   set_config('synchronous_commit', 'off', true)`.execute(trx);
}

/**
 * Merges the GIN indexes' pending lists, so the searches that follow a bulk write read none:
 * the three at once, each on a connection of its own. PostgreSQL lets only the indexes' owner
 * do it; for any other user autovacuum will.
 */
export async function mergePendingIndexEntries(db: DB): Promise<void> {
  const merge = async (index: string) => {
    try {
      await sql`select gin_clean_pending_list(${index}::regclass)`.execute(db);
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error;
    }
  };
  await Promise.all(GIN_INDEXES.map(merge));
}

export interface NewRecordRow {
  workspace_id: string;
  id: string;
  module: string;
  number: string;
  owner_id: string | null;
  owner_group_id: string | null;
  data: Record<string, unknown>;
  custom: Record<string, unknown>;
  search_text: string;
  created_by: string | null;
  created_at: Date;
}

const recordValues = (row: NewRecordRow) => ({
  ...row,
  data: JSON.stringify(row.data),
  custom: JSON.stringify(row.custom),
  version: 1,
  updated_at: row.created_at,
  updated_by: row.created_by,
});

/** The statement's `written` record as it now stands, entered in its history with `changes`. */
function historyEntry(q: QueryCreator<Database & { written: RecordRow }>, action: string, changes: HistoryChange[]) {
  return q
    .insertInto('record_history')
    .columns(['workspace_id', 'record_id', 'module', 'version', 'action', 'changes', 'changed_by', 'changed_at'])
    .expression(
      q.selectFrom('written').select([
        'workspace_id',
        'id',
        'module',
        'version',
        sql.lit(action).as('action'),
        sql<string>`${JSON.stringify(toStoredChanges(action, changes))}::jsonb`.as('changes'),
        // A new record's updated_by and updated_at are its creator and creation time.
        'updated_by',
        'updated_at',
      ]),
    );
}

/**
 * A new record and its «created» history entry, in one statement: atomic by itself, so a
 * create needs no transaction of its own.
 */
export async function insertRecord(db: Executor, row: NewRecordRow, changes: HistoryChange[]): Promise<RecordRow> {
  return db
    .with('written', (q) => q.insertInto('records').values(recordValues(row)).returningAll())
    .with('history', (q) => historyEntry(q, 'created', changes))
    .selectFrom('written')
    .selectAll()
    .executeTakeFirstOrThrow();
}

/**
 * Many new records (an import batch, generated data) and their «created» history entries, in one
 * statement. The database writes each entry from the row it has just stored, in the form
 * toStoredChanges gives a created entry (stored-changes.ts): the record's data, its custom values
 * under `custom` and its owner, none of them empty. So the values travel once, not a second time
 * in a history document.
 */
export async function insertRecords(trx: Executor, rows: NewRecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  // One JSON document for the lot: one native JSON.stringify here and one parse in the database,
  // far cheaper than thousands of bound parameters or escaped arrays. Read as jsonb: from plain
  // json, PostgreSQL takes each row apart anew, and a contact costs about four times as much.
  await sql`
    with written as (
      insert into records (workspace_id, id, module, number, owner_id, owner_group_id, data, custom, search_text,
                           version, created_at, created_by, updated_at, updated_by)
      select r.workspace_id, r.id, r.module, r.number, r.owner_id, r.owner_group_id, r.data, r.custom, r.search_text,
             1, r.created_at, r.created_by, r.created_at, r.created_by
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(workspace_id uuid, id uuid, module text, number text, owner_id uuid, owner_group_id uuid, data jsonb,
             custom jsonb, search_text text, created_at timestamptz, created_by uuid)
      returning workspace_id, id, module, owner_id, owner_group_id, data, custom, created_at, created_by)
    insert into record_history (workspace_id, record_id, module, version, action, changes, changed_by, changed_at)
    select w.workspace_id, w.id, w.module, 1, 'created',
           w.data
             || case when w.custom = '{}' then '{}' else jsonb_build_object('custom', w.custom) end
             || jsonb_strip_nulls(jsonb_build_object('ownerId', w.owner_id, 'ownerGroupId', w.owner_group_id)),
           w.created_by, w.created_at
    from written w`.execute(trx);
}

export async function findRecord(
  db: Executor,
  workspaceId: string,
  module: string,
  id: string,
  options: { deleted?: boolean; forUpdate?: boolean } = {},
): Promise<RecordRow | undefined> {
  let query = db
    .selectFrom('records')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', module)
    .where('id', '=', id)
    .where('deleted_at', options.deleted ? 'is not' : 'is', null);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export interface RecordChanges {
  owner_id: string | null;
  owner_group_id: string | null;
  data: Record<string, unknown>;
  custom: Record<string, unknown>;
  search_text: string;
  updated_by: string | null;
}

/**
 * The record changed from `current` and its «updated» history entry, in one statement, only if
 * it is still at `current.version` and live: undefined when another write got there first (the
 * caller reads it again, or answers 409). Inside a transaction holding the row's lock, it always is.
 */
export async function updateRecordRow(
  db: Executor,
  current: RecordRow,
  values: RecordChanges,
  changes: HistoryChange[],
): Promise<RecordRow | undefined> {
  return db
    .with('written', (q) =>
      q
        .updateTable('records')
        .set({
          ...values,
          data: JSON.stringify(values.data),
          custom: JSON.stringify(values.custom),
          version: current.version + 1,
          updated_at: new Date(),
        })
        .where('workspace_id', '=', current.workspace_id)
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .where('deleted_at', 'is', null)
        .returningAll(),
    )
    .with('history', (q) => historyEntry(q, 'updated', changes))
    .selectFrom('written')
    .selectAll()
    .executeTakeFirst();
}

export async function setDeleted(
  trx: Executor,
  current: RecordRow,
  by: string | null,
  deleted: boolean,
): Promise<RecordRow> {
  return trx
    .updateTable('records')
    .set({
      deleted_at: deleted ? new Date() : null,
      deleted_by: deleted ? by : null,
      version: current.version + 1,
      updated_at: new Date(),
      updated_by: by,
    })
    .where('workspace_id', '=', current.workspace_id)
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function purgeRecord(trx: Executor, workspaceId: string, id: string): Promise<void> {
  await trx.deleteFrom('record_history').where('workspace_id', '=', workspaceId).where('record_id', '=', id).execute();
  await trx.deleteFrom('records').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Ids among `ids` that are live records of `module`, for reference checks. */
export async function liveIds(db: Executor, workspaceId: string, module: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('records')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', module)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Another live record of the module whose `data` contains the fragment (a unique value taken). */
export async function otherRecordWith(
  db: Executor,
  workspaceId: string,
  module: string,
  fragment: Record<string, unknown>,
  exceptId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('records')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', module)
    .where('deleted_at', 'is', null)
    .where('id', '<>', exceptId)
    .where(sql<SqlBool>`data @> ${JSON.stringify(fragment)}::jsonb`)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ListQuery {
  workspaceId: string;
  module: string;
  deleted?: boolean;
  where: RawBuilder<SqlBool>[];
  orderBy: { expr: RawBuilder<unknown>; direction: 'asc' | 'desc' }[];
  /** Sort expressions returned as `k0`, `k1`… to build the next cursor from the last row. */
  cursorKeys: RawBuilder<unknown>[];
  limit: number;
}

export async function listRecordRows(db: Executor, q: ListQuery): Promise<(RecordRow & Record<string, unknown>)[]> {
  let query = db
    .selectFrom('records')
    .selectAll()
    .select(q.cursorKeys.map((expr, i) => sql`to_jsonb(${expr})`.as(`k${i}`)))
    .where('workspace_id', '=', q.workspaceId)
    .where('module', '=', q.module)
    .where('deleted_at', q.deleted ? 'is not' : 'is', null);
  for (const condition of q.where) query = query.where(condition);
  for (const order of q.orderBy) query = query.orderBy(sql`${order.expr} ${sql.raw(order.direction)}`);
  return (await query.limit(q.limit).execute()) as (RecordRow & Record<string, unknown>)[];
}

export interface NewHistoryEntry {
  workspace_id: string;
  record_id: string;
  module: string;
  version: number;
  action: 'created' | 'updated' | 'deleted' | 'restored';
  changes: HistoryChange[];
  changed_by: string | null;
  /** Now, unless the entry records an earlier change (generated data). */
  changed_at?: Date;
}

export async function insertHistory(trx: Executor, entry: NewHistoryEntry): Promise<void> {
  await insertHistoryEntries(trx, [entry]);
}

/** History entries in one statement, passed as one JSON document as insertRecords does. */
export async function insertHistoryEntries(trx: Executor, entries: NewHistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const now = new Date();
  await sql`
    insert into record_history (workspace_id, record_id, module, version, action, changes, changed_by, changed_at)
    select h.workspace_id, h.record_id, h.module, h.version, h.action, h.changes, h.changed_by, h.changed_at
    from jsonb_to_recordset(${JSON.stringify(
      entries.map((e) => ({ ...e, changes: toStoredChanges(e.action, e.changes), changed_at: e.changed_at ?? now })),
    )}::jsonb)
      as h(workspace_id uuid, record_id uuid, module text, version integer, action text, changes jsonb,
           changed_by uuid, changed_at timestamptz)`.execute(trx);
}

export async function historyRows(
  db: Executor,
  workspaceId: string,
  recordId: string,
  limit: number,
  beforeId?: number,
) {
  let query = db
    .selectFrom('record_history')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('record_id', '=', recordId);
  if (beforeId !== undefined) query = query.where('id', '<', String(beforeId));
  return query.orderBy('id', 'desc').limit(limit).execute();
}

/**
 * The live records of `module` among `ids`, locked until the transaction ends. Rows are locked
 * in id order, so two bulk actions over overlapping records queue instead of deadlocking.
 */
export async function lockLiveRecords(
  trx: Executor,
  workspaceId: string,
  module: string,
  ids: string[],
): Promise<RecordRow[]> {
  return trx
    .selectFrom('records')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', module)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
}
