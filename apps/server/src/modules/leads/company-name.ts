import { normalizeForSearch } from '@peyvand/shared';

// Words that say what kind of company it is rather than which one: «شرکت پرتو گستر امید (سهامی خاص)»
// and «پرتو گستر امید» are the same organization. Normalised like the names they are matched in.
const LEADING = ['شرکت'].map(normalizeForSearch);
const TRAILING = ['سهامی خاص', 'سهامی عام', 'با مسئولیت محدود', 'مسئولیت محدود', 'ltd', 'inc', 'llc', 'co'].map(
  normalizeForSearch,
);

/**
 * What two spellings of one company name have in common: letters folded as search folds them
 * (ي/ی, ك/ک, digits, ZWNJ, diacritics), punctuation dropped and legal-form words left out.
 */
export function companyNameKey(name: string): string {
  let key = normalizeForSearch(name)
    .replace(/[()[\]{}.,;:"'«»\-_/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const word of LEADING) if (key.startsWith(`${word} `)) key = key.slice(word.length + 1);
  for (const words of TRAILING) if (key.endsWith(` ${words}`)) key = key.slice(0, -words.length - 1);
  return key;
}
