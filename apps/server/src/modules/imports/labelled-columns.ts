import { normalizeForSearch } from '@peyvand/shared';

/**
 * Google Contacts exports phones and e-mails as numbered pairs of columns: `Phone 1 - Label`
 * (older files: `Phone 1 - Type`) says what kind of number `Phone 1 - Value` holds, row by row
 * («Mobile», «* Work», «Home Fax», or a label of the user's own). A value column mapped to a
 * phone or e-mail list without a fixed kind takes its kind from that companion column.
 */
const NUMBERED_VALUE = /^(.*\S)\s*-\s*value$/i;

/** The index of the column labelling `column` in `header`, if the file has one. */
export function labelColumnIndex(header: string[], column: string): number | undefined {
  const stem = NUMBERED_VALUE.exec(column.trim())?.[1];
  if (!stem) return undefined;
  const wanted = new Set([`${stem} - label`, `${stem} - type`].map((h) => h.toLowerCase()));
  const index = header.findIndex((h) => wanted.has(h.trim().toLowerCase()));
  return index < 0 ? undefined : index;
}

/** The numbered value columns Google writes, `Phone 1 - Value` … `Phone 9 - Value`. */
export const numberedValueHeaders = (stem: string): string[] =>
  Array.from({ length: 9 }, (_, i) => `${stem} ${i + 1} - Value`);

/** Words of a label, in order of precedence: «Work Fax» is a fax before it is work. */
const PHONE_KIND_WORDS: [string, RegExp][] = [
  ['fax', /fax|فکس|نمابر/],
  ['mobile', /mobile|cell|iphone|موبایل|همراه/],
  ['work', /work|business|office|company|main|کار|شرکت|دفتر/],
  ['home', /home|منزل|خانه/],
];

const EMAIL_KIND_WORDS: [string, RegExp][] = [
  ['work', /work|business|office|کار|شرکت/],
  ['personal', /home|personal|private|شخصی|منزل|خانه/],
];

function kindOf(words: [string, RegExp][], label: string | undefined, unlabelled: string): string {
  // «* Mobile»: Google marks the primary value with a leading star.
  const text = normalizeForSearch((label ?? '').replace(/^\s*\*\s*/, ''));
  if (!text) return unlabelled;
  return words.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
}

/** A phone's kind from its label; unlabelled numbers are mobiles, as most numbers in a contact list are. */
export const phoneKindOfLabel = (label: string | undefined) => kindOf(PHONE_KIND_WORDS, label, 'mobile');

/** An e-mail's kind from its label; unlabelled addresses count as work addresses, the list's default. */
export const emailKindOfLabel = (label: string | undefined) => kindOf(EMAIL_KIND_WORDS, label, 'work');
