import type { FieldDef, FilterNode } from '@peyvand/shared';
import { fieldTypes, isEmptyValue } from '@peyvand/shared';
import { type RawBuilder, type SqlBool, type Transaction, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../auth/principal.js';
import type { DB } from '../db/database.js';
import type { Database, HistoryChange } from '../db/schema.js';
import type { FieldIssue } from '../http/problem.js';
import { ProblemError, notFound, validationProblem } from '../http/problem.js';
import { hooksFor } from '../../modules/hooks.js';
import type { EffectiveModule, ModuleSet } from '../metadata/effective-module.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { compileFilter, escapeLike } from './filter-compiler.js';
import type { PendingWrite } from './module-hooks.js';
import { assertAdmin, assertCanWrite } from './permissions.js';
import type { ApiRecord, RecordRow } from './record-serializer.js';
import { toApiRecord } from './record-serializer.js';
import * as repo from './records.repository.js';
import { buildSearchText, searchWords } from './search-text.js';
import { compileSort, keysetCondition } from './sort.js';

/** Everything a record operation needs: where, who, and which module as this workspace sees it. */
export interface RecordScope {
  db: DB;
  actor: Actor;
  module: EffectiveModule;
  modules: ModuleSet;
}

type Values = Record<string, unknown>;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Applies a write's values onto stored ones; null or '' removes a value. */
function merge(stored: Values, input: Values | undefined): Values {
  const out = { ...stored };
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value === undefined) continue;
    if (isEmptyValue(value)) delete out[key];
    else out[key] = value;
  }
  return out;
}

function splitInput(input: Values) {
  const { custom, ownerId, ownerGroupId, version, ...data } = input;
  return {
    data,
    custom: custom as Values | undefined,
    ownerId: ownerId as string | null | undefined,
    ownerGroupId: ownerGroupId as string | null | undefined,
    version: version as number | undefined,
  };
}

function requiredIssues(module: EffectiveModule, data: Values, custom: Values, isNew: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (field: FieldDef, value: unknown, path: string) => {
    if (field.required && !field.writeOnly && isEmptyValue(value)) issues.push({ field: path, code: 'required' });
  };
  for (const field of module.fields.values()) check(field, data[field.name], field.name);
  for (const field of module.customFields.values()) {
    // An admin making an old field required must not lock every existing record: new ones only.
    if (isNew) check(field, custom[field.name], `custom.${field.name}`);
  }
  const oneOf = module.def.requireOneOf;
  if (oneOf && oneOf.every((name) => isEmptyValue(data[name]))) {
    issues.push({ field: oneOf[0]!, code: 'required_one_of', params: { fields: oneOf.join(', ') } });
  }
  return issues;
}

/** Every reference the write sets must point to a live record of the right module. */
async function referenceIssues(
  scope: RecordScope,
  trx: Transaction<Database>,
  checks: { path: string; target: string; ids: string[] }[],
) {
  const issues: FieldIssue[] = [];
  for (const check of checks) {
    const found = await repo.liveIds(trx, scope.actor.workspaceId, check.target, check.ids);
    check.ids.forEach((id, i) => {
      if (!found.has(id))
        issues.push({ field: check.ids.length > 1 ? `${check.path}.${i}` : check.path, code: 'reference_not_found' });
    });
  }
  return issues;
}

function referenceChecks(module: EffectiveModule, input: ReturnType<typeof splitInput>) {
  const checks: { path: string; target: string; ids: string[] }[] = [];
  const collect = (field: FieldDef, value: unknown, path: string) => {
    if (isEmptyValue(value) || !field.target) return;
    if (field.type === 'reference') checks.push({ path, target: field.target, ids: [value as string] });
    if (field.type === 'referenceList') checks.push({ path, target: field.target, ids: value as string[] });
  };
  for (const [name, value] of Object.entries(input.data)) {
    const field = module.fields.get(name);
    if (field) collect(field, value, name);
  }
  for (const [name, value] of Object.entries(input.custom ?? {})) {
    const field = module.customFields.get(name);
    if (field) collect(field, value, `custom.${name}`);
  }
  if (input.ownerId) checks.push({ path: 'ownerId', target: 'users', ids: [input.ownerId] });
  if (input.ownerGroupId) checks.push({ path: 'ownerGroupId', target: 'groups', ids: [input.ownerGroupId] });
  return checks;
}

async function uniqueIssues(scope: RecordScope, trx: Transaction<Database>, id: string, data: Values, input: Values) {
  const issues: FieldIssue[] = [];
  for (const field of scope.module.fields.values()) {
    const value = input[field.name];
    if (!field.unique || isEmptyValue(value)) continue;
    if (
      await repo.otherRecordWith(
        trx,
        scope.actor.workspaceId,
        scope.module.def.name,
        { [field.name]: data[field.name] },
        id,
      )
    ) {
      issues.push({ field: field.name, code: 'duplicate_value' });
    }
  }
  return issues;
}

function diff(
  module: EffectiveModule,
  before: RecordRow | undefined,
  after: { data: Values; custom: Values; owner_id: string | null; owner_group_id: string | null },
): HistoryChange[] {
  const changes: HistoryChange[] = [];
  const compare = (field: string, from: unknown, to: unknown) => {
    if (!sameValue(from, to)) changes.push({ field, from: from ?? null, to: to ?? null });
  };
  for (const name of module.fields.keys()) compare(name, before?.data[name], after.data[name]);
  for (const name of module.customFields.keys()) compare(`custom.${name}`, before?.custom[name], after.custom[name]);
  if (!module.def.unowned) {
    compare('ownerId', before?.owner_id, after.owner_id);
    compare('ownerGroupId', before?.owner_group_id, after.owner_group_id);
  }
  return changes;
}

