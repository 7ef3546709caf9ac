import { verifyIranianLegalId } from '@persian-tools/persian-tools';
import { idDigits } from './id-digits.js';

/**
 * The 11 Latin digits of a legal entity's national ID (شناسه ملی اشخاص حقوقی), or null if the
 * input cannot be one. Checks the shape only; use isValidLegalNationalId for the check digit.
 */
export function normalizeLegalNationalId(s: string): string | null {
  const digits = idDigits(s);
  return digits !== null && digits.length === 11 ? digits : null;
}

export function isValidLegalNationalId(s: string): boolean {
  const id = normalizeLegalNationalId(s);
  // The length check above matters: the library accepts longer strings and ignores the excess.
  return id !== null && verifyIranianLegalId(id) === true;
}
