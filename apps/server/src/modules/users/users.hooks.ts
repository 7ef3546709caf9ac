import { type Transaction, sql } from 'kysely';
import { hashPassword } from '../../core/auth/password.js';
import type { Database } from '../../core/db/schema.js';
import { ProblemError, validationProblem } from '../../core/http/problem.js';
import type { ModuleHooks } from '../../core/records/module-hooks.js';
import { countActiveAdmins, revokeAccess, revokeTokens, setPasswordHash } from './user-credentials.repository.js';

const isActiveAdmin = (data: Record<string, unknown>) => data.role === 'admin' && data.active === true;

/** Same key on every app server; taken per transaction, so demotions queue instead of racing. */
const ADMIN_CHANGE_LOCK = 73_019;

/**
 * Two admins demoting each other at once would each still see the other as admin. Changes that
 * take an admin away queue on a lock, and each counts the admins only once the previous has committed.
 */
async function keepOneAdmin(trx: Transaction<Database>, workspaceId: string, userId: string) {
  await sql`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK}, hashtext(${workspaceId}))`.execute(trx);
  if ((await countActiveAdmins(trx, workspaceId, userId)) === 0) {
    throw new ProblemError('conflict', undefined, [{ field: 'role', code: 'last_admin' }]);
  }
}

/**
 * A user's password never reaches `data`: it is hashed with argon2id into user_credentials.
 * Changing it, deactivating or deleting the user signs them out everywhere.
 */
export const usersHooks: ModuleHooks = {
  async beforeWrite(trx, actor, write) {
    if (write.isNew) {
      write.data.role ??= 'user';
      write.data.active ??= true;
      write.data.language ??= 'fa';
      write.data.calendar ??= 'jalali';
      if (typeof write.data.password !== 'string') throw validationProblem([{ field: 'password', code: 'required' }]);
    }
    if (typeof write.data.password === 'string') {
      write.stash.password = write.data.password;
      write.extraChanges.push({ field: 'password', from: null, to: null });
    }
    delete write.data.password;
    if (write.previous && isActiveAdmin(write.previous.data) && !isActiveAdmin(write.data)) {
      await keepOneAdmin(trx, actor.workspaceId, write.id);
    }
  },
  async afterWrite(trx, actor, write) {
    if (typeof write.stash.password === 'string') {
      await setPasswordHash(trx, actor.workspaceId, write.id, await hashPassword(write.stash.password));
    }
    const lostAccess = write.data.active !== true || typeof write.stash.password === 'string';
    if (!write.isNew && lostAccess) {
      await revokeAccess(trx, actor.workspaceId, write.id);
      if (write.data.active !== true) await revokeTokens(trx, actor.workspaceId, write.id);
    }
  },
  async beforeDelete(trx, actor, row) {
    if (isActiveAdmin(row.data)) await keepOneAdmin(trx, actor.workspaceId, row.id);
    await revokeAccess(trx, actor.workspaceId, row.id);
    await revokeTokens(trx, actor.workspaceId, row.id);
  },
};
