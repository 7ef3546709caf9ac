import { randomUUID } from 'node:crypto';
import type { FieldIssue } from '@peyvand/shared';
import { type RawBuilder, type UpdateObject, sql } from 'kysely';
import type {
  FieldChange,
  ImportOptions,
  ImportFormat,
  ImportsDatabase,
  ImportsExecutor,
  RowOutcome,
  RowReason,
} from './imports.tables.js';

/** All SQL over `imports` and `import_rows`. */

export const LEASE_SECONDS = 60;

/** The attempts in a row, each ended by an error not about a row, after which an import fails. */
export const MAX_FAILED_ATTEMPTS = 3;
/** The pause before the next attempt, times the failures so far: 15 s, then 30 s. */
const RETRY_PAUSE_SECONDS = 15;

export async function insertImport(
  db: ImportsExecutor,
  values: {
    workspaceId: string;
    id: string;
    module: string;
    fileName: string;
    format: ImportFormat;
    file: Buffer;
    options: ImportOptions;
    columns: string[];
    createdBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      workspace_id: values.workspaceId,
      id: values.id,
      module: values.module,
      file_name: values.fileName,
      file_format: values.format,
      file: values.file,
      options: JSON.stringify(values.options),
      columns: JSON.stringify(values.columns),
      created_by: values.createdBy,
    })
    .execute();
}

/** A job's state: everything but its file. */
const STATE_COLUMNS = [
  'id',
  'module',
  'status',
  'file_name',
  'file_format',
  'options',
  'columns',
  'next_row',
  'imported',
  'updated',
  'skipped',
  'failed',
  'total_rows',
  'undone',
  'error',
  'error_code',
  'error_params',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
] as const;

/** How many records the import created because rows named them, by module: `{ organizations: 3 }`. */
const createdRelated = sql<Record<string, number>>`(
  select coalesce(jsonb_object_agg(c.module, c.n), '{}'::jsonb)
  from (select module, count(*)::int as n from import_created_records
        where import_id = imports.id group by module) c)`.as('created_related');

export function findImport(db: ImportsExecutor, workspaceId: string, id: string) {
  return db
    .selectFrom('imports')
    .select(STATE_COLUMNS)
    .select(createdRelated)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The newest imports of a workspace, of one module and one user when given (imports_by_workspace). */
export function recentImports(
  db: ImportsExecutor,
  workspaceId: string,
  filter: { module?: string; createdBy?: string | null; limit: number },
) {
  let query = db
    .selectFrom('imports')
    .select(STATE_COLUMNS)
    .select(createdRelated)
    .where('workspace_id', '=', workspaceId);
  if (filter.module) query = query.where('module', '=', filter.module);
  if (filter.createdBy !== undefined) query = query.where('created_by', 'is not distinct from', filter.createdBy);
  return query.orderBy('created_at', 'desc').limit(filter.limit).execute();
}

export type ImportState = NonNullable<Awaited<ReturnType<typeof findImport>>>;

/**
 * Takes the oldest job that is waiting, or whose server stopped renewing its lease (killed
 * midway), for this server. SKIP LOCKED lets every app server poll without taking the same job.
 */
export async function claimImport(db: ImportsExecutor, only?: string) {
  const token = randomUUID();
  const claimed = await db
    .updateTable('imports')
    .set({
      status: sql`case when status = 'queued' then 'running' else status end`,
      lease_token: token,
      lease_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
      started_at: sql`coalesce(started_at, now())`,
    })
    .where(
      'id',
      '=',
      db
        .selectFrom('imports')
        .select('id')
        .$if(only !== undefined, (q) => q.where('id', '=', only!))
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([
              eb('status', 'in', ['running', 'undoing']),
              eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]),
            ]),
          ]),
        )
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
  return claimed;
}

export type ClaimedImport = NonNullable<Awaited<ReturnType<typeof claimImport>>>;

/** The job a server holds, by the token of its lease. */
export interface Lease {
  id: string;
  leaseToken: string;
}

/** Another server took the job over (this one's lease lapsed): this one must stop and roll back. */
export class LeaseLost extends Error {}

export interface RowResult {
  number: number;
  outcome: RowOutcome;
  recordId?: string | undefined;
  changes?: FieldChange[] | undefined;
  cells?: string[] | undefined;
  reasons?: RowReason[] | undefined;
}

