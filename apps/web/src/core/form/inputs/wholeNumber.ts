import { parseLooseNumber } from '@peyvand/shared';

/** A whole number typed in any digits («۴۵», "45"), or undefined for anything else (a blank, "4.5", a letter). */
export function wholeNumberOf(typed: string): number | undefined {
  const parsed = parseLooseNumber(typed.trim());
  return typeof parsed === 'number' && Number.isInteger(parsed) ? parsed : undefined;
}
