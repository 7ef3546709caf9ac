import type { Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { RecordOwner } from '../../core/records/module-hooks.js';
import { activeMembersOf } from '../groups/group-members.repository.js';
import { lockEnabledAssignmentRule, recordTurn } from './lead-assignment.repository.js';

/**
 * Whose turn follows `last`'s: the next member in id order, round to the first again. Comparing
 * ids rather than keeping a position lets members join, leave or be deactivated between two
 * leads without restarting the cycle or serving anyone twice in it.
 */
export function nextInTurn(members: readonly string[], last: string | null): string | undefined {
  return members.find((id) => last !== null && id > last) ?? members[0];
}

/**
 * The owner of a new lead under the workspace's round-robin rule, or undefined when there is no
 * enabled rule. The turn is taken in the lead's own transaction under the rule's row lock, so
 * two app servers never give the same turn twice and a lead that fails validation gives its turn
 * back. A group without an active member keeps the lead itself, as a queue its members share.
 */
export async function takeLeadTurn(trx: Transaction<Database>, workspaceId: string): Promise<RecordOwner | undefined> {
  const rule = await lockEnabledAssignmentRule(trx, workspaceId);
  if (!rule) return undefined;
  const next = nextInTurn(await activeMembersOf(trx, workspaceId, rule.group_id), rule.last_user_id);
  if (!next) return { userId: null, groupId: rule.group_id };
  await recordTurn(trx, workspaceId, next);
  return { userId: next, groupId: null };
}
