import type { Transaction } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';

type Executor = DB | Transaction<Database>;

export async function setPasswordHash(
  db: Executor,
  workspaceId: string,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .insertInto('user_credentials')
    .values({ workspace_id: workspaceId, user_id: userId, password_hash: passwordHash, updated_at: new Date() })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'user_id']).doUpdateSet({ password_hash: passwordHash, updated_at: new Date() }),
    )
    .execute();
}

/** A live, active user with this login e-mail and their password hash, for login. */
export async function findLogin(db: Executor, email: string) {
  return db
    .selectFrom('records as u')
    .innerJoin('user_credentials as c', (join) =>
      join.onRef('c.workspace_id', '=', 'u.workspace_id').onRef('c.user_id', '=', 'u.id'),
    )
    .select(['u.workspace_id', 'u.id', 'u.data', 'c.password_hash'])
    .where('u.module', '=', 'users')
    .where('u.deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', [eb.ref('u.data', '->>').key('email')]), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
}

/** Signs a user out everywhere: after a password change, a deactivation or a deletion. */
export async function revokeAccess(
  db: Executor,
  workspaceId: string,
  userId: string,
  keepSessionHash?: string,
): Promise<void> {
  let sessions = db.deleteFrom('sessions').where('workspace_id', '=', workspaceId).where('user_id', '=', userId);
  if (keepSessionHash) sessions = sessions.where('token_hash', '<>', keepSessionHash);
  await sessions.execute();
}

export async function revokeTokens(db: Executor, workspaceId: string, userId: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function countActiveAdmins(db: Executor, workspaceId: string, exceptUserId: string): Promise<number> {
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', 'users')
    .where('deleted_at', 'is', null)
    .where('id', '<>', exceptUserId)
    .where((eb) => eb(eb.ref('data', '->>').key('role'), '=', 'admin'))
    .where((eb) => eb(eb.ref('data', '->>').key('active'), '=', 'true'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
