import { toPersianDigits } from '@peyvand/shared';
import type { City } from './iran-geography.js';
import type { Random } from './random.js';

/**
 * Iranian identifiers built the way the issuing bodies build them, check digits included, so
 * they pass the same validation as real ones. Each comes back as a person would type it:
 * sometimes with Persian digits or separators.
 */

/** The national code's check digit: Σ dᵢ·(10−i) over the first nine digits, mod 11. */
export function nationalCodeCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (10 - i);
  const remainder = sum % 11;
  return remainder < 2 ? remainder : 11 - remainder;
}

/** A national code (کد ملی) registered in `city`: its registry-office prefix, six digits, the check digit. */
export function nationalCode(rng: Random, city: City): string {
  for (;;) {
    const nine = rng.pick(city.nationalCodePrefixes) + rng.digits(6);
    const code = nine + String(nationalCodeCheckDigit(nine));
    // Ten equal digits pass the arithmetic but are no one's code.
    if (!/^(\d)\1{9}$/.test(code)) return code;
  }
}

/** The legal national ID's check digit: (d₁₀+2 + dᵢ)·[29,27,23,19,17]ᵢ mod 5 summed, mod 11, 10 → 0. */
export function legalIdCheckDigit(tenDigits: string): number {
  const offset = Number(tenDigits[9]) + 2;
  const weights = [29, 27, 23, 19, 17];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (offset + Number(tenDigits[i])) * weights[i % 5]!;
  const remainder = sum % 11;
  return remainder === 10 ? 0 : remainder;
}

/** A legal entity's national ID (شناسه ملی): 10… for older registrations, 14… for recent ones. */
export function legalNationalId(rng: Random): string {
  for (;;) {
    const ten =
      rng.weighted([
        ['10', 6],
        ['14', 4],
      ] as const) + rng.digits(8);
    // The registration serial (digits 4-9) is never all zeros.
    if (/^0+$/.test(ten.slice(3, 9))) continue;
    return ten + String(legalIdCheckDigit(ten));
  }
}

const POSTAL_LEAD = ['1', '3', '4', '5', '6', '7', '8', '9'];
const POSTAL_FIFTH = ['1', '3', '4', '6', '7', '8', '9'];
const POSTAL_REST = ['0', '1', '3', '4', '5', '6', '7', '8', '9'];

/** A postal code of `city`: its two-digit prefix, then digits that follow the post's rules (no 2s, no 0 early). */
export function postalCode(rng: Random, city: City): string {
  for (;;) {
    let code = rng.pick(city.postalPrefixes) + rng.pick(POSTAL_LEAD) + rng.pick(POSTAL_LEAD) + rng.pick(POSTAL_FIFTH);
    for (let i = 0; i < 5; i++) code += rng.pick(POSTAL_REST);
    if (!/^(\d)\1{3}/.test(code)) return code;
  }
}

// Tehran's eight-digit numbers start with these exchanges; elsewhere numbers start with 3.
const TEHRAN_EXCHANGES = ['22', '26', '88', '66', '44', '77', '55', '33', '23', '43', '86', '89'];

/** A landline in `city` as dialled inside Iran: 0, the province's area code, eight digits. */
export function landline(rng: Random, city: City): string {
  const local =
    city.province.areaCode === '21' ? rng.pick(TEHRAN_EXCHANGES) + rng.digits(6) : `3${rng.int(1, 9)}${rng.digits(6)}`;
  return `0${city.province.areaCode}${local}`;
}

const MOBILE_PREFIXES = [
  // Hamrah-e Aval (MCI), Irancell, RighTel, in rough market shares.
  ...['0910', '0911', '0912', '0913', '0914', '0915', '0916', '0917', '0918', '0919'].map((p) => [p, 5] as const),
  ...['0990', '0991', '0992', '0993', '0994'].map((p) => [p, 2] as const),
  ...['0930', '0933', '0935', '0936', '0937', '0938', '0939'].map((p) => [p, 3.5] as const),
  ...['0901', '0902', '0903', '0904', '0905'].map((p) => [p, 2] as const),
  ...['0920', '0921', '0922'].map((p) => [p, 1.5] as const),
];

/** A mobile number as dialled inside Iran: 09xx and seven digits. */
export function mobile(rng: Random): string {
  return rng.weighted(MOBILE_PREFIXES) + rng.digits(7);
}

/** A national phone number (0…, 11 digits) written the way people write it. */
export function typedPhone(rng: Random, national: string): string {
  const isMobile = national.startsWith('09');
  const [a, b, c] = isMobile
    ? [national.slice(0, 4), national.slice(4, 7), national.slice(7)]
    : [national.slice(0, 3), national.slice(3, 7), national.slice(7)];
  return rng.weighted([
    [national, 45],
    [`${a}-${b}${c}`, 12],
    [`${a} ${b} ${c}`, 10],
    [`+98 ${national.slice(1, isMobile ? 4 : 3)} ${national.slice(isMobile ? 4 : 3)}`, 8],
    [isMobile ? `${a}-${b}-${c}` : `(${a}) ${b} ${c}`, 7],
    [toPersianDigits(national), 18],
  ] as const);
}

/** Digits as typed: mostly Latin, sometimes Persian. */
export function typedDigits(rng: Random, text: string, persianShare = 0.25): string {
  return rng.chance(persianShare) ? toPersianDigits(text) : text;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A birth date typed in the Jalali calendar (1335-1382), now and then in the Gregorian one. */
export function birthDate(rng: Random): string {
  if (rng.chance(0.1)) return `${rng.int(1958, 2003)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  const month = rng.int(1, 12);
  const days = month <= 6 ? 31 : month <= 11 ? 30 : 29;
  return typedDigits(rng, `${rng.int(1335, 1382)}/${pad(month)}/${pad(rng.int(1, days))}`, 0.3);
}
