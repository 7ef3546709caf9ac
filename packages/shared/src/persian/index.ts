export { toLatinDigits, toPersianDigits } from './digits.js';
export {
  LETTER_FOLDS,
  PUNCTUATION_FOLDS,
  fixArabicLetters,
  normalizeDigitsOnly,
  normalizeForSearch,
  phoneSearchDigits,
} from './normalize.js';
export { isValidNationalCode, normalizeNationalCode } from './national-code.js';
export { isValidLegalNationalId, normalizeLegalNationalId } from './legal-id.js';
export { isValidPostalCode, normalizePostalCode } from './postal-code.js';
export { isValidEconomicCode, normalizeEconomicCode } from './economic-code.js';
export { isValidIranianMobile, normalizeIranianPhone } from './phone.js';
export type { NormalizedPhone, PhoneKind } from './phone.js';
export {
  formatJalaliDate,
  jalaliMonthNames,
  jalaliMonthRange,
  parseDateInput,
  parseJalaliDate,
  toJalaliParts,
} from './jalali.js';
export type { JalaliParts } from './jalali.js';
export { TEHRAN_TIME_ZONE, addDays, tehranClockTime, tehranDateOf } from './tehran-time.js';
