import type { FilterNode } from '@peyvand/shared';
import { fieldTypes, filterNamesField } from '@peyvand/shared';
import { type RawBuilder, type SqlBool, type Transaction, sql } from 'kysely';
import type { Database, HistoryChange, StoredChanges } from '../db/schema.js';
import { ProblemError, notFound, validationProblem } from '../http/problem.js';
import { hooksFor } from '../../modules/hooks.js';
import type { EffectiveModule } from '../metadata/effective-module.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { compileFilter, escapeLike } from './filter-compiler.js';
import { assertAdmin, assertCanWrite } from './permissions.js';
import type { ApiRecord, RecordRow } from './record-serializer.js';
import { toApiRecord } from './record-serializer.js';
import { assertMayChange } from './authorship.js';
import * as repo from './records.repository.js';
import { searchWords } from './search-text.js';
import { compileSort, keysetCondition } from './sort.js';
import type { RecordScope } from './record-scope.js';
import { isPlainModule, translateUniqueViolation, writePlainRecord, writeRecord } from './record-write.js';
import { fromStoredChanges } from './stored-changes.js';

export type { RecordScope } from './record-scope.js';

type Values = Record<string, unknown>;

async function output(scope: RecordScope, rows: RecordRow[], fields?: ReadonlySet<string>): Promise<ApiRecord[]> {
  const records = rows.map((row) => toApiRecord(scope.module, row, fields));
  await hooksFor(scope.module.def.name).decorate?.(scope.db, scope.actor.workspaceId, records);
  return records;
}

/** `input` has been parsed by the module's create schema. */
export async function createRecord(scope: RecordScope, input: Values): Promise<ApiRecord> {
  assertCanWrite(scope.actor, scope.module);
  const row = isPlainModule(scope.module)
    ? (await writePlainRecord(scope, input))!
    : await scope.db.transaction().execute((trx) => writeRecord(scope, trx, input));
  return (await output(scope, [row]))[0]!;
}

/** Inside a caller's transaction, for actions that create several records at once. */
export function createRecordIn(scope: RecordScope, trx: Transaction<Database>, input: Values): Promise<RecordRow> {
  assertCanWrite(scope.actor, scope.module);
  return writeRecord(scope, trx, input);
}

export async function getRecord(scope: RecordScope, id: string): Promise<ApiRecord> {
  const row = await repo.findRecord(scope.db, scope.actor.workspaceId, scope.module.def.name, id);
  if (!row) throw notFound();
  return (await output(scope, [row]))[0]!;
}

export function conflict(current: number) {
  return new ProblemError(
    'conflict',
    {
      fa: `این رکورد در این فاصله تغییر کرده است (نسخه کنونی ${current}).`,
      en: `The record was changed meanwhile (current version ${current}).`,
    },
    [{ field: 'version', code: 'version_conflict', params: { current } }],
  );
}

/**
 * The record's row, locked until the transaction ends; with a `version`, only if it is still
 * that version (optimistic locking), else 409 and nothing changes.
 */
async function lockRecord(
  scope: RecordScope,
  trx: Transaction<Database>,
  id: string,
  expect: { deleted: boolean; version?: number | undefined },
): Promise<RecordRow> {
  const current = await repo.findRecord(trx, scope.actor.workspaceId, scope.module.def.name, id, {
    deleted: expect.deleted,
    forUpdate: true,
  });
  if (!current) throw notFound();
  if (expect.version !== undefined && expect.version !== current.version) throw conflict(current.version);
  return current;
}

/**
 * `input` has been parsed by the update schema. With a `version`, the update applies only to
 * that version (optimistic locking): a stale one gets 409 and nothing changes.
 */
export async function updateRecord(scope: RecordScope, id: string, input: Values): Promise<ApiRecord> {
  assertCanWrite(scope.actor, scope.module);
  const version = input.version as number | undefined;
  const row =
    (isPlainModule(scope.module) ? await updateUnlocked(scope, id, input, version) : undefined) ??
    (await scope.db.transaction().execute(async (trx) => {
      const current = await lockRecord(scope, trx, id, { deleted: false, version });
      return writeRecord(scope, trx, input, current);
    }));
  return (await output(scope, [row]))[0]!;
}

/**
 * A plain module's update without a transaction or a lock: read, then store only if the record
 * is still at the version read. Undefined when another write got there first: the caller then
 * takes the row's lock, which answers 409 to a stale client `version` and otherwise applies the
 * update onto the newer record, so no change is lost and no writer starves.
 */
async function updateUnlocked(
  scope: RecordScope,
  id: string,
  input: Values,
  version: number | undefined,
): Promise<RecordRow | undefined> {
  const current = await repo.findRecord(scope.db, scope.actor.workspaceId, scope.module.def.name, id);
  if (!current) throw notFound();
  if (version !== undefined && version !== current.version) throw conflict(current.version);
  return writePlainRecord(scope, input, current);
}

