import type { FieldDef } from '@peyvand/shared';
import { isEmptyValue } from '@peyvand/shared';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { hooksFor } from '../../modules/hooks.js';
import type { Database, HistoryChange } from '../db/schema.js';
import type { FieldIssue } from '../http/problem.js';
import { ProblemError, validationProblem } from '../http/problem.js';
import type { EffectiveModule } from '../metadata/effective-module.js';
import type { PendingWrite, RecordOwner } from './module-hooks.js';
import type { RecordRow } from './record-serializer.js';
import type { RecordScope } from './record-scope.js';
import * as repo from './records.repository.js';
import { buildSearchText } from './search-text.js';

/*
 * The one path by which a record is created or changed: merge, module hooks, required fields,
 * references, unique values, search text, history. Callers hold the transaction and the row lock.
 */

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

/**
 * A record is owned by one user or one group. Naming one replaces the other; a new record
 * without an owner is the one its module's hooks assign (lead round-robin), else the creator's;
 * nobody can leave a record without an owner (the system itself may, when it loads data with
 * no user behind it).
 */
async function resolveOwner(
  scope: RecordScope,
  trx: Transaction<Database>,
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
    const assigned = await hooksFor(scope.module.def.name).assignNewRecord?.(trx, scope.actor);
    if (assigned) return assigned;
    if (scope.actor.userId) return { userId: scope.actor.userId, groupId: null };
  }
  if (scope.actor.userId) throw validationProblem([{ field: 'ownerId', code: 'required' }]);
  return kept;
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
export function translateUniqueViolation(error: unknown, module: EffectiveModule): never {
  if ((error as { code?: string }).code === '23505') {
    const field = [...module.fields.values()].find((f) => f.unique)?.name ?? 'id';
    throw new ProblemError('conflict', undefined, [{ field, code: 'duplicate_value' }]);
  }
  throw error;
}

export async function writeRecord(
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
    at: scope.now(),
    module,
  };
  const custom = merge(previous?.custom ?? {}, parts.custom);
  const owner = await resolveOwner(scope, trx, parts, previous);

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
    owner_id: owner.userId,
    owner_group_id: owner.groupId,
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