/** Unique indexes (a user's e-mail) catch what a check-then-write race lets through. */
function translateUniqueViolation(error: unknown, module: EffectiveModule): never {
  if ((error as { code?: string }).code === '23505') {
    const field = [...module.fields.values()].find((f) => f.unique)?.name ?? 'id';
    throw new ProblemError('conflict', undefined, [{ field, code: 'duplicate_value' }]);
  }
  throw error;
}

async function output(scope: RecordScope, rows: RecordRow[], fields?: ReadonlySet<string>): Promise<ApiRecord[]> {
  const records = rows.map((row) => toApiRecord(scope.module, row, fields));
  await hooksFor(scope.module.def.name).decorate?.(scope.db, scope.actor.workspaceId, records);
  return records;
}

async function write(
  scope: RecordScope,
  trx: Transaction<Database>,
  input: Values,
  previous?: RecordRow,
): Promise<RecordRow> {
  const { actor, module } = scope;
  const parts = splitInput(input);
  const id = previous?.id ?? uuidv7();
  const pending: PendingWrite = {
    isNew: !previous,
    id,
    data: merge(previous?.data ?? {}, parts.data),
    input: parts.data,
    ...(previous ? { previous } : {}),
    extraChanges: [],
    stash: {},
  };
  const custom = merge(previous?.custom ?? {}, parts.custom);
  const ownerId =
    parts.ownerId !== undefined
      ? parts.ownerId
      : (previous?.owner_id ?? (module.def.unowned || parts.ownerGroupId ? null : actor.userId));
  const ownerGroupId = parts.ownerGroupId !== undefined ? parts.ownerGroupId : (previous?.owner_group_id ?? null);

  const hooks = hooksFor(module.def.name);
  await hooks.beforeWrite?.(trx, actor, pending);
  const issues = [
    ...requiredIssues(module, pending.data, custom, pending.isNew),
    ...(await referenceIssues(scope, trx, referenceChecks(module, parts))),
  ];
  if (issues.length > 0) throw validationProblem(issues);
  const duplicates = await uniqueIssues(scope, trx, id, pending.data, parts.data);
  if (duplicates.length > 0) throw new ProblemError('conflict', undefined, duplicates);

  const next = {
    data: pending.data,
    custom,
    owner_id: module.def.unowned ? null : ownerId,
    owner_group_id: module.def.unowned ? null : ownerGroupId,
  };
  const changes = [...diff(module, previous, next), ...pending.extraChanges];
  if (previous && changes.length === 0) return previous;

  const searchText = buildSearchText(module, next.data, next.custom);
  let row: RecordRow;
  try {
    if (previous) {
      row = await repo.updateRecordRow(trx, previous, { ...next, search_text: searchText, updated_by: actor.userId });
    } else {
      const number = await repo.allocateNumbers(trx, actor.workspaceId, module.def.name);
      row = await repo.insertRecord(trx, {
        workspace_id: actor.workspaceId,
        id,
        module: module.def.name,
        number: `${module.def.numberPrefix}-${number}`,
        ...next,
        search_text: searchText,
        created_by: actor.userId,
        created_at: new Date(),
      });
    }
  } catch (error) {
    translateUniqueViolation(error, module);
  }
  await repo.insertHistory(trx, {
    workspace_id: actor.workspaceId,
    record_id: id,
    module: module.def.name,
    version: row.version,
    action: previous ? 'updated' : 'created',
    changes,
    changed_by: actor.userId,
  });
  await hooks.afterWrite?.(trx, actor, pending);
  return row;
}

/** `input` has been parsed by the module's create schema. */
export async function createRecord(scope: RecordScope, input: Values): Promise<ApiRecord> {
  assertCanWrite(scope.actor, scope.module);
  const row = await scope.db.transaction().execute((trx) => write(scope, trx, input));
  return (await output(scope, [row]))[0]!;
}

/** Inside a caller's transaction, for actions that create several records at once. */
export function createRecordIn(scope: RecordScope, trx: Transaction<Database>, input: Values): Promise<RecordRow> {
  assertCanWrite(scope.actor, scope.module);
  return write(scope, trx, input);
}

export async function getRecord(scope: RecordScope, id: string): Promise<ApiRecord> {
  const row = await repo.findRecord(scope.db, scope.actor.workspaceId, scope.module.def.name, id);
  if (!row) throw notFound();
  return (await output(scope, [row]))[0]!;
}

function conflict(current: number) {
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
  const row = await scope.db.transaction().execute(async (trx) => {
    const current = await lockRecord(scope, trx, id, { deleted: false, version: input.version as number | undefined });
    return write(scope, trx, input, current);
  });
  return (await output(scope, [row]))[0]!;
}

async function changeDeleted(scope: RecordScope, id: string, deleted: boolean, version?: number): Promise<ApiRecord> {
  assertCanWrite(scope.actor, scope.module);
  const { actor, module } = scope;
  const row = await scope.db.transaction().execute(async (trx) => {
    const current = await lockRecord(scope, trx, id, { deleted: !deleted, version });
    if (deleted) await hooksFor(module.def.name).beforeDelete?.(trx, actor, current);
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
    return updated;
  });
  return (await output(scope, [row]))[0]!;
}

/** To the recycle bin: hidden from lists and reads, restorable until purged. */
export const deleteRecord = (scope: RecordScope, id: string, version?: number) =>
  changeDeleted(scope, id, true, version);
export const restoreRecord = (scope: RecordScope, id: string) => changeDeleted(scope, id, false);

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
    changes: r.changes.map((c) => presentChange(module, c)),
  }));
  return { data, nextCursor: rows.length > limit ? data.at(-1)!.id : null };
}
