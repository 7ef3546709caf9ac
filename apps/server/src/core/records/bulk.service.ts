import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { ProblemError, validationProblem } from '../http/problem.js';
import { assertCanWrite } from './permissions.js';
import type { RecordRow } from './record-serializer.js';
import type { RecordScope } from './record-scope.js';
import { writeRecord } from './record-write.js';
import * as repo from './records.repository.js';
import { changeDeletedIn } from './records.service.js';

export const MAX_BULK_IDS = 500;

export type NewOwner = { ownerId: string } | { ownerGroupId: string };

/** Every id must name a live record of the module; the 422 names each one that does not, by its place in `ids`. */
async function lockAll(scope: RecordScope, trx: Transaction<Database>, ids: string[]): Promise<RecordRow[]> {
  const rows = await repo.lockLiveRecords(trx, scope.actor.workspaceId, scope.module.def.name, [...new Set(ids)]);
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.flatMap((id, i) => (found.has(id) ? [] : [{ field: `ids.${i}`, code: 'record_not_found' }]));
  if (missing.length > 0) {
    throw new ProblemError(
      'unprocessable',
      {
        fa: 'برخی از رکوردهای برگزیده پیدا نشدند؛ هیچ تغییری داده نشد.',
        en: 'Some of the chosen records were not found; nothing was changed.',
      },
      missing,
    );
  }
  return rows;
}

/** Moves the records to the recycle bin, each as a single DELETE would (checks, hooks, history), all or none. */
export async function bulkDelete(scope: RecordScope, ids: string[]): Promise<{ deleted: number }> {
  assertCanWrite(scope.actor, scope.module);
  const deleted = await scope.db.transaction().execute(async (trx) => {
    const rows = await lockAll(scope, trx, ids);
    for (const row of rows) await changeDeletedIn(scope, trx, row.id, true);
    return rows.length;
  });
  return { deleted };
}

/** Records can be handed to an active user or to an existing group only. */
async function assertAssignable(scope: RecordScope, trx: Transaction<Database>, owner: NewOwner): Promise<void> {
  const { workspaceId } = scope.actor;
  if ('ownerId' in owner) {
    const user = await repo.findRecord(trx, workspaceId, 'users', owner.ownerId);
    if (!user) throw validationProblem([{ field: 'ownerId', code: 'reference_not_found' }]);
    if (user.data.active !== true) throw validationProblem([{ field: 'ownerId', code: 'inactive_user' }]);
  } else if (!(await repo.liveIds(trx, workspaceId, 'groups', [owner.ownerGroupId])).has(owner.ownerGroupId)) {
    throw validationProblem([{ field: 'ownerGroupId', code: 'reference_not_found' }]);
  }
}

/**
 * Gives the records one new owner through the record write pipeline, as a PATCH of `ownerId`
 * or `ownerGroupId` would: new version, history, hooks. Records that already have that owner
 * are left as they are and not counted in `updated`.
 */
export async function bulkAssign(scope: RecordScope, ids: string[], owner: NewOwner): Promise<{ updated: number }> {
  assertCanWrite(scope.actor, scope.module);
  const updated = await scope.db.transaction().execute(async (trx) => {
    await assertAssignable(scope, trx, owner);
    let changed = 0;
    for (const row of await lockAll(scope, trx, ids)) {
      if ((await writeRecord(scope, trx, owner, row)) !== row) changed++;
    }
    return changed;
  });
  return { updated };
}
