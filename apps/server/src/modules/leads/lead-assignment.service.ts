import type { Actor } from '../../core/auth/principal.js';
import type { DB } from '../../core/db/database.js';
import { validationProblem } from '../../core/http/problem.js';
import { assertAdmin } from '../../core/records/permissions.js';
import { liveIds } from '../../core/records/records.repository.js';
import { activeMembersOf } from '../groups/group-members.repository.js';
import { findAssignmentRule, saveAssignmentRule } from './lead-assignment.repository.js';
import { nextInTurn } from './lead-round-robin.js';

export interface AssignmentRule {
  enabled: boolean;
  groupId: string | null;
  /** The group's active members in turn order. */
  members: string[];
  /** Who gets the next lead created without an owner, if the rule is enabled. */
  nextUserId: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function describeAssignmentRule(db: DB, workspaceId: string): Promise<AssignmentRule> {
  const rule = await findAssignmentRule(db, workspaceId);
  if (!rule) return { enabled: false, groupId: null, members: [], nextUserId: null, updatedAt: null, updatedBy: null };
  const members = await activeMembersOf(db, workspaceId, rule.group_id);
  // A rule whose group went to the recycle bin hands nothing out (see lockEnabledAssignmentRule).
  const enabled = rule.enabled && (await liveIds(db, workspaceId, 'groups', [rule.group_id])).has(rule.group_id);
  return {
    enabled,
    groupId: rule.group_id,
    members,
    nextUserId: enabled ? (nextInTurn(members, rule.last_user_id) ?? null) : null,
    updatedAt: rule.updated_at.toISOString(),
    updatedBy: rule.updated_by,
  };
}

/** `{ enabled: true }` alone turns the rule back on for the group it had. */
export async function changeAssignmentRule(
  db: DB,
  actor: Actor,
  change: { enabled: boolean; groupId?: string | null | undefined },
): Promise<AssignmentRule> {
  assertAdmin(actor);
  const current = await findAssignmentRule(db, actor.workspaceId);
  const groupId = change.groupId ?? current?.group_id;
  if (!groupId) {
    if (change.enabled) throw validationProblem([{ field: 'groupId', code: 'required' }]);
    return describeAssignmentRule(db, actor.workspaceId);
  }
  if (!(await liveIds(db, actor.workspaceId, 'groups', [groupId])).has(groupId)) {
    throw validationProblem([{ field: 'groupId', code: 'reference_not_found' }]);
  }
  await saveAssignmentRule(db, actor.workspaceId, { groupId, enabled: change.enabled }, actor.userId);
  return describeAssignmentRule(db, actor.workspaceId);
}
