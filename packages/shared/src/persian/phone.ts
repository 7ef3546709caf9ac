import { toLatinDigits } from './digits.js';

export type PhoneKind = 'mobile' | 'landline' | 'international';

export interface NormalizedPhone {
  /** E.164, e.g. +989121234567. */
  e164: string;
  kind: PhoneKind;
}

// Area codes of Iran's 31 provinces. No installed library lists them, and checking them turns
// away typos such as 01012345678 that have the right length.
const IRAN_AREA_CODES: ReadonlySet<string> = new Set([
  '11',
  '13',
  '17',
  '21',
  '23',
  '24',
  '25',
  '26',
  '28',
  '31',
  '34',
  '35',
  '38',
  '41',
  '44',
  '45',
  '51',
  '54',
  '56',
  '58',
  '61',
  '66',
  '71',
  '74',
  '76',
  '77',
  '81',
  '83',
  '84',
  '86',
  '87',
]);

// Parentheses are left in at first: «(0)» after a country code has to be recognised.
const SEPARATORS_RE = /[\s\-\u2010-\u2015\u2212./]|\p{Cf}/gu;
const PARENS_RE = /[()]/g;

/** `rest` is the national number after the country code, with or without its trunk 0. */
function iranian(rest: string): NormalizedPhone | null {
  // Keeping the trunk 0 after the country code («+98 0912…») is a common slip.
  const nsn = rest.length === 11 && rest.startsWith('0') ? rest.slice(1) : rest;
  if (/^9\d{9}$/.test(nsn)) return { e164: `+98${nsn}`, kind: 'mobile' };
  if (/^\d{10}$/.test(nsn) && IRAN_AREA_CODES.has(nsn.slice(0, 2))) {
    return { e164: `+98${nsn}`, kind: 'landline' };
  }
  return null;
}

/**
 * Normalises an Iranian mobile or landline number typed in any of the usual ways (Persian or
 * Latin digits, spaces, dashes, dots, parentheses, with 0, +98, 0098 or 98) to E.164. Numbers of
 * other countries are accepted only with + or 00 in front. Returns null for anything else,
 * including local landline numbers without an area code.
 */
export function normalizeIranianPhone(input: string): NormalizedPhone | null {
  const compact = toLatinDigits(input).replace(SEPARATORS_RE, '');

  const prefix = /^(?:\+|00)/.exec(compact)?.[0];
  if (prefix !== undefined) {
    // «+44 (0)20 …»: the bracketed trunk 0 is dialled only from inside that country.
    const intl = compact.slice(prefix.length).replace('(0)', '').replace(PARENS_RE, '');
    if (!/^\d+$/.test(intl)) return null;
    if (intl.startsWith('98')) return iranian(intl.slice(2));
    // 15 digits is E.164's maximum; the minimum of 8 keeps fragments and short codes out at the
    // cost of a few tiny countries' numbers.
    return /^[1-9]\d{7,14}$/.test(intl) ? { e164: `+${intl}`, kind: 'international' } : null;
  }

  const national = compact.replace(PARENS_RE, '');
  if (!/^\d+$/.test(national)) return null;
  if (national.startsWith('0')) return national.length === 11 ? iranian(national) : null;
  if (/^9\d{9}$/.test(national)) return iranian(national);
  // 98 followed by a national number: an international number missing its +. A landline
  // without its 0 («2188776655») is rejected: too easily some other ten-digit number, such as
  // a national code or postal code pasted into the wrong field.
  if (national.startsWith('98')) return iranian(national.slice(2));
  return null;
}

export function isValidIranianMobile(s: string): boolean {
  return normalizeIranianPhone(s)?.kind === 'mobile';
}
