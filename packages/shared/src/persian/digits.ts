import { autoConvertDigitsToEN, digitsArToFa, digitsEnToFa } from '@persian-tools/persian-tools';

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII 0-9; everything else is left alone. */
export function toLatinDigits(s: string): string {
  return autoConvertDigitsToEN(s);
}

/** ASCII and Arabic-Indic digits to Persian (۰-۹), for display. */
export function toPersianDigits(s: string): string {
  return digitsArToFa(digitsEnToFa(s));
}
