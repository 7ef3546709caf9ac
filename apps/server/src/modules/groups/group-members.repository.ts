import { type SqlBool, type Transaction, sql } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';

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

/** Makes exactly `userIds` the group's members, by editing each user's `groupIds`. */
export async function setMembers(
  trx: Executor,
  workspaceId: string,
  groupId: string,
  userIds: string[],
): Promise<void> {
  const group = JSON.stringify(groupId);
  await trx
    .updateTable('records')
    .set({
      data: sql`jsonb_set(data, '{groupIds}', coalesce((select jsonb_agg(g) from jsonb_array_elements(data -> 'groupIds') g where g <> ${group}::jsonb), '[]'::jsonb))`,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', 'users')
    .where(memberOf(groupId))
    .$if(userIds.length > 0, (q) => q.where('id', 'not in', userIds))
    .execute();
  if (userIds.length === 0) return;
  await trx
    .updateTable('records')
    .set({
      data: sql`jsonb_set(data, '{groupIds}', coalesce(data -> 'groupIds', '[]'::jsonb) || jsonb_build_array(${groupId}::text))`,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', 'users')
    .where('id', 'in', userIds)
    .where(sql<SqlBool>`not ${memberOf(groupId)}`)
    .execute();
}
