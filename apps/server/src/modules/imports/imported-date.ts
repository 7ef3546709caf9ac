import { toLatinDigits } from '@peyvand/shared';

/**
 * Dates as other programs write them, turned into a form the date field takes (Jalali or ISO,
 * year first). Anything else goes to the field's schema as it is, which names it if it is wrong.
 */

/** Outlook writes «0/0/00» for a contact without a birthday. */
export const isEmptyDate = (cell: string) => /^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/.test(toLatinDigits(cell.trim()));

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
/** «1980-01-15 00:00:00» or «1980-01-15T00:00:00Z»: a date with a midnight time attached (vtiger, some Excel files). */
const WITH_TIME = /^(\d{4}[/.-]\d{1,2}[/.-]\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export function importedDate(cell: string): string {
  const text = toLatinDigits(cell.trim());
  const withTime = WITH_TIME.exec(text);
  if (withTime) return withTime[1]!;
  const parts = DAY_MONTH_YEAR.exec(text);
  if (!parts) return cell;
  const [a, b, year] = [Number(parts[1]), Number(parts[2]), parts[3]!];
  // Outlook and Google write month/day/year (US); a first number over 12 can only be a day.
  const [month, day] = a > 12 ? [b, a] : [a, b];
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
