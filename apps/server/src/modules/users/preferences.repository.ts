import type { DB } from '../../core/db/database.js';

/** All SQL over `user_preferences`: one JSON value per user and key. */

export async function preferencesOf(
  db: DB,
  workspaceId: string,
  userId: string,
): Promise<{ key: string; value: unknown }[]> {
  return db
    .selectFrom('user_preferences')
    .select(['key', 'value'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .orderBy('key')
    .execute();
}

/** How many preferences the user has besides `key`. */
export async function countOtherPreferences(db: DB, workspaceId: string, userId: string, key: string): Promise<number> {
  const row = await db
    .selectFrom('user_preferences')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('key', '<>', key)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function savePreference(
  db: DB,
  workspaceId: string,
  userId: string,
  key: string,
  value: unknown,
): Promise<void> {
  const now = new Date();
  const json = JSON.stringify(value);
  await db
    .insertInto('user_preferences')
    .values({ workspace_id: workspaceId, user_id: userId, key, value: json, updated_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'key']).doUpdateSet({ value: json, updated_at: now }))
    .execute();
}

export async function deletePreference(db: DB, workspaceId: string, userId: string, key: string): Promise<void> {
  await db
    .deleteFrom('user_preferences')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}
