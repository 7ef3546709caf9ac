import type { ApiRecord } from '../../core/records/record-serializer.js';
import { toApiRecord } from '../../core/records/record-serializer.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { getRecord } from '../../core/records/records.service.js';
import { membersOf } from '../groups/group-members.repository.js';
import { MAX_OCCURRENCES, occurrencesBetween } from '../activities/occurrences.js';
import { type CalendarOwners, activitiesInRange } from './calendar.repository.js';

export interface CalendarEntry {
  activityId: string;
  startsAt: string;
  endsAt: string;
  /** A repetition of a recurring activity rather than the activity itself. */
  recurring: boolean;
  activity: ApiRecord;
}

/** Whose calendar: a user's (mine by default), or a group's (its members' and its own activities). */
export async function calendarOwners(
  scope: RecordScope,
  who: { userId?: string | undefined; groupId?: string | undefined },
): Promise<CalendarOwners> {
  const users = scope.modules.get('users')!;
  if (who.groupId) {
    await getRecord({ ...scope, module: scope.modules.get('groups')! }, who.groupId);
    const members = await membersOf(scope.db, scope.actor.workspaceId, [who.groupId]);
    return { userIds: members.get(who.groupId) ?? [], groupId: who.groupId };
  }
  const userId = who.userId ?? scope.actor.userId;
  if (!userId) return { userIds: [] };
  await getRecord({ ...scope, module: users }, userId);
  return { userIds: [userId] };
}

/** Every occurrence in [from, to), series expanded, in time order. */
export async function calendarEntries(
  scope: RecordScope,
  owners: CalendarOwners,
  from: Date,
  to: Date,
): Promise<CalendarEntry[]> {
  const rows = await activitiesInRange(scope.db, scope.actor.workspaceId, owners, from, to);
  const activities = scope.modules.get('activities')!;
  const entries = rows.flatMap((row) => {
    const activity = toApiRecord(activities, row);
    return occurrencesBetween(row.data, from, to).map((o) => ({
      activityId: row.id,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      recurring: typeof row.data.recurrence === 'string',
      activity,
    }));
  });
  entries.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.activityId.localeCompare(b.activityId));
  return entries.slice(0, MAX_OCCURRENCES);
}
