/**
 * Peyvand's calendar days are Tehran's: "today", a report's day and a default due date are the
 * date on a wall clock in Asia/Tehran, whatever the server's own time zone.
 */
export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

// en-CA formats a date as YYYY-MM-DD.
const tehranDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TEHRAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const tehranClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TEHRAN_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The time (HH:MM, 24-hour, Latin digits) on a Tehran wall clock at an instant. */
export function tehranClockTime(instant: Date): string {
  return tehranClock.format(instant);
}

/** The ISO date (YYYY-MM-DD) an instant falls on in Tehran. */
export function tehranDateOf(instant: Date): string {
  return tehranDay.format(instant);
}

/**
 * The ISO date `days` after (or before, when negative) an ISO date.
 * @throws RangeError if `iso` is not an ISO date (YYYY-MM-DD).
 */
export function addDays(iso: string, days: number): string {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(time)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}
