import { newId } from '../db/ids.js';
import type { DB } from '../db/database.js';
import { hashSecret, newSecret } from './secrets.js';

/** The `pvd_` prefix lets secret scanners recognise a leaked Peyvand token. */
export async function createApiToken(db: DB, workspaceId: string, userId: string, name: string) {
  const token = newSecret('pvd_');
  const id = newId();
  await db
    .insertInto('api_tokens')
    .values({
      token_hash: hashSecret(token),
      workspace_id: workspaceId,
      id,
      user_id: userId,
      name,
      created_at: new Date(),
    })
    .execute();
  return { id, token };
}

export async function listApiTokens(db: DB, workspaceId: string, userId: string) {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  }));
}

export async function revokeApiToken(db: DB, workspaceId: string, userId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function touchApiToken(db: DB, tokenHash: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('token_hash', '=', tokenHash).execute();
}
