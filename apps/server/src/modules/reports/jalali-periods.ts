import type { Label } from '@peyvand/shared';
import { addDays, jalaliMonthNames, jalaliMonthRange, toJalaliParts, toPersianDigits } from '@peyvand/shared';

/** How reports group days: by Jalali month, or by week (Saturday to Friday, as Iranian weeks run). */
export const PERIOD_KINDS = ['month', 'week'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  /** `1403-05` for a month; the Jalali date of its Saturday for a week, `1403-05-06`. */
  key: string;
  label: Label;
  /** First and last day, ISO, both inclusive. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function month(iso: string): Period {
  const { year, month } = toJalaliParts(iso);
  const fa = jalaliMonthNames.fa[month - 1]!;
  const en = jalaliMonthNames.en[month - 1]!;
  return {
    key: `${year}-${pad(month)}`,
    label: { fa: `${fa} ${toPersianDigits(String(year))}`, en: `${en} ${year}` },
    ...jalaliMonthRange(year, month),
  };
}

function week(iso: string): Period {
  // getUTCDay: Saturday is 6, so (day + 1) % 7 days have passed since the week began.
  const start = addDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 1) % 7));
  const { year, month, day } = toJalaliParts(start);
  const fa = `هفته ${toPersianDigits(String(day))} ${jalaliMonthNames.fa[month - 1]} ${toPersianDigits(String(year))}`;
  const en = `Week of ${day} ${jalaliMonthNames.en[month - 1]} ${year}`;
  return { key: `${year}-${pad(month)}-${pad(day)}`, label: { fa, en }, start, end: addDays(start, 6) };
}

/** The Jalali month or week an ISO date falls in. */
export function periodOf(kind: PeriodKind, iso: string): Period {
  return kind === 'month' ? month(iso) : week(iso);
}

/** Every period from the one holding `from` to the one holding `to`, in order, none skipped. */
export function periodsCovering(kind: PeriodKind, from: string, to: string): Period[] {
  const periods = [periodOf(kind, from)];
  while (periods.at(-1)!.end < to) periods.push(periodOf(kind, addDays(periods.at(-1)!.end, 1)));
  return periods;
}