/**
 * Rows' outcomes, the counts and the resume point, in the caller's transaction: they commit
 * together with the rows' records or not at all, so a resumed job neither skips nor repeats one.
 */
export async function recordOutcomes(
  db: ImportsExecutor,
  job: Lease,
  results: RowResult[],
  nextRow: number,
): Promise<void> {
  if (results.length > 0) {
    // One JSON document for the batch, as records.repository's insertRecords does. What a row
    // lacks is left out of it (JSON has no undefined) and read as null: a created row is short.
    const rows = results.map((r) => ({
      row_number: r.number,
      outcome: r.outcome,
      record_id: r.recordId,
      changes: r.changes,
      cells: r.cells,
      reasons: r.reasons,
    }));
    await sql`
      insert into import_rows (import_id, row_number, outcome, record_id, changes, cells, reasons)
      select ${job.id}, r.row_number, r.outcome, r.record_id, r.changes, r.cells, r.reasons
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(row_number integer, outcome text, record_id uuid, changes jsonb, cells jsonb, reasons jsonb)`.execute(db);
  }
  const count = (outcome: RowOutcome) => results.filter((r) => r.outcome === outcome).length;
  await progressed(db, job, {
    imported: sql`imported + ${count('created')}`,
    updated: sql`updated + ${count('updated')}`,
    skipped: sql`skipped + ${count('skipped')}`,
    failed: sql`failed + ${count('failed')}`,
    next_row: nextRow,
  });
}

/** Why a job failed: a message code with its parameters, and the technical text behind it. */
export interface JobFailure {
  code: string;
  params?: FieldIssue['params'];
  detail: string;
}

/** A failure told by `code` (and `params`), with the error's own text kept for operators. */
export function jobFailure(code: string, error: unknown, params?: FieldIssue['params']): JobFailure {
  const detail = error instanceof Error ? error.message : String(error);
  return { code, ...(params ? { params } : {}), detail };
}

const failureColumns = (failure: JobFailure) => ({
  error: failure.detail,
  error_code: failure.code,
  error_params: failure.params ? JSON.stringify(failure.params) : null,
});

/** The failure columns set to `failure` (none: cleared) where `condition` holds, and left as they are elsewhere. */
function failureColumnsWhere(condition: RawBuilder<boolean>, failure: JobFailure | null) {
  const columns = failure ? failureColumns(failure) : { error: null, error_code: null, error_params: null };
  return {
    error: sql<string | null>`case when ${condition} then ${columns.error} else error end`,
    error_code: sql<string | null>`case when ${condition} then ${columns.error_code} else error_code end`,
    error_params: sql<string>`case when ${condition} then ${columns.error_params}::jsonb else error_params end`,
  };
}

export async function finishImport(
  db: ImportsExecutor,
  job: Lease,
  status: 'completed' | 'failed' | 'undone',
  failure?: JobFailure,
): Promise<void> {
  await db
    .updateTable('imports')
    .set({
      status,
      ...(failure ? failureColumns(failure) : {}),
      finished_at: sql`now()`,
      lease_until: null,
      lease_token: null,
    })
    .where('id', '=', job.id)
    .where('lease_token', '=', job.leaseToken)
    .execute();
}

/**
 * The server holding the job says it is still at it, with `values` to store: its lease is
 * renewed (LeaseLost if another server took the job, or a user cancelled it). In a transaction
 * the row stays locked until the commit, so no other server claims the job meanwhile.
 */
