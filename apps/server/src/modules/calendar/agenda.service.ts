import { toApiRecord } from '../../core/records/record-serializer.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { isFinished } from '../activities/activity-status.js';
import { anchorOf } from '../activities/occurrences.js';
import { tehranDayOf } from '../activities/tehran-wall-time.js';
import { overdueActivities } from './calendar.repository.js';
import { type CalendarEntry, calendarEntries } from './calendar.service.js';

const DAY = 86_400_000;
/** Enough for a dashboard widget; the calendar shows the rest. */
const OVERDUE_LIMIT = 100;

export interface Agenda {
  /** Open occurrences starting from now until `days` ahead, in time order. */
  upcoming: CalendarEntry[];
  /** Open single activities that started or fell due before now, oldest first. */
  overdue: CalendarEntry[];
  /** Calls of the Tehran day that holds now, whatever their status. */
  todaysCalls: CalendarEntry[];
}

/** The signed-in user's dashboard: their own and the activities they take part in. */
export async function agendaOf(scope: RecordScope, userId: string, days: number): Promise<Agenda> {
  const owners = { userIds: [userId] };
  const now = scope.now();
  const ahead = await calendarEntries(scope, owners, now, new Date(now.getTime() + days * DAY));
  const today = tehranDayOf(now);
  const calls = await calendarEntries(scope, owners, today.start, today.end);
  const activities = scope.modules.get('activities')!;
  const overdue = await overdueActivities(scope.db, scope.actor.workspaceId, owners, now, OVERDUE_LIMIT);
  return {
    upcoming: ahead.filter((e) => Date.parse(e.startsAt) >= now.getTime() && !isFinished(e.activity)),
    overdue: overdue.map((row) => {
      const at = anchorOf(row.data)!;
      const endsAt = typeof row.data.endsAt === 'string' ? row.data.endsAt : at.toISOString();
      return {
        activityId: row.id,
        startsAt: at.toISOString(),
        endsAt,
        recurring: false,
        activity: toApiRecord(activities, row),
      };
    }),
    todaysCalls: calls.filter((e) => e.activity.type === 'call' && Date.parse(e.startsAt) >= today.start.getTime()),
  };
}
