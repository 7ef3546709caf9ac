import { TZDate } from '@date-fns/tz';
import ical from 'ical-generator';
import type { RecordRow } from '../../core/records/record-serializer.js';
import { anchorOf } from '../activities/occurrences.js';

export const FEED_TIME_ZONE = 'Asia/Tehran';

/**
 * Iran has kept UTC+03:30 all year since September 2022; a fixed VTIMEZONE says so without
 * shipping a time-zone database. Times before then would need the old daylight-saving rules.
 */
const TEHRAN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${FEED_TIME_ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0330',
  'TZOFFSETTO:+0330',
  'TZNAME:+0330',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const inTehran = (date: Date) => new TZDate(date, FEED_TIME_ZONE);

/** The user's activities as an iCalendar document, series as RRULEs for the calendar app to expand. */
export function activitiesCalendar(name: string, activities: RecordRow[]): string {
  const calendar = ical({ name, timezone: { name: FEED_TIME_ZONE, generator: () => TEHRAN_VTIMEZONE } });
  for (const row of activities) {
    const start = anchorOf(row.data);
    if (!start) continue;
    const end = typeof row.data.endsAt === 'string' ? new Date(row.data.endsAt) : start;
    calendar.createEvent({
      id: `${row.id}@peyvand`,
      timezone: FEED_TIME_ZONE,
      start: inTehran(start),
      end: inTehran(end),
      stamp: row.updated_at,
      summary: String(row.data.subject ?? ''),
      description: typeof row.data.description === 'string' ? row.data.description : null,
      location: typeof row.data.location === 'string' ? row.data.location : null,
      repeating: typeof row.data.recurrence === 'string' ? row.data.recurrence.replace(/^RRULE:/i, '') : null,
    });
  }
  return calendar.toString();
}
