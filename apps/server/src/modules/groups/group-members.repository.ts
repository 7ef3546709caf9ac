import { type SqlBool, type Transaction, sql } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { Actor } from '../../core/auth/principal.js';
import type { Database } from '../../core/db/schema.js';
import { insertHistory } from '../../core/records/records.repository.js';

type Executor = DB | Transaction<Database>;

const memberOf = (groupId: string) => sql<SqlBool>`data @> ${JSON.stringify({ groupIds: [groupId] })}::jsonb`;

/** Live users who list the group in their `groupIds`. */
export async function membersOf(db: Executor, workspaceId: string, groupIds: string[]): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return members;
  const rows = await db
    .selectFrom('records')
    .select(['id', 'data'])
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', 'users')
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or(groupIds.map((id) => memberOf(id))))
    .orderBy('id')
    .execute();
  for (const row of rows) {
    for (const groupId of (row.data.groupIds as string[] | undefined) ?? []) members.get(groupId)?.push(row.id);
  }
  return members;
}

/** The group's live, active members in id order: the order in which round-robin gives them turns. */
export async function activeMembersOf(db: Executor, workspaceId: string, groupId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('records')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', 'users')
    .where('deleted_at', 'is', null)
    .where(memberOf(groupId))
    .where(sql<SqlBool>`data @> '{"active": true}'::jsonb`)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Makes exactly `userIds` the group's members by editing each affected user's `groupIds`,
 * with a version bump and a history entry on every user whose membership changed.
 */
export async function setMembers(trx: Executor, actor: Actor, groupId: string, userIds: string[]): Promise<void> {
  const wanted = new Set(userIds);
  const affected = await trx
    .selectFrom('records')
    .select(['id', 'data', 'version'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('module', '=', 'users')
    .where((eb) => (userIds.length > 0 ? eb.or([memberOf(groupId), eb('id', 'in', userIds)]) : memberOf(groupId)))
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const user of affected) {
    const before = (user.data.groupIds as string[] | undefined) ?? [];
    const after = wanted.has(user.id) ? [...new Set([...before, groupId])] : before.filter((id) => id !== groupId);
    if (after.length === before.length) continue;
    await trx
      .updateTable('records')
      .set({
        // Stored like any empty list: absent.
        data: JSON.stringify({ ...user.data, groupIds: after.length > 0 ? after : undefined }),
        version: user.version + 1,
        updated_at: new Date(),
        updated_by: actor.userId,
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', user.id)
      .execute();
    await insertHistory(trx, {
      workspace_id: actor.workspaceId,
      record_id: user.id,
      module: 'users',
      version: user.version + 1,
      action: 'updated',
      changes: [{ field: 'groupIds', from: before.length > 0 ? before : null, to: after.length > 0 ? after : null }],
      changed_by: actor.userId,
    });
  }
}
