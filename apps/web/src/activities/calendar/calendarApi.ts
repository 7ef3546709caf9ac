import type { ApiRecord } from '../../core/metadata/types';

/** One occurrence of GET /calendar (calendar.service.ts). */
export interface CalendarEntry {
  activityId: string;
  startsAt: string;
  endsAt: string;
  recurring: boolean;
  activity: ApiRecord;
}

/** Whose calendar is shown: mine, a user's or a group's. */
export type CalendarOwner = { kind: 'me' } | { kind: 'user'; id: string | null } | { kind: 'group'; id: string | null };

export const calendarKey = ['records', 'activities', 'calendar'] as const;

/** What the drag of an entry carries. */
export const DRAG_TYPE = 'application/x-peyvand-activity';
