import { idDigits } from './id-digits.js';
import { isValidLegalNationalId } from './legal-id.js';
import { isValidNationalCode } from './national-code.js';

/**
 * The Latin digits of an economic code (کد/شماره اقتصادی), or null if it does not have 11, 12
 * or 14 digits. Checks the shape only; use isValidEconomicCode.
 */
export function normalizeEconomicCode(s: string): string | null {
  const digits = idDigits(s);
  return digits !== null && [11, 12, 14].includes(digits.length) ? digits : null;
}

/**
 * Formats per the tax administration's notice no. 36 (1403, letter 21017-260-د):
 * - 11 digits: legal entities, whose economic code is their legal national ID (check digit
 *   verified). Civil partnerships also get an 11-digit partnership ID; the notice does not say
 *   it follows the same check digit, so such an ID that does not is rejected here.
 * - 14 digits, natural persons: their national code followed by a 4-digit serial from 0001.
 * - 14 digits, foreign nationals: their 12-digit foreign-national code followed by a 2-digit
 *   serial from 01. That code has no published check digit, so only the serial is checked.
 * - 12 digits: the old economic code, still printed on older documents; it has no published
 *   check digit, so any 12 digits pass.
 */
export function isValidEconomicCode(s: string): boolean {
  const code = normalizeEconomicCode(s);
  if (code === null) return false;
  if (code.length === 11) return isValidLegalNationalId(code);
  if (code.length === 14) {
    const asNaturalPerson = isValidNationalCode(code.slice(0, 10)) && code.slice(10) !== '0000';
    const asForeignNational = code.slice(12) !== '00';
    return asNaturalPerson || asForeignNational;
  }
  return true; // 12 digits: the old code
}
