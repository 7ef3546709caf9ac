import { addDays, dateInputSchema, jalaliMonthRange, tehranDateOf, toJalaliParts } from '@peyvand/shared';
import { z } from 'zod';
import { validationProblem } from '../../core/http/problem.js';
import { PERIOD_KINDS, type Period, type PeriodKind, periodsCovering } from './jalali-periods.js';

/** Ten years of days: any report a person reads, and a bound on the work one request can ask for. */
export const MAX_REPORT_DAYS = 3660;

const from = dateInputSchema.optional().meta({
  description:
    'First day (Jalali such as 1403/01/01, or ISO); by default the first day of the Jalali month eleven months back',
});
const to = dateInputSchema
  .optional()
  .meta({ description: 'Last day, inclusive (Jalali or ISO); by default today in Tehran' });

export const rangeQuery = z.strictObject({ from, to });
export const periodQuery = z.strictObject({ from, to, period: z.enum(PERIOD_KINDS).default('month') });

export interface ReportRange {
  /** ISO days, both inclusive, counted in Tehran's calendar. */
  from: string;
  to: string;
}

/** The first day of the Jalali month `back` months before the one holding `iso`. */
function monthsBack(iso: string, back: number): string {
  const { year, month } = toJalaliParts(iso);
  const index = year * 12 + (month - 1) - back;
  return jalaliMonthRange(Math.floor(index / 12), (index % 12) + 1).start;
}

/** The days a report covers: as asked, or the last twelve Jalali months up to today in Tehran. */
export function reportRange(query: { from?: string | undefined; to?: string | undefined }, now: Date): ReportRange {
  const end = query.to ?? tehranDateOf(now);
  const start = query.from ?? monthsBack(end, 11);
  if (start > end) throw validationProblem([{ field: 'to', code: 'ends_before_start' }]);
  if (addDays(start, MAX_REPORT_DAYS) < end) {
    throw validationProblem([{ field: 'from', code: 'range_too_long', params: { days: MAX_REPORT_DAYS } }]);
  }
  return { from: start, to: end };
}

/** A periodic report's range grown to whole periods, so the first and last months count all their days. */
export function periodRange(range: ReportRange, kind: PeriodKind): ReportRange & { periods: Period[] } {
  const periods = periodsCovering(kind, range.from, range.to);
  return { from: periods[0]!.start, to: periods.at(-1)!.end, periods };
}