export async function renewLease(
  db: ImportsExecutor,
  job: Lease,
  values: UpdateObject<ImportsDatabase, 'imports'> = {},
) {
  const updated = await db
    .updateTable('imports')
    .set({ ...values, lease_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where('id', '=', job.id)
    .where('lease_token', '=', job.leaseToken)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new LeaseLost();
}

/** Work stored: the lease renewed, and the count of failed attempts in a row starts again. */
const progressed = (db: ImportsExecutor, job: Lease, values: UpdateObject<ImportsDatabase, 'imports'>) =>
  renewLease(db, job, { ...values, failures: 0 });

/** The rows counted (and the records they name created) by the server holding the job. */
export const setTotalRows = (db: ImportsExecutor, job: Lease, total: number) =>
  renewLease(db, job, { total_rows: total });

/** Failed rows in source order, a page at a time, for the error report. */
export function failedRows(db: ImportsExecutor, importId: string, afterRow: number, limit: number) {
  return db
    .selectFrom('import_rows')
    .select(['row_number', 'cells', 'reasons'])
    .where('import_id', '=', importId)
    .where('outcome', '=', 'failed')
    .where('row_number', '>', afterRow)
    .orderBy('row_number')
    .limit(limit)
    .execute();
}

/**
 * Rows after `afterRow` whose record the import created or changed and undo has not reverted
 * yet, in order: each page starts where the last ended, along the primary key.
 */
export function rowsToUndo(db: ImportsExecutor, importId: string, afterRow: number, limit: number) {
  return db
    .selectFrom('import_rows')
    .select(['row_number', 'outcome', 'record_id', 'changes'])
    .where('import_id', '=', importId)
    .where('row_number', '>', afterRow)
    .where('outcome', 'in', ['created', 'updated'])
    .where('undone', '=', false)
    .orderBy('row_number')
    .limit(limit)
    .execute();
}

export async function markUndone(db: ImportsExecutor, job: Lease, rowNumbers: number[]): Promise<void> {
  if (rowNumbers.length === 0) return;
  await db
    .updateTable('import_rows')
    .set({ undone: true })
    .where('import_id', '=', job.id)
    .where('row_number', 'in', rowNumbers)
    .execute();
  await progressed(db, job, { undone: sql`undone + ${rowNumbers.length}` });
}

/** Records the import created because rows named them, not undone yet, a page at a time. */
export function createdRecordsToUndo(db: ImportsExecutor, importId: string, limit: number) {
  return db
    .selectFrom('import_created_records')
    .select(['record_id', 'module'])
    .where('import_id', '=', importId)
    .where('undone', '=', false)
    .orderBy('record_id')
    .limit(limit)
    .execute();
}

export async function markCreatedUndone(db: ImportsExecutor, job: Lease, recordIds: string[]): Promise<void> {
  await db
    .updateTable('import_created_records')
    .set({ undone: true })
    .where('import_id', '=', job.id)
    .where('record_id', 'in', recordIds)
    .execute();
  await progressed(db, job, {});
}

/**
 * An attempt ended in an error that is not about a row (those are reported with the row). The
 * job is tried again after a pause, by whichever server claims it then, until the
 * MAX_FAILED_ATTEMPTS-th such attempt in a row fails it with the error. Returns whether it failed.
 */
export async function recordFailedAttempt(db: ImportsExecutor, job: Lease, failure: JobFailure): Promise<boolean> {
  // Every SET expression reads the row as it was: `failures + 1` is this attempt in each.
  const last = sql<boolean>`failures + 1 >= ${MAX_FAILED_ATTEMPTS}`;
  const updated = await db
    .updateTable('imports')
    .set({
      failures: sql`failures + 1`,
      status: sql`case when ${last} then 'failed' else status end`,
      ...failureColumnsWhere(last, failure),
      finished_at: sql`case when ${last} then now() else finished_at end`,
      lease_token: null,
      lease_until: sql`case when ${last} then null else now() + make_interval(secs => ${RETRY_PAUSE_SECONDS} * (failures + 1)) end`,
    })
    .where('id', '=', job.id)
    .where('lease_token', '=', job.leaseToken)
    .returning('status')
    .executeTakeFirst();
  return updated?.status === 'failed';
}

/**
 * Only a finished, failed or cancelled import can be undone, and only once. The undo starts
 * afresh: failed attempts of the import itself do not count against it.
 */
export async function requestUndo(db: ImportsExecutor, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('imports')
    .set({
      status: 'undoing',
      failures: 0,
      lease_until: null,
      lease_token: null,
      // An undo asked for again ends the failure of the one before; an import's own failure stays.
      ...failureColumnsWhere(sql`error_code = 'undo_attempt_failed'`, null),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', ['completed', 'failed', 'cancelled'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Stops an import that is waiting or running. Its lease goes with it, so the server running it
 * finds out at its next batch, which it rolls back: the rows committed before stay, and the
 * counts say how many.
 */
export async function requestCancel(db: ImportsExecutor, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('imports')
    .set({ status: 'cancelled', finished_at: sql`now()`, lease_until: null, lease_token: null })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseLease(db: ImportsExecutor, id: string, leaseToken: string): Promise<void> {
  await db
    .updateTable('imports')
    .set({ lease_until: sql`now()`, lease_token: null })
    .where('id', '=', id)
    .where('lease_token', '=', leaseToken)
    .where('status', 'in', ['running', 'undoing'])
    .execute();
}
