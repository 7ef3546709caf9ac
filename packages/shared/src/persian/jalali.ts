import { getDate, getDaysInMonth, getMonth, getYear, newDate } from 'date-fns-jalali';
import type { Month } from 'date-fns-jalali';
import { faIR } from 'date-fns-jalali/locale';
import { toLatinDigits, toPersianDigits } from './digits.js';

/** A Jalali (Solar Hijri) calendar date; month is 1-12. */
export interface JalaliParts {
  year: number;
  month: number;
  day: number;
}

// date-fns-jalali converts through the *local* getters of a Date. Every Date here is therefore
// built at local noon from calendar numbers and read back with local getters, so a date-only
// value never passes through UTC and a DST jump at midnight cannot move it to another day.
/** The Gregorian date at local noon, or null if it does not exist (e.g. February 30). */
function gregorianDate(year: number, month: number, day: number): Date | null {
  const date = new Date(2000, 0, 1, 12);
  // setFullYear, unlike the Date constructor, does not read years 0-99 as 1900-1999.
  date.setFullYear(year, month - 1, day);
  const exists = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return exists ? date : null;
}

function isoOf(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

// Jalali 1700 is Gregorian 2321 and Gregorian 1700 long predates any CRM record, so the year
// alone tells the calendars apart.
const FIRST_GREGORIAN_YEAR = 1700;

// Year, month and day with one separator used throughout: 1403/05/12, 1403-5-2, 1403.05.12.
const DATE_RE = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;

function splitDate(input: string): [number, number, number] | null {
  const match = DATE_RE.exec(
    toLatinDigits(input)
      .replace(/\p{Cf}/gu, '')
      .trim(),
  );
  if (!match) return null;
  return [Number(match[1]), Number(match[3]), Number(match[4])];
}

function daysInJalaliMonth(jy: number, jm: number): number {
  return getDaysInMonth(newDate(jy, jm - 1, 1, 12));
}

function jalaliToIso(jy: number, jm: number, jd: number): string | null {
  if (jy < 1 || jm < 1 || jm > 12 || jd < 1 || jd > daysInJalaliMonth(jy, jm)) return null;
  return isoOf(newDate(jy, jm - 1, jd, 12));
}

function gregorianToIso(year: number, month: number, day: number): string | null {
  const date = gregorianDate(year, month, day);
  return date && isoOf(date);
}

/**
 * A Jalali date such as «1403/05/12», «۱۴۰۳/۰۵/۱۲», «1403-5-2» or «1403.05.12» as an ISO
 * Gregorian date (YYYY-MM-DD), or null if it is malformed or does not exist (1400/12/30).
 * Years from 1700 on are rejected as Gregorian dates typed into a Jalali field.
 */
export function parseJalaliDate(input: string): string | null {
  const parts = splitDate(input);
  if (parts === null || parts[0] >= FIRST_GREGORIAN_YEAR) return null;
  return jalaliToIso(...parts);
}

/**
 * A date typed in either calendar, as ISO Gregorian (YYYY-MM-DD): years before 1700 are read as
 * Jalali, later ones as Gregorian. Same digits and separators as parseJalaliDate.
 */
export function parseDateInput(input: string): string | null {
  const parts = splitDate(input);
  if (parts === null) return null;
  return parts[0] < FIRST_GREGORIAN_YEAR ? jalaliToIso(...parts) : gregorianToIso(...parts);
}

/**
 * Jalali parts of an ISO date (YYYY-MM-DD, date only). Timestamps are refused because their
 * calendar day depends on a time zone the caller has to choose (usually Asia/Tehran).
 * @throws RangeError if `iso` is not an existing date in that form.
 */
export function toJalaliParts(iso: string): JalaliParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = match && gregorianDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!date) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  return { year: getYear(date), month: getMonth(date) + 1, day: getDate(date) };
}

/**
 * An ISO date (YYYY-MM-DD) as a Jalali date «1403/05/12», with Persian digits on request.
 * @throws RangeError if `iso` is not an existing date in that form.
 */
export function formatJalaliDate(iso: string, opts?: { persianDigits?: boolean }): string {
  const { year, month, day } = toJalaliParts(iso);
  const text = `${String(year).padStart(4, '0')}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
  return opts?.persianDigits ? toPersianDigits(text) : text;
}

/**
 * ISO dates of the first and last day of a Jalali month, both inclusive, for reports.
 * @throws RangeError if `jy` is not a positive integer or `jm` is not 1-12.
 */
export function jalaliMonthRange(jy: number, jm: number): { start: string; end: string } {
  if (!Number.isInteger(jy) || jy < 1 || !Number.isInteger(jm) || jm < 1 || jm > 12) {
    throw new RangeError(`Not a Jalali year and month: ${jy}/${jm}`);
  }
  return {
    start: isoOf(newDate(jy, jm - 1, 1, 12)),
    end: isoOf(newDate(jy, jm - 1, daysInJalaliMonth(jy, jm), 12)),
  };
}

const MONTHS: readonly Month[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** Jalali month names, index 0 = Farvardin. */
export const jalaliMonthNames: { readonly fa: readonly string[]; readonly en: readonly string[] } = Object.freeze({
  fa: Object.freeze(MONTHS.map((m) => faIR.localize.month(m, { width: 'wide' }))),
  // Written out because the library's en-US locale has «Sharivar» and «Day» for Shahrivar
  // and Dey.
  en: Object.freeze([
    'Farvardin',
    'Ordibehesht',
    'Khordad',
    'Tir',
    'Mordad',
    'Shahrivar',
    'Mehr',
    'Aban',
    'Azar',
    'Dey',
    'Bahman',
    'Esfand',
  ]),
});
