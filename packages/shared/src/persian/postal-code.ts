import { idDigits } from './id-digits.js';

// No library covers this; it is the rule Iranian validators commonly share (e.g. the
// milwad-dev/laravel-validate ValidIranPostalCode rule): digits 1-4 from {1,3-9} and not all the
// same, digit 5 from {1,3,4,6-9}, digits 6-10 without a 2.
const POSTAL_CODE_RE = /^(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}$/;

/**
 * The 10 Latin digits of a postal code typed as e.g. «۱۳۱۸۹-۱۴۳۵۶», or null if it does not
 * have ten digits. Checks the shape only; use isValidPostalCode for the digit rules.
 */
export function normalizePostalCode(s: string): string | null {
  const digits = idDigits(s);
  return digits !== null && digits.length === 10 ? digits : null;
}

export function isValidPostalCode(s: string): boolean {
  const code = normalizePostalCode(s);
  return code !== null && POSTAL_CODE_RE.test(code);
}
