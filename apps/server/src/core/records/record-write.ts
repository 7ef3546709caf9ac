import type { FieldDef } from '@peyvand/shared';
import { isEmptyValue } from '@peyvand/shared';
import type { Transaction } from 'kysely';
import { newId } from '../db/ids.js';
import { hooksFor } from '../../modules/hooks.js';
import type { DB } from '../db/database.js';
import type { Database, HistoryChange } from '../db/schema.js';
import type { FieldIssue } from '../http/problem.js';
import { ProblemError, validationProblem } from '../http/problem.js';
import type { EffectiveModule } from '../metadata/effective-module.js';
import { assertMayChange } from './authorship.js';
import type { PendingWrite, RecordOwner } from './module-hooks.js';
import type { RecordRow } from './record-serializer.js';
import type { RecordScope } from './record-scope.js';
import * as repo from './records.repository.js';
import { buildSearchText } from './search-text.js';
import { changedFields } from './stored-changes.js';

/*
 * The one path by which a record is created or changed: merge, module hooks, required fields,
 * references, unique values, search text, history. Modules with hooks write in their caller's
 * transaction, under the row's lock; plain modules in one statement, with optimistic locking.
 */

type Values = Record<string, unknown>;
type Executor = DB | Transaction<Database>;

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

/**
 * A record is owned by one user or one group. Naming one replaces the other; a new record
 * without an owner is the one its module's hooks assign (lead round-robin), else the creator's;
 * nobody can leave a record without an owner (the system itself may, when it loads data with
 * no user behind it).
 */
async function resolveOwner(
  scope: RecordScope,
  assignNew: (() => Promise<RecordOwner | undefined>) | undefined,
  parts: ReturnType<typeof splitInput>,
  previous?: RecordRow,
): Promise<RecordOwner> {
  if (scope.module.def.unowned) return { userId: null, groupId: null };
  if (parts.ownerId && parts.ownerGroupId) {
    throw validationProblem([{ field: 'ownerGroupId', code: 'one_owner' }]);
  }
  if (parts.ownerId) return { userId: parts.ownerId, groupId: null };
  if (parts.ownerGroupId) return { userId: null, groupId: parts.ownerGroupId };
  const kept = {
    userId: parts.ownerId === null ? null : (previous?.owner_id ?? null),
    groupId: parts.ownerGroupId === null ? null : (previous?.owner_group_id ?? null),
  };
  if (kept.userId || kept.groupId) return kept;
  if (!previous) {
    const assigned = await assignNew?.();
    if (assigned) return assigned;
    if (scope.actor.userId) return { userId: scope.actor.userId, groupId: null };
  }
  if (scope.actor.userId) throw validationProblem([{ field: 'ownerId', code: 'required' }]);
  return kept;
}

const isMissing = (field: FieldDef, value: unknown) => field.required && !field.writeOnly && isEmptyValue(value);

function requiredIssues(module: EffectiveModule, data: Values, custom: Values, isNew: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of module.fields.values())
    if (isMissing(field, data[field.name])) issues.push({ field: field.name, code: 'required' });
  // An admin making an old field required must not lock every existing record: new ones only.
  if (isNew)
    for (const field of module.customFields.values())
      if (isMissing(field, custom[field.name])) issues.push({ field: `custom.${field.name}`, code: 'required' });
  const oneOf = module.def.requireOneOf;
  if (oneOf && oneOf.every((name) => isEmptyValue(data[name]))) {
    issues.push({ field: oneOf[0]!, code: 'required_one_of', params: { fields: oneOf.join(', ') } });
  }
  return issues;
}

/**
 * The required fields a new record's create body leaves empty, as creating it finds them in a
 * plain module (isPlainModule: no hook fills a value first). An import's preview looks ahead so.
 */
export function missingRequired(module: EffectiveModule, input: Values): FieldIssue[] {
  const parts = splitInput(input);
  return requiredIssues(module, parts.data, parts.custom ?? {}, true);
}

type ReferenceCheck = { path: string; target: string; ids: string[] };

/** The live records among those the checks name, by module: one query per referenced module. */
async function liveReferences(
  scope: RecordScope,
  db: Executor,
  checks: ReferenceCheck[],
): Promise<Map<string, Set<string>>> {
  const wanted = new Map<string, Set<string>>();
  for (const check of checks) {
    const ids = wanted.get(check.target) ?? new Set<string>();
    check.ids.forEach((id) => ids.add(id));
    wanted.set(check.target, ids);
  }
  const live = new Map<string, Set<string>>();
  for (const [target, ids] of wanted) {
    live.set(target, await repo.liveIds(db, scope.actor.workspaceId, target, [...ids]));
  }
  return live;
}

/** Every reference the write sets must point to a live record of the right module. */
function referenceIssues(checks: ReferenceCheck[], live: Map<string, Set<string>>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const check of checks) {
    const found = live.get(check.target)!;
    check.ids.forEach((id, i) => {
      if (!found.has(id))
        issues.push({ field: check.ids.length > 1 ? `${check.path}.${i}` : check.path, code: 'reference_not_found' });
    });
  }
  return issues;
}

