import { autoConvertDigitsToEN, digitsArToFa, digitsEnToFa } from '@persian-tools/persian-tools';

const NON_LATIN_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII 0-9; everything else is left alone. */
export function toLatinDigits(s: string): string {
  // Most text holds none: one test instead of the library's two replacing scans, for every
  // value of every row an import normalises.
  return NON_LATIN_DIGIT.test(s) ? autoConvertDigitsToEN(s) : s;
}

/** ASCII and Arabic-Indic digits to Persian (۰-۹), for display. */
export function toPersianDigits(s: string): string {
  return digitsArToFa(digitsEnToFa(s));
}
