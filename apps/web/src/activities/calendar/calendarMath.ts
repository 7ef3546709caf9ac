import * as gregorian from 'date-fns';
import * as jalali from 'date-fns-jalali';
import type { Calendar } from '../../locale/format';

export type CalendarView = 'day' | 'week' | 'month';

// Iranian offices start the week on Saturday, in either calendar.
const WEEK = { weekStartsOn: 6 } as const;

/** Month and week arithmetic in the user's calendar: a Jalali month is not a Gregorian one. */
function fnsOf(calendar: Calendar) {
  return calendar === 'jalali' ? jalali : gregorian;
}

/** The days a view shows around `anchor`: one day, its week, or the weeks that cover its month. */
export function visibleDays(calendar: Calendar, view: CalendarView, anchor: Date): Date[] {
  const fns = fnsOf(calendar);
  const first =
    view === 'day'
      ? fns.startOfDay(anchor)
      : fns.startOfWeek(view === 'week' ? anchor : fns.startOfMonth(anchor), WEEK);
  const last =
    view === 'day'
      ? first
      : view === 'week'
        ? fns.addDays(first, 6)
        : fns.startOfDay(fns.endOfWeek(fns.endOfMonth(anchor), WEEK));
  return fns.eachDayOfInterval({ start: first, end: last });
}

/** The anchor one view earlier (-1) or later (1). */
export function stepAnchor(calendar: Calendar, view: CalendarView, anchor: Date, step: 1 | -1): Date {
  const fns = fnsOf(calendar);
  if (view === 'month') return fns.addMonths(anchor, step);
  return fns.addDays(anchor, view === 'week' ? 7 * step : step);
}

/** Whether a day belongs to the anchor's month (month view greys out the others). */
export function inMonthOf(calendar: Calendar, day: Date, anchor: Date): boolean {
  return fnsOf(calendar).isSameMonth(day, anchor);
}

/** The day of the month in the user's calendar (۵ in «۱۴۰۵/۰۹/۰۵»). */
export function dayOfMonth(calendar: Calendar, day: Date): number {
  return fnsOf(calendar).getDate(day);
}

/** `day` at `minutes` after its midnight, on the browser's clock. */
export function atMinutes(day: Date, minutes: number): Date {
  const at = new Date(day);
  at.setHours(0, minutes, 0, 0);
  return at;
}

/** Minutes after midnight of an instant. */
export const minutesOfDay = (at: Date): number => at.getHours() * 60 + at.getMinutes();

/** The same moment of the day, moved to another day. */
export const onDay = (day: Date, time: Date): Date => atMinutes(day, minutesOfDay(time));

export const sameDay = (a: Date, b: Date): boolean => gregorian.isSameDay(a, b);
