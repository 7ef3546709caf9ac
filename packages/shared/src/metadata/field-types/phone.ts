import { z } from 'zod';
import { phoneSearchDigits } from '../../persian/normalize.js';
import { normalizeIranianPhone } from '../../persian/phone.js';
import type { FieldTypeSpec } from './field-type.js';
import { safeString } from './safe-string.js';

export interface StoredPhone {
  /** E.164, what the API returns and what search and duplicate checks compare. */
  number: string;
  /** As the user typed it, kept for display. */
  typed: string;
}

export const phoneNumberSchema = safeString(40).transform((typed, ctx): StoredPhone => {
  const normalized = normalizeIranianPhone(typed);
  if (!normalized) {
    ctx.addIssue({ code: 'custom', params: { code: 'invalid_phone' } });
    return z.NEVER;
  }
  return { number: normalized.e164, typed };
});

/**
 * A phone's E.164 digits, and its typed digits only when they hold more (an extension). A
 * search compares numbers by phoneSearchDigits, as the typed digits are compared here, so
 * 0913… and +98 913… find the E.164 form; every extra copy costs the trigram index a dozen
 * entries per record.
 */
export function phoneSearchTexts(phone: StoredPhone): string[] {
  const e164 = phone.number.replace('+', '');
  const typed = phoneSearchDigits(phone.typed);
  return typed && !e164.includes(typed) ? [e164, typed] : [e164];
}

export const phoneField: FieldTypeSpec = {
  schema: () => phoneNumberSchema,
  storage: 'phone',
  operators: ['eq', 'ne', 'in', 'nin', 'contains', 'startsWith', 'isEmpty', 'isNotEmpty'],
  empty: null,
  sortable: true,
  searchTexts: (value) => phoneSearchTexts(value as StoredPhone),
};

export const PHONE_KINDS = ['mobile', 'work', 'home', 'fax', 'other'] as const;

export const phoneListField: FieldTypeSpec = {
  schema: () =>
    z
      .array(
        z
          .strictObject({ kind: z.enum(PHONE_KINDS).default('mobile'), number: phoneNumberSchema })
          .transform(({ kind, number }) => ({ kind, ...number })),
      )
      .max(20),
  storage: 'objects',
  primarySubField: 'number',
  subFields: ['number', 'kind'],
  operators: ['eq', 'contains', 'isEmpty', 'isNotEmpty'],
  empty: [],
  sortable: false,
  searchTexts: (value) => (value as StoredPhone[]).flatMap(phoneSearchTexts),
};
