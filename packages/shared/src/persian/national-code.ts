import { verifyIranianNationalId } from '@persian-tools/persian-tools';
import { idDigits } from './id-digits.js';

/**
 * The 10 Latin digits of an Iranian national code (کد ملی), or null if the input cannot be one.
 * Checks the shape only; use isValidNationalCode for the check digit.
 */
export function normalizeNationalCode(s: string): string | null {
  const digits = idDigits(s);
  if (digits === null || digits.length < 8 || digits.length > 10) return null;
  // Codes from Tehran start with 00 and spreadsheets routinely drop the leading zeros.
  return digits.padStart(10, '0');
}

export function isValidNationalCode(s: string): boolean {
  const code = normalizeNationalCode(s);
  // checkPrefix is off because the library's table of registry-office prefixes is a snapshot
  // that would reject genuine codes issued under prefixes it does not list.
  return code !== null && verifyIranianNationalId(code, { checkPrefix: false });
}
