import { fieldTypes, normalizeForSearch, phoneSearchDigits } from '@peyvand/shared';
import type { EffectiveModule } from '../metadata/effective-module.js';

/**
 * The normalised text a record is found by: its searchable standard fields, every text-like
 * custom field, and phone numbers as E.164 digits (phoneSearchTexts), so any way of writing a
 * name or a number finds it.
 */
export function buildSearchText(
  module: EffectiveModule,
  data: Record<string, unknown>,
  custom: Record<string, unknown>,
): string {
  const parts: string[] = [];
  for (const field of module.fields.values())
    if (field.searchable) addSearchTexts(parts, data[field.name], fieldTypes[field.type].searchTexts);
  for (const field of module.customFields.values())
    addSearchTexts(parts, custom[field.name], fieldTypes[field.type].searchTexts);
  return normalizeForSearch(parts.join(' ')).slice(0, 20_000);
}

/** A module-level function, not a closure made anew for each of an import's records. */
function addSearchTexts(parts: string[], value: unknown, texts: ((value: unknown) => string[]) | undefined): void {
  if (value === null || value === undefined || !texts) return;
  parts.push(...texts(value));
}

/** A query of digits, spaces, dashes and brackets, with at least four digits: (part of) a phone number. */
export function isPhoneQuery(query: string): boolean {
  const normalized = normalizeForSearch(query);
  return /^[\d\s\-+()]+$/.test(normalized) && /\d{4}/.test(normalized.replace(/\D/g, ''));
}

/** The words of a query, normalised like the column; each must appear for a record to match. */
export function searchWords(query: string): string[] {
  const normalized = normalizeForSearch(query);
  // A phone number typed with spaces or dashes is one term: its digits without leading zeros.
  if (isPhoneQuery(query)) return [phoneSearchDigits(normalized)];
  // A number among the words is compared as a phone's digits are (a lone 0 stays itself).
  return normalized
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => (/^\+?\d+$/.test(word) ? phoneSearchDigits(word) || word : word));
}
