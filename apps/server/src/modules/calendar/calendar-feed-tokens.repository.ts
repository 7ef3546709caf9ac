import { newSecret } from '../../core/auth/secrets.js';
import type { DB } from '../../core/db/database.js';

/*
 * One live feed token per user, stored as it is (not hashed) so the same URL can be shown again:
 * it is a read-only, rotatable secret, like Google Calendar's private address, and a leaked one
 * is revoked by rotating.
 */

/** The user's feed token, made on first request; racing requests get the same one. */
export async function feedTokenOf(db: DB, workspaceId: string, userId: string): Promise<string> {
  const row = await db
    .insertInto('calendar_feed_tokens')
    .values({ workspace_id: workspaceId, user_id: userId, token: newSecret() })
    // A no-op update rather than "do nothing", so the existing token is returned.
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'user_id']).doUpdateSet((eb) => ({ token: eb.ref('calendar_feed_tokens.token') })),
    )
    .returning('token')
    .executeTakeFirstOrThrow();
  return row.token;
}

/** Rotation: the user's feed gets a new token and the old URL stops working at once. */
export async function rotateFeedToken(db: DB, workspaceId: string, userId: string): Promise<string> {
  const row = await db
    .insertInto('calendar_feed_tokens')
    .values({ workspace_id: workspaceId, user_id: userId, token: newSecret() })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'user_id']).doUpdateSet((eb) => ({
        token: eb.ref('excluded.token'),
        created_at: eb.ref('excluded.created_at'),
      })),
    )
    .returning('token')
    .executeTakeFirstOrThrow();
  return row.token;
}

/** The feed's owner, if the token is current and they are still an active user. */
export async function feedOwner(db: DB, token: string): Promise<{ workspaceId: string; userId: string } | undefined> {
  const row = await db
    .selectFrom('calendar_feed_tokens as t')
    .innerJoin('records as u', (join) =>
      join.onRef('u.workspace_id', '=', 't.workspace_id').onRef('u.id', '=', 't.user_id'),
    )
    .select(['t.workspace_id', 't.user_id'])
    .where('t.token', '=', token)
    .where('u.module', '=', 'users')
    .where('u.deleted_at', 'is', null)
    .where((eb) => eb('u.data', '@>', JSON.stringify({ active: true }) as never))
    .executeTakeFirst();
  return row && { workspaceId: row.workspace_id, userId: row.user_id };
}
