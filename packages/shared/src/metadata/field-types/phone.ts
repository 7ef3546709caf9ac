import { z } from 'zod';
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

export function phoneSearchTexts(phone: StoredPhone): string[] {
  return [phone.number.replace('+', ''), phone.typed.replace(/\D/g, '')];
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
