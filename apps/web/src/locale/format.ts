// The Persian utilities alone: the whole shared package (schemas, declarations) stays out of the first load.
import { formatJalaliDate, toLatinDigits, toPersianDigits } from '@peyvand/shared/persian';

export type Language = 'fa' | 'en';
export type Calendar = 'jalali' | 'gregorian';

export interface Formatter {
  language: Language;
  calendar: Calendar;
  /** Persian digits in a Persian interface, Latin ones in English, whatever was typed. */
  digits(text: string | number): string;
  number(value: number): string;
  /** Rial amounts with thousands separators, e.g. «۱۲٬۵۰۰٬۰۰۰ ریال». */
  amount(value: number): string;
  percent(value: number): string;
  /** An ISO date (YYYY-MM-DD) in the user's calendar: «۱۴۰۳/۰۵/۱۲» or «2024/08/02». */
  date(iso: string): string;
  /** An ISO instant in the user's calendar and in Iran's time zone. */
  dateTime(iso: string): string;
}

// Records are kept for Iranian businesses: instants are shown on Tehran time wherever the browser is.
const TIME_ZONE = 'Asia/Tehran';

export function createFormatter(language: Language, calendar: Calendar): Formatter {
  const digits = (text: string | number) =>
    language === 'fa' ? toPersianDigits(String(text)) : toLatinDigits(String(text));
  const numbers = new Intl.NumberFormat(language === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: 2 });
  const instantParts = new Intl.DateTimeFormat('en-US', {
    calendar: calendar === 'jalali' ? 'persian' : 'gregory',
    numberingSystem: 'latn',
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const date = (iso: string) => {
    if (calendar === 'jalali') return formatJalaliDate(iso, { persianDigits: language === 'fa' });
    return digits(iso.replaceAll('-', '/'));
  };
  return {
    language,
    calendar,
    digits,
    number: (value) => numbers.format(value),
    amount: (value) => `${numbers.format(value)} ${language === 'fa' ? 'ریال' : 'IRR'}`,
    percent: (value) => `${numbers.format(value)}${language === 'fa' ? '٪' : '%'}`,
    date,
    dateTime: (iso) => {
      const parts = Object.fromEntries(instantParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
      const year = (parts.year ?? '').replace(/\D/g, '');
      return digits(`${year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`);
    },
  };
}
