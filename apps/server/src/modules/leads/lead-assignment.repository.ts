import { type Transaction, sql } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';

/** All SQL over `lead_assignment_rules`: the workspace's round-robin rule for new leads. */

type Executor = DB | Transaction<Database>;

export interface AssignmentRuleRow {
  group_id: string;
  enabled: boolean;
  last_user_id: string | null;
  updated_at: Date;
  updated_by: string | null;
}

export async function findAssignmentRule(db: Executor, workspaceId: string): Promise<AssignmentRuleRow | undefined> {
  return db
    .selectFrom('lead_assignment_rules')
    .select(['group_id', 'enabled', 'last_user_id', 'updated_at', 'updated_by'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

/**
 * The enabled rule of a live group, locked until the transaction ends: whoever holds it takes
 * the next turn, and every other lead being created, on any app server, waits for it.
 */
export async function lockEnabledAssignmentRule(
  trx: Transaction<Database>,
  workspaceId: string,
): Promise<{ group_id: string; last_user_id: string | null } | undefined> {
  const result = await sql<{ group_id: string; last_user_id: string | null }>`
    select rule.group_id, rule.last_user_id
    from lead_assignment_rules rule
    join records grp on grp.workspace_id = rule.workspace_id and grp.id = rule.group_id
      and grp.module = 'groups' and grp.deleted_at is null
    where rule.workspace_id = ${workspaceId} and rule.enabled
    for update of rule`.execute(trx);
  return result.rows[0];
}

export async function recordTurn(trx: Transaction<Database>, workspaceId: string, userId: string): Promise<void> {
  await trx
    .updateTable('lead_assignment_rules')
    .set({ last_user_id: userId })
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Creates or changes the rule; moving it to another group starts that group's turns from its first member. */
export async function saveAssignmentRule(
  db: Executor,
  workspaceId: string,
  rule: { groupId: string; enabled: boolean },
  by: string | null,
): Promise<void> {
  await db
    .insertInto('lead_assignment_rules')
    .values({ workspace_id: workspaceId, group_id: rule.groupId, enabled: rule.enabled, updated_by: by })
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet({
        group_id: rule.groupId,
        enabled: rule.enabled,
        last_user_id: sql`case when lead_assignment_rules.group_id = ${rule.groupId}::uuid then lead_assignment_rules.last_user_id end`,
        updated_at: new Date(),
        updated_by: by,
      }),
    )
    .execute();
}
