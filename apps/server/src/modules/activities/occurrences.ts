import rrule from 'rrule';
import { fromTehranWallTime, toTehranWallTime } from './tehran-wall-time.js';

// rrule ships CommonJS only; its named exports are reached through the module object.
const { rrulestr } = rrule;

/** Repeating more often than daily would flood calendars and reminders; refused as input. */
const ALLOWED_FREQUENCIES = new Set([rrule.RRule.DAILY, rrule.RRule.WEEKLY, rrule.RRule.MONTHLY, rrule.RRule.YEARLY]);

/** Occurrences one calendar range may expand to, so a daily series over a year stays bounded. */
export const MAX_OCCURRENCES = 1000;

export interface ActivityTimes {
  startsAt?: unknown;
  endsAt?: unknown;
  dueAt?: unknown;
  recurrence?: unknown;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/** When an activity happens for calendars and reminders: its start, or for a task its due time. */
export function anchorOf(times: ActivityTimes): Date | undefined {
  const value = times.startsAt ?? times.dueAt;
  return typeof value === 'string' ? new Date(value) : undefined;
}

function lengthOf(times: ActivityTimes, anchor: Date): number {
  return typeof times.endsAt === 'string' && typeof times.startsAt === 'string'
    ? Date.parse(times.endsAt) - anchor.getTime()
    : 0;
}

/**
 * The RRULE text with the anchor as DTSTART, or why it is refused. The rule works on Tehran wall
 * time (see tehran-wall-time.ts): "every Saturday at 01:00" means Saturday in Tehran, which is
 * still Friday in UTC.
 */
export function parseRecurrence(text: string, anchor: Date): rrule.RRule | 'invalid' | 'too_frequent' {
  let rule: rrule.RRule;
  try {
    const parsed = rrulestr(text.replace(/^RRULE:/i, ''), { dtstart: toTehranWallTime(anchor) });
    if (!(parsed instanceof rrule.RRule)) return 'invalid';
    const { until } = parsed.origOptions;
    // UNTIL is an instant (…Z); the rule compares it with wall times.
    rule = until ? new rrule.RRule({ ...parsed.origOptions, until: toTehranWallTime(until) }) : parsed;
  } catch {
    return 'invalid';
  }
  return ALLOWED_FREQUENCIES.has(rule.options.freq) ? rule : 'too_frequent';
}

function ruleOf(times: ActivityTimes, anchor: Date): rrule.RRule | undefined {
  if (typeof times.recurrence !== 'string') return undefined;
  const rule = parseRecurrence(times.recurrence, anchor);
  return typeof rule === 'string' ? undefined : rule;
}

/** Occurrences overlapping [from, to): one for a single activity, each repetition for a series. */
export function occurrencesBetween(times: ActivityTimes, from: Date, to: Date): Occurrence[] {
  const anchor = anchorOf(times);
  if (!anchor) return [];
  const length = lengthOf(times, anchor);
  const rule = ruleOf(times, anchor);
  const starts = rule
    ? rule
        .between(
          toTehranWallTime(new Date(from.getTime() - length)),
          toTehranWallTime(to),
          true,
          (_, index) => index < MAX_OCCURRENCES,
        )
        .map(fromTehranWallTime)
    : [anchor];
  return starts
    .map((start) => ({ startsAt: start, endsAt: new Date(start.getTime() + length) }))
    .filter((o) => o.startsAt < to && (o.endsAt > from || o.startsAt >= from));
}

/** The first occurrence starting strictly after `after`, for scheduling a series' next reminder. */
export function nextOccurrenceAfter(times: ActivityTimes, after: Date): Date | undefined {
  const anchor = anchorOf(times);
  if (!anchor) return undefined;
  const rule = ruleOf(times, anchor);
  if (!rule) return anchor > after ? anchor : undefined;
  const next = rule.after(toTehranWallTime(after), false);
  return next ? fromTehranWallTime(next) : undefined;
}
