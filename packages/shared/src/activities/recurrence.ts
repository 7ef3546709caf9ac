import rrule from 'rrule';
import { canonicalRule } from '../metadata/field-types/recurrence.js';
import { tehranDateOf } from '../persian/tehran-time.js';

// rrule ships CommonJS only; its named exports are reached through the module object.
const { RRule } = rrule;

export const REPEAT_FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type RepeatFrequency = (typeof REPEAT_FREQUENCIES)[number];

/** RFC 5545 weekday codes in the Persian week's order, Saturday first. */
export const WEEKDAYS = ['SA', 'SU', 'MO', 'TU', 'WE', 'TH', 'FR'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type RepeatEnd = { kind: 'never' } | { kind: 'on'; date: string } | { kind: 'after'; count: number };

/**
 * A series as a person sets one up: every N days, weeks (on chosen weekdays), months or years,
 * until a date or for a number of times. Monthly and yearly series repeat the start's day.
 */
export interface SimpleRecurrence {
  frequency: RepeatFrequency;
  interval: number;
  /** Weekly series only; none means the start's weekday. */
  weekdays: Weekday[];
  /** `on` holds the last day (ISO date) in Tehran. */
  end: RepeatEnd;
}

// rrule numbers frequencies YEARLY = 0 … DAILY = 3 and weekdays Monday = 0 … Sunday = 6.
const FREQUENCY_CODES: Record<RepeatFrequency, number> = {
  yearly: RRule.YEARLY,
  monthly: RRule.MONTHLY,
  weekly: RRule.WEEKLY,
  daily: RRule.DAILY,
};
const RRULE_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** What a simple series may say; a rule saying more (BYSETPOS, BYMONTHDAY…) is kept as written. */
const SIMPLE_PARTS = new Set(['freq', 'interval', 'byweekday', 'until', 'count']);

/**
 * The series an RRULE describes, or undefined when it says more than a simple series can (the
 * form then offers the rule as text) or is not a rule at all.
 */
export function parseSimpleRecurrence(text: string): SimpleRecurrence | undefined {
  let options: Partial<rrule.Options>;
  try {
    options = RRule.parseString(canonicalRule(text));
  } catch {
    return undefined;
  }
  const frequency = REPEAT_FREQUENCIES.find((f) => FREQUENCY_CODES[f] === options.freq);
  if (!frequency || Object.keys(options).some((part) => !SIMPLE_PARTS.has(part))) return undefined;
  const days = [options.byweekday ?? []].flat();
  if (days.length > 0 && frequency !== 'weekly') return undefined;
  const weekdays: Weekday[] = [];
  for (const day of days) {
    // A bare number or a weekday without an ordinal ("every Monday", not "the first Monday").
    if (typeof day === 'string' || (typeof day === 'object' && day.n)) return undefined;
    const code = RRULE_WEEKDAYS[typeof day === 'number' ? day : day.weekday]!;
    if (!weekdays.includes(code)) weekdays.push(code);
  }
  const end: RepeatEnd = options.until
    ? { kind: 'on', date: tehranDateOf(options.until) }
    : options.count
      ? { kind: 'after', count: options.count }
      : { kind: 'never' };
  return { frequency, interval: options.interval ?? 1, weekdays: sortWeekdays(weekdays), end };
}

/** The RRULE (without its `RRULE:` prefix) the activity stores for a series. */
export function toRrule(series: SimpleRecurrence): string {
  const options: Partial<rrule.Options> = { freq: FREQUENCY_CODES[series.frequency] };
  if (series.interval > 1) options.interval = series.interval;
  if (series.frequency === 'weekly' && series.weekdays.length > 0)
    options.byweekday = sortWeekdays(series.weekdays).map((day) => RRULE_WEEKDAYS.indexOf(day));
  if (series.end.kind === 'on') options.until = endOfTehranDay(series.end.date);
  if (series.end.kind === 'after') options.count = series.end.count;
  return RRule.optionsToString(options).replace(/^RRULE:/, '');
}

function sortWeekdays(days: Weekday[]): Weekday[] {
  return [...days].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
}

/**
 * The last second of an ISO date on Tehran's clocks, as an instant: UNTIL is an instant, and a
 * series "until 30 Dey" must still meet on the evening of 30 Dey. Tehran is at +03:30 but kept
 * daylight saving (+04:30) until 2022, which puts the guess an hour into the next day.
 */
function endOfTehranDay(date: string): Date {
  const guess = new Date(`${date}T23:59:59+03:30`);
  return tehranDateOf(guess) === date ? guess : new Date(guess.getTime() - 3_600_000);
}
