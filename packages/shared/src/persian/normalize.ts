import { toLatinDigits } from './digits.js';

// Letters that Arabic keyboards, old Windows layouts and OCR produce where Persian text
// means the plain letter; folding them lets «علي رضائي» find «علی رضایی».
export const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ي: 'ی', // U+064A Arabic yeh
  ى: 'ی', // U+0649 alef maksura
  ئ: 'ی', // U+0626 yeh with hamza
  ك: 'ک', // U+0643 Arabic kaf
  ؤ: 'و', // U+0624 waw with hamza
  أ: 'ا', // U+0623
  إ: 'ا', // U+0625
  آ: 'ا', // U+0622
  ٱ: 'ا', // U+0671 alef wasla
  ة: 'ه', // U+0629 teh marbuta
  ۀ: 'ه', // U+06C0 heh with yeh above
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

export const PUNCTUATION_FOLDS: Readonly<Record<string, string>> = {
  '،': ',', // U+060C
  '٬': ',', // U+066C thousands separator
  '؛': ';', // U+061B
  '؟': '?', // U+061F
  '٪': '%', // U+066A
  '٫': '.', // U+066B decimal separator
  '۔': '.', // U+06D4
  '٭': '*', // U+066D
  '«': '"',
  '»': '"',
};
const PUNCTUATION_FOLD_RE = new RegExp(`[${Object.keys(PUNCTUATION_FOLDS).join('')}]`, 'g');

// Script_Extensions rather than Script: the harakat (U+064B–U+065F, U+0670) are Script=Inherited.
const ARABIC_MARKS_RE = /(?=\p{Script_Extensions=Arabic})\p{M}/gu;
const TATWEEL_RE = /\u0640/g;
// \p{Cf} covers ZWNJ, ZWJ, ZWSP, BOM, LRM/RLM/ALM and the bidi embeddings/isolates.
const FORMAT_CHARS_RE = /\p{Cf}/gu;

/**
 * Aggressive normalisation for the search column and duplicate detection. Lossy on purpose:
 * apply it to both the stored text and the query, never display the result.
 */
export function normalizeForSearch(s: string): string {
  // NFKC first: it turns Arabic presentation forms (common in text pasted from PDFs) and
  // ligatures such as ﻻ into ordinary letters, and full-width Latin into ASCII.
  return toLatinDigits(
    s
      .normalize('NFKC')
      .replace(FORMAT_CHARS_RE, ' ')
      .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS[c] ?? c)
      .replace(ARABIC_MARKS_RE, '')
      .replace(TATWEEL_RE, '')
      .replace(PUNCTUATION_FOLD_RE, (c) => PUNCTUATION_FOLDS[c] ?? c),
  )
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Only the digits of `s`, as ASCII; for matching phone numbers however they were typed. */
export function normalizeDigitsOnly(s: string): string {
  return toLatinDigits(s).replace(/\D/g, '');
}

/**
 * A phone number as search compares it, stored or queried: its ASCII digits without leading
 * zeros, which only some ways of writing it have (0913…, 0098 913…).
 */
export function phoneSearchDigits(s: string): string {
  return normalizeDigitsOnly(s).replace(/^0+/, '');
}

/**
 * The gentle fix for text that is stored and shown: Arabic yeh and kaf become their Persian
 * forms. They render almost alike but are different code points, which breaks sorting and
 * exact matching. Everything else is kept as typed.
 */
export function fixArabicLetters(s: string): string {
  return s.replace(/ي/g, 'ی').replace(/ك/g, 'ک');
}