/** One record to the recycle bin or back, inside the caller's transaction (a bulk delete shares one). */
export async function changeDeletedIn(
  scope: RecordScope,
  trx: Transaction<Database>,
  id: string,
  deleted: boolean,
  version?: number,
): Promise<RecordRow> {
  assertCanWrite(scope.actor, scope.module);
  const { actor, module } = scope;
  const current = await lockRecord(scope, trx, id, { deleted: !deleted, version });
  assertMayChange(actor, module.def, current);
  const hooks = hooksFor(module.def.name);
  await (deleted ? hooks.beforeDelete : hooks.beforeRestore)?.(trx, actor, current);
  let updated: RecordRow;
  try {
    updated = await repo.setDeleted(trx, current, actor.userId, deleted);
  } catch (error) {
    translateUniqueViolation(error, module);
  }
  await repo.insertHistory(trx, {
    workspace_id: actor.workspaceId,
    record_id: id,
    module: module.def.name,
    version: updated.version,
    action: deleted ? 'deleted' : 'restored',
    changes: [],
    changed_by: actor.userId,
  });
  if (!deleted) await hooks.afterRestore?.(trx, actor, updated, scope.now());
  return updated;
}

/** To the recycle bin: hidden from lists and reads, restorable until purged. */
export async function deleteRecord(scope: RecordScope, id: string, version?: number): Promise<ApiRecord> {
  const row = await scope.db.transaction().execute((trx) => changeDeletedIn(scope, trx, id, true, version));
  return (await output(scope, [row]))[0]!;
}

/** Gone for good, with its history: only from the recycle bin, only by an admin. */
export async function purgeRecord(scope: RecordScope, id: string): Promise<void> {
  assertAdmin(scope.actor);
  await scope.db.transaction().execute(async (trx) => {
    await lockRecord(scope, trx, id, { deleted: true });
    await repo.purgeRecord(trx, scope.actor.workspaceId, id);
  });
}

export interface ListOptions {
  filter?: FilterNode | undefined;
  sort?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  fields?: string[] | undefined;
  deleted?: boolean;
}

export function searchCondition(q: string): RawBuilder<SqlBool> | undefined {
  const words = searchWords(q);
  if (words.length === 0) return undefined;
  return sql<SqlBool>`(${sql.join(
    words.map((w) => sql`search_text like ${`%${escapeLike(w)}%`}`),
    sql` and `,
  )})`;
}

export async function listRecords(
  scope: RecordScope,
  options: ListOptions,
): Promise<{ data: ApiRecord[]; nextCursor: string | null }> {
  const { module } = scope;
  const sort = compileSort(module, options.sort);
  const where: RawBuilder<SqlBool>[] = [];
  if (options.filter) where.push(compileFilter(module, options.filter));
  // Records a module keeps out of its lists (converted leads) come back when the filter asks about them.
  const usual = module.def.defaultListFilter;
  if (usual && !options.deleted && !(options.filter && filterNamesField(options.filter, usual.field)))
    where.push(compileFilter(module, usual));
  const search = options.q ? searchCondition(options.q) : undefined;
  if (search) where.push(search);
  if (options.cursor) where.push(keysetCondition(sort, decodeCursor(options.cursor, sort.signature, sort.keys.length)));
  const rows = await repo.listRecordRows(scope.db, {
    workspaceId: scope.actor.workspaceId,
    module: module.def.name,
    deleted: options.deleted ?? false,
    where,
    orderBy: [...sort.keys, sort.tieBreaker],
    cursorKeys: sort.keys.map((k) => k.expr),
    limit: options.limit + 1,
  });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > options.limit && last
      ? encodeCursor({ sort: sort.signature, keys: sort.keys.map((_, i) => last[`k${i}`]), id: last.id })
      : null;
  const fields = options.fields ? new Set(options.fields) : undefined;
  return { data: await output(scope, page, fields), nextCursor };
}

export interface HistoryEntry {
  id: string;
  version: number;
  action: string;
  changedAt: string;
  changedBy: string | null;
  changes: HistoryChange[];
}

/** Stored phone values are shown as their E.164 number, like everywhere else in the API. */
function presentChange(module: EffectiveModule, change: HistoryChange): HistoryChange {
  const name = change.field.startsWith('custom.') ? change.field.slice(7) : change.field;
  const field = change.field.startsWith('custom.') ? module.customFields.get(name) : module.fields.get(name);
  if (!field || fieldTypes[field.type].storage !== 'phone') return change;
  const number = (v: unknown) => (v && typeof v === 'object' ? (v as { number: string }).number : v);
  return { field: change.field, from: number(change.from), to: number(change.to) };
}

/** A history entry's changes as the API shows them. */
export function presentChanges(module: EffectiveModule, stored: StoredChanges): HistoryChange[] {
  return fromStoredChanges(module, stored).map((change) => presentChange(module, change));
}

export async function recordHistory(scope: RecordScope, id: string, limit: number, cursor?: string) {
  const { actor, module } = scope;
  const exists =
    (await repo.findRecord(scope.db, actor.workspaceId, module.def.name, id)) ??
    (await repo.findRecord(scope.db, actor.workspaceId, module.def.name, id, { deleted: true }));
  if (!exists) throw notFound();
  const before = cursor === undefined ? undefined : Number(cursor);
  if (before !== undefined && !Number.isSafeInteger(before))
    throw validationProblem([{ field: 'cursor', code: 'invalid_cursor' }]);
  const rows = await repo.historyRows(scope.db, actor.workspaceId, id, limit + 1, before);
  const data: HistoryEntry[] = rows.slice(0, limit).map((r) => ({
    id: String(r.id),
    version: r.version,
    action: r.action,
    changedAt: r.changed_at.toISOString(),
    changedBy: r.changed_by,
    changes: presentChanges(module, r.changes),
  }));
  return { data, nextCursor: rows.length > limit ? data.at(-1)!.id : null };
}
