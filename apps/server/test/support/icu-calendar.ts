/**
 * The Iranian calendar as ICU (Node's Intl) has it, for checking reports against a calendar of
 * its own rather than the shared package the server uses: the day a Tehran wall clock shows at an
 * instant, the Jalali date of a day, and the Jalali months and Saturday-to-Friday weeks that cover
 * a range of days, labelled as a Persian and an English reader see them.
 */

const DAY_MS = 86_400_000;
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

const tehranParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** The day a wall clock in Tehran showed at `instant`, ISO. */
export function tehranDay(instant: Date): string {
  const part = (type: string) => tehranParts.formatToParts(instant).find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export interface JalaliDay {
  year: number;
  month: number;
  day: number;
  /** The same in Persian digits and words, as a Persian reader sees them. */
  fa: { year: string; month: string; day: string };
  /** The month's English name. */
  en: string;
}

const persianLatn = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const persianFa = new Intl.DateTimeFormat('fa-u-ca-persian', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const persianMonthEn = new Intl.DateTimeFormat('en-u-ca-persian', { timeZone: 'UTC', month: 'long' });
const jalaliCache = new Map<string, JalaliDay>();

export function jalali(iso: string): JalaliDay {
  let known = jalaliCache.get(iso);
  if (known) return known;
  const noon = new Date(`${iso}T12:00:00Z`);
  const part = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((p) => p.type === type)!.value;
  const latn = persianLatn.formatToParts(noon);
  const fa = persianFa.formatToParts(noon);
  known = {
    year: Number(part(latn, 'year')),
    month: Number(part(latn, 'month')),
    day: Number(part(latn, 'day')),
    fa: { year: part(fa, 'year'), month: part(fa, 'month'), day: part(fa, 'day') },
    en: persianMonthEn.format(noon),
  };
  jalaliCache.set(iso, known);
  return known;
}

/** The ISO day of a Jalali date, found by walking the calendar from a day near it. */
export function isoOf(year: number, month: number, day: number): string {
  let iso = addDays(`${year + 621}-03-21`, (month - 1) * 30 + day - 20);
  for (let step = 0; step < 60; step++, iso = addDays(iso, 1)) {
    const j = jalali(iso);
    if (j.year === year && j.month === month && j.day === day) return iso;
  }
  throw new Error(`no day ${year}/${month}/${day}`);
}

export type Kind = 'month' | 'week';

export interface ExpectedPeriod {
  key: string;
  label: { fa: string; en: string };
  start: string;
  end: string;
}

/** A week runs Saturday to Friday: the Saturday on or before `iso`. */
function saturdayOf(iso: string): string {
  let day = iso;
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 6) day = addDays(day, -1);
  return day;
}

const monthKey = (iso: string) => `${jalali(iso).year}-${pad(jalali(iso).month)}`;
const periodKey = (kind: Kind, iso: string) => (kind === 'month' ? monthKey(iso) : saturdayOf(iso));

function describePeriod(kind: Kind, start: string, end: string): ExpectedPeriod {
  const j = jalali(start);
  if (kind === 'month') {
    return {
      key: `${j.year}-${pad(j.month)}`,
      label: { fa: `${j.fa.month} ${j.fa.year}`, en: `${j.en} ${j.year}` },
      start,
      end,
    };
  }
  return {
    key: `${j.year}-${pad(j.month)}-${pad(j.day)}`,
    label: { fa: `هفته ${j.fa.day} ${j.fa.month} ${j.fa.year}`, en: `Week of ${j.day} ${j.en} ${j.year}` },
    start,
    end,
  };
}

/** Every whole month or week holding a day of [from, to], walked one day at a time. */
export function periodsCovering(kind: Kind, from: string, to: string): ExpectedPeriod[] {
  let start = from;
  while (periodKey(kind, addDays(start, -1)) === periodKey(kind, from)) start = addDays(start, -1);
  let end = to;
  while (periodKey(kind, addDays(end, 1)) === periodKey(kind, to)) end = addDays(end, 1);
  const periods: ExpectedPeriod[] = [];
  let first = start;
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (day === end || periodKey(kind, addDays(day, 1)) !== periodKey(kind, day)) {
      periods.push(describePeriod(kind, first, day));
      first = addDays(day, 1);
    }
  }
  return periods;
}