function referenceChecks(module: EffectiveModule, input: ReturnType<typeof splitInput>) {
  const checks: ReferenceCheck[] = [];
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

async function uniqueIssues(scope: RecordScope, db: Executor, id: string, data: Values, input: Values) {
  const issues: FieldIssue[] = [];
  for (const field of scope.module.fields.values()) {
    const value = input[field.name];
    if (!field.unique || isEmptyValue(value)) continue;
    if (
      await repo.otherRecordWith(
        db,
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

type StoredValues = { data: Values; custom: Values; owner_id: string | null; owner_group_id: string | null };

/** The value a history change names: `custom.<name>`, `ownerId`, `ownerGroupId` or a field. */
function changedValue(values: StoredValues, field: string): unknown {
  if (field.startsWith('custom.')) return values.custom[field.slice(7)];
  if (field === 'ownerId') return values.owner_id;
  if (field === 'ownerGroupId') return values.owner_group_id;
  return values.data[field];
}

function diff(module: EffectiveModule, before: RecordRow | undefined, after: StoredValues): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const field of changedFields(module)) {
    const from = before && changedValue(before, field);
    const to = changedValue(after, field);
    // A new record's every value is a change from nothing: no need to compare (imports make many).
    const changed = before ? !sameValue(from, to) : to !== undefined && to !== null;
    if (changed) changes.push({ field, from: from ?? null, to: to ?? null });
  }
  return changes;
}

/** Unique indexes (a user's e-mail) catch what a check-then-write race lets through. */
export function translateUniqueViolation(error: unknown, module: EffectiveModule): never {
  if ((error as { code?: string }).code === '23505') {
    const field = [...module.fields.values()].find((f) => f.unique)?.name ?? 'id';
    throw new ProblemError('conflict', undefined, [{ field, code: 'duplicate_value' }]);
  }
  throw error;
}

function newRecordRow(
  scope: RecordScope,
  id: string,
  number: number,
  values: StoredValues,
  searchText: string,
): repo.NewRecordRow {
  return {
    workspace_id: scope.actor.workspaceId,
    id,
    module: scope.module.def.name,
    number: `${scope.module.def.numberPrefix}-${number}`,
    ...values,
    search_text: searchText,
    created_by: scope.actor.userId,
    created_at: new Date(),
  };
}

/** A create or update checked and ready to store. */
interface PreparedWrite {
  pending: PendingWrite;
  next: StoredValues;
  changes: HistoryChange[];
  searchText: string;
}

/**
 * Everything a write decides before it stores: merge, owner, hooks' beforeWrite (given the
 * transaction they run in, if any), required fields, references, unique values, history,
 * search text. Undefined when an update changes nothing.
 */
async function prepareWrite(
  scope: RecordScope,
  input: Values,
  previous: RecordRow | undefined,
  trx?: Transaction<Database>,
): Promise<PreparedWrite | undefined> {
  const { actor, module } = scope;
  if (previous) assertMayChange(actor, module.def, previous);
  const db = trx ?? scope.db;
  const parts = splitInput(input);
  const pending: PendingWrite = {
    isNew: !previous,
    id: previous?.id ?? newId(),
    data: merge(previous?.data ?? {}, parts.data),
    input: parts.data,
    ...(previous ? { previous } : {}),
    extraChanges: [],
    stash: {},
    at: scope.now(),
    module,
  };
  const custom = merge(previous?.custom ?? {}, parts.custom);
  const hooks = hooksFor(module.def.name);
  const assignNew = trx && hooks.assignNewRecord && (() => hooks.assignNewRecord!(trx, actor));
  const owner = await resolveOwner(scope, assignNew, parts, previous);

  if (trx) await hooks.beforeWrite?.(trx, actor, pending);
  const checks = referenceChecks(module, parts);
  const issues = [
    ...requiredIssues(module, pending.data, custom, pending.isNew),
    ...referenceIssues(checks, await liveReferences(scope, db, checks)),
  ];
  if (issues.length > 0) throw validationProblem(issues);
  const duplicates = await uniqueIssues(scope, db, pending.id, pending.data, parts.data);
  if (duplicates.length > 0) throw new ProblemError('conflict', undefined, duplicates);

  const next = { data: pending.data, custom, owner_id: owner.userId, owner_group_id: owner.groupId };
  const changes = [...diff(module, previous, next), ...pending.extraChanges];
  if (previous && changes.length === 0) return undefined;
  return { pending, next, changes, searchText: buildSearchText(module, next.data, next.custom) };
}

/** The prepared write and its history entry, in one statement; undefined when `previous` moved on meanwhile. */
async function storeWrite(
  scope: RecordScope,
  db: Executor,
  write: PreparedWrite,
  previous: RecordRow | undefined,
  number: () => Promise<number>,
): Promise<RecordRow | undefined> {
  const { next, changes, searchText } = write;
  try {
    if (previous) {
      const values = { ...next, search_text: searchText, updated_by: scope.actor.userId };
      return await repo.updateRecordRow(db, previous, values, changes);
    }
    return await repo.insertRecord(
      db,
      newRecordRow(scope, write.pending.id, await number(), next, searchText),
      changes,
    );
  } catch (error) {
    translateUniqueViolation(error, scope.module);
  }
}

/**
 * Creates a record (no `previous`) or updates `previous`, in the caller's transaction, which
 * holds the row's lock. A create's number is allocated in that transaction too, so a refused
 * create leaves no gap; the module's counter stays locked until the transaction ends.
 */
export async function writeRecord(
  scope: RecordScope,
  trx: Transaction<Database>,
  input: Values,
  previous?: RecordRow,
): Promise<RecordRow> {
  const write = await prepareWrite(scope, input, previous, trx);
  if (!write) return previous!;
  const allocate = () => repo.allocateNumbers(trx, scope.actor.workspaceId, scope.module.def.name);
  const row = await storeWrite(scope, trx, write, previous, allocate);
  // The caller's lock on the row keeps its version where it was read.
  if (!row) throw new Error(`record ${previous?.id} changed under its lock`);
  await hooksFor(scope.module.def.name).afterWrite?.(trx, scope.actor, write.pending);
  return row;
}

/**
 * The same for a module that `isPlainModule`, with no transaction: its checks read, then one
 * statement stores the record and its history, an update only if the record is still at the
 * version read. Undefined when it was not (another write got there first). A create's number
 * is taken once the checks passed, in a statement of its own (repo.takeNumbers), so creates
 * never queue on the counter while another commits.
 */
export async function writePlainRecord(
  scope: RecordScope,
  input: Values,
  previous?: RecordRow,
): Promise<RecordRow | undefined> {
  const { db, actor, module } = scope;
  const write = await prepareWrite(scope, input, previous);
  if (!write) return previous;
  return storeWrite(scope, db, write, previous, () => repo.takeNumbers(db, actor.workspaceId, module.def.name));
}

/**
 * Whether nothing but the module's declaration decides what its records hold (no hooks, no
 * unique values to check one by one): a record is then written by one statement with no
 * transaction around it (writePlainRecord), and many are created at once (planRecords).
 */
export function isPlainModule(module: EffectiveModule): boolean {
  const hooks = hooksFor(module.def.name);
  if (hooks.beforeWrite || hooks.afterWrite || hooks.assignNewRecord) return false;
  return ![...module.fields.values()].some((f) => f.unique);
}

/** A new record of a bulk create: its id, or why it was refused. */
export type PlannedOutcome = { id: string } | { refused: ProblemError };

/** New records checked and ready to store, and the answer for each input. */
export interface PlannedCreate {
  outcomes: PlannedOutcome[];
  records: { id: string; number: number; values: StoredValues; searchText: string }[];
}

/**
 * New records of a module that `isPlainModule`, each checked as writeRecord checks a create
 * (one query per referenced module for the lot), a refused one answered rather than thrown.
 * Nothing is written but their numbers, taken here in a statement of their own so that several
 * plans can be stored at once (a plan never stored leaves a gap in the numbering, as a sequence
 * would). storeRecords writes the rest, so an import checks one batch while the database
 * stores the one before.
 */
export async function planRecords(scope: RecordScope, db: DB, inputs: Values[]): Promise<PlannedCreate> {
  const { module } = scope;
  type Draft = { values: StoredValues; checks: ReferenceCheck[] } | { refused: ProblemError };
  const drafts: Draft[] = [];
  for (const input of inputs) {
    const parts = splitInput(input);
    try {
      const owner = await resolveOwner(scope, undefined, parts);
      const values = {
        data: merge({}, parts.data),
        custom: merge({}, parts.custom),
        owner_id: owner.userId,
        owner_group_id: owner.groupId,
      };
      drafts.push({ values, checks: referenceChecks(module, parts) });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      drafts.push({ refused: error });
    }
  }
  const live = await liveReferences(
    scope,
    db,
    drafts.flatMap((d) => ('checks' in d ? d.checks : [])),
  );
  const records: Omit<PlannedCreate['records'][number], 'number'>[] = [];
  const outcomes = drafts.map((draft): PlannedOutcome => {
    if ('refused' in draft) return draft;
    const { values } = draft;
    const issues = [
      ...requiredIssues(module, values.data, values.custom, true),
      ...referenceIssues(draft.checks, live),
    ];
    if (issues.length > 0) return { refused: validationProblem(issues) };
    const id = newId();
    records.push({
      id,
      values,
      searchText: buildSearchText(module, values.data, values.custom),
    });
    return { id };
  });
  const first =
    records.length > 0 ? await repo.takeNumbers(db, scope.actor.workspaceId, module.def.name, records.length) : 0;
  return { outcomes, records: records.map((r, i) => ({ ...r, number: first + i })) };
}

/** Planned records stored together with their history, in one statement. */
export async function storeRecords(scope: RecordScope, trx: Transaction<Database>, plan: PlannedCreate): Promise<void> {
  await repo.insertRecords(
    trx,
    plan.records.map((r) => newRecordRow(scope, r.id, r.number, r.values, r.searchText)),
  );
}
