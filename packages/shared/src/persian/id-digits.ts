import { toLatinDigits } from './digits.js';

// Spaces, ASCII/Unicode dashes, and invisible format characters (LRM, RLM, ZWNJ…) that
// copying from RTL pages and spreadsheets leaves around numbers.
const IGNORED_RE = /[\s\-\u2010-\u2015\u2212]|\p{Cf}/gu;

/**
 * The Latin digits of an identifier typed as e.g. «۰۴۹۹-۳۷۰۸۹۹-۹», or null if anything other
 * than digits, spaces and dashes is present.
 */
export function idDigits(s: string): string | null {
  const compact = toLatinDigits(s).replace(IGNORED_RE, '');
  return /^\d+$/.test(compact) ? compact : null;
}
