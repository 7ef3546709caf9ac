import { isEmptyValue } from '@peyvand/shared';
import type { Transaction } from 'kysely';
import { newId } from '../../core/db/ids.js';
import type { Database } from '../../core/db/schema.js';
import { type FieldIssue, notFound, validationProblem } from '../../core/http/problem.js';
import { assertCanWrite } from '../../core/records/permissions.js';
import { type RecordScope } from '../../core/records/record-scope.js';
import type { ApiRecord, RecordRow } from '../../core/records/record-serializer.js';
import { insertHistory, lockLiveRecords } from '../../core/records/records.repository.js';
import { changeDeletedIn, conflict, getRecord } from '../../core/records/records.service.js';
import { writeRecord } from '../../core/records/record-write.js';
import * as repo from './merges.repository.js';
import { containmentFragments, fieldsPointingAt, repointed } from './related-fields.js';

type Values = Record<string, unknown>;

export interface MergeRequest {
  survivorId: string;
  mergedIds: string[];
  /** For each field (`custom.x` for a custom one, `ownerId` for the owner), the record whose value the survivor keeps. */
  values: Record<string, string>;
  /** The version of each record as the user saw it: any other is a 409 and nothing changes. */
  versions: Record<string, number>;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The survivor's new values, in the shape writeRecord takes, from the picked records. */
function pickedInput(scope: RecordScope, rows: Map<string, RecordRow>, request: MergeRequest): Values {
  const { module } = scope;
  const merged = new Set(request.mergedIds);
  const issues: FieldIssue[] = [];
  const input: Values = {};
  const custom: Values = {};
  // A picked reference to a record merged away would point at the recycle bin: it means the survivor.
  const own = (value: unknown) => (typeof value === 'string' && merged.has(value) ? request.survivorId : value);
  for (const [name, sourceId] of Object.entries(request.values)) {
    const source = rows.get(sourceId);
    if (!source) {
      issues.push({ field: `values.${name}`, code: 'reference_not_found' });
      continue;
    }
    if (name === 'ownerId' && !module.def.unowned) {
      input.ownerId = source.owner_id;
      if (!source.owner_id) input.ownerGroupId = source.owner_group_id;
    } else if (name.startsWith('custom.') && module.customFields.has(name.slice(7))) {
      custom[name.slice(7)] = own(source.custom[name.slice(7)]) ?? null;
    } else if (module.fields.has(name) && !module.fields.get(name)!.readOnly) {
      input[name] = own(source.data[name]) ?? null;
    } else {
      issues.push({ field: `values.${name}`, code: 'unknown_field' });
    }
  }
  if (issues.length > 0) throw validationProblem(issues);
  return { ...input, custom };
}

/** Every reference and link to a merged record now names the survivor; returns what changed. */
async function moveRelated(scope: RecordScope, trx: Transaction<Database>, survivorId: string, mergedIds: string[]) {
  const { actor, module } = scope;
  const target = module.def.name;
  const merged = new Set(mergedIds);
  const moved: repo.MovedValue[] = [];
  for (const pointing of fieldsPointingAt(scope.modules, target)) {
    const holders = await repo.lockHolders(
      trx,
      actor.workspaceId,
      pointing,
      containmentFragments(pointing, target, mergedIds),
    );
    for (const row of holders) {
      const before = row[pointing.column][pointing.field.name];
      const after = repointed(pointing, target, before, merged, survivorId);
      if (!sameValue(before, after))
        moved.push({ module: pointing.module, id: row.id, field: pointing.field.name, column: pointing.column, before, after });
    }
  }
  await writeMoved(scope, trx, moved.map((m) => ({ ...m, value: m.after, from: m.before })));
  return moved;
}

/** One update per moved record even when several of its fields moved, so versions stay one per change. */
async function writeMoved(
  scope: RecordScope,
  trx: Transaction<Database>,
  values: (repo.MovedValue & { value: unknown; from: unknown })[],
) {
  // Records with two moved fields (an activity's links and participants) are written in turns.
  const rounds: (typeof values)[] = [];
  for (const value of values) {
    const round = rounds.find((r) => !r.some((v) => v.id === value.id));
    if (round) round.push(value);
    else rounds.push([value]);
  }
  for (const round of rounds) await repo.writeMovedValues(trx, scope.actor.workspaceId, scope.actor.userId, round);
}

/**
 * Merges records of one module into the survivor, all in one transaction: the survivor takes the
 * picked values, whatever referred to a merged record refers to the survivor, and the merged
 * records go to the recycle bin with their history. What changed is kept for undo.
 */
export async function mergeRecords(
  scope: RecordScope,
  request: MergeRequest,
): Promise<{ mergeId: string; survivor: ApiRecord }> {
  assertCanWrite(scope.actor, scope.module);
  const { actor, module } = scope;
  const mergedIds = [...new Set(request.mergedIds)].filter((id) => id !== request.survivorId);
  if (mergedIds.length === 0) throw validationProblem([{ field: 'mergedIds', code: 'too_small' }]);
  const all = [request.survivorId, ...mergedIds];
  const mergeId = await scope.db.transaction().execute(async (trx) => {
    const locked = await lockLiveRecords(trx, actor.workspaceId, module.def.name, all);
    const rows = new Map(locked.map((r) => [r.id, r]));
    const missing = all.map((id, i) => ({ id, i })).filter(({ id }) => !rows.has(id));
    if (missing.length > 0)
      throw validationProblem(
        missing.map(({ i }) => ({ field: i === 0 ? 'survivorId' : `mergedIds.${i - 1}`, code: 'reference_not_found' })),
      );
    for (const id of all) {
      const expected = request.versions[id];
      if (expected === undefined) throw validationProblem([{ field: `versions.${id}`, code: 'required' }]);
      if (expected !== rows.get(id)!.version) throw conflict(rows.get(id)!.version);
    }
    const input = pickedInput(scope, rows, { ...request, mergedIds });
    const survivor = rows.get(request.survivorId)!;
    // Merged records leave first, so a unique value they hold can pass to the survivor.
    for (const id of mergedIds) await changeDeletedIn(scope, trx, id, true);
    await writeRecord(scope, trx, input, survivor);
    const moved = await moveRelated(scope, trx, request.survivorId, mergedIds);
    const [current] = await repo.lockRecordsById(trx, actor.workspaceId, [request.survivorId]);
    await insertHistory(trx, {
      workspace_id: actor.workspaceId,
      record_id: request.survivorId,
      module: module.def.name,
      version: current!.version,
      action: 'updated',
      changes: [{ field: 'mergedRecords', from: null, to: mergedIds.map((id) => rows.get(id)!.number) }],
      changed_by: actor.userId,
    });
    const mergeId = newId();
    await repo.insertMerge(trx, actor.workspaceId, actor.userId, {
      id: mergeId,
      module: module.def.name,
      survivor_id: request.survivorId,
      merged_ids: mergedIds,
      survivor_before: {
        data: survivor.data,
        custom: survivor.custom,
        owner_id: survivor.owner_id,
        owner_group_id: survivor.owner_group_id,
      },
      moved,
    });
    return mergeId;
  });
  return { mergeId, survivor: await getRecord(scope, request.survivorId) };
}

/** The survivor's values as they were before the merge, for the fields that differ now. */
function previousInput(scope: RecordScope, now: RecordRow, before: repo.MergeRow['survivor_before']): Values {
  const input: Values = {};
  const custom: Values = {};
  for (const [name, field] of scope.module.fields) {
    if (field.readOnly || sameValue(now.data[name], before.data[name])) continue;
    input[name] = isEmptyValue(before.data[name]) ? null : before.data[name];
  }
  for (const name of scope.module.customFields.keys()) {
    if (!sameValue(now.custom[name], before.custom[name])) custom[name] = before.custom[name] ?? null;
  }
  if (!scope.module.def.unowned && (now.owner_id !== before.owner_id || now.owner_group_id !== before.owner_group_id)) {
    if (before.owner_id) input.ownerId = before.owner_id;
    else input.ownerGroupId = before.owner_group_id;
  }
  return { ...input, custom };
}

/**
 * Undoes a merge: the merged records come back from the recycle bin, what moved to the survivor
 * moves back (unless someone changed that field since), and the survivor gets its old values.
 */
export async function undoMergeIn(scope: RecordScope, trx: Transaction<Database>, merge: repo.MergeRow): Promise<void> {
  const { actor } = scope;
  for (const id of merge.merged_ids) await changeDeletedIn(scope, trx, id, false);
  const current = new Map(
    (await repo.lockRecordsById(trx, actor.workspaceId, [...new Set(merge.moved.map((m) => m.id))])).map((r) => [r.id, r]),
  );
  const back = merge.moved
    .filter((m) => {
      const row = current.get(m.id);
      return row && row.deleted_at === null && sameValue(row[m.column][m.field], m.after);
    })
    .map((m) => ({ ...m, value: m.before, from: m.after }));
  await writeMoved(scope, trx, back);
  const [survivor] = await lockLiveRecords(trx, actor.workspaceId, scope.module.def.name, [merge.survivor_id]);
  if (survivor) await writeRecord(scope, trx, previousInput(scope, survivor, merge.survivor_before), survivor);
  await repo.markUndone(trx, actor.workspaceId, merge.id);
}

export async function undoMerge(scope: RecordScope, mergeId: string): Promise<ApiRecord> {
  assertCanWrite(scope.actor, scope.module);
  const survivorId = await scope.db.transaction().execute(async (trx) => {
    const merge = await repo.lockOpenMerge(trx, scope.actor.workspaceId, { id: mergeId });
    if (!merge || merge.module !== scope.module.def.name) throw notFound();
    await undoMergeIn(scope, trx, merge);
    return merge.survivor_id;
  });
  return getRecord(scope, survivorId);
}

/**
 * Back from the recycle bin. A record merged away comes back by undoing its merge, so the
 * records it shared the merge with and everything that moved come back with it.
 */
export async function restoreRecordOrUndoMerge(scope: RecordScope, id: string): Promise<ApiRecord> {
  assertCanWrite(scope.actor, scope.module);
  await scope.db.transaction().execute(async (trx) => {
    const merge = await repo.lockOpenMerge(trx, scope.actor.workspaceId, { mergedId: id });
    if (merge && merge.module === scope.module.def.name) await undoMergeIn(scope, trx, merge);
    else await changeDeletedIn(scope, trx, id, false);
  });
  return getRecord(scope, id);
}
