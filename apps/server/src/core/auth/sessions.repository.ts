import type { DB } from '../db/database.js';
import { hashSecret, newSecret } from './secrets.js';

export async function createSession(db: DB, workspaceId: string, userId: string, ttlHours: number) {
  const token = newSecret();
  const csrfToken = newSecret();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(token),
      workspace_id: workspaceId,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: new Date(),
      expires_at: new Date(Date.now() + ttlHours * 3_600_000),
    })
    .execute();
  return { token, csrfToken };
}

export async function deleteSession(db: DB, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashSecret(token)).execute();
}

/** Slides a session's expiry forward, at most once per tenth of its lifetime. */
export async function extendSession(db: DB, tokenHash: string, ttlHours: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ expires_at: new Date(Date.now() + ttlHours * 3_600_000) })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteExpiredSessions(db: DB): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
}
