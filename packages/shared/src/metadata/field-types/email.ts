import { z } from 'zod';
import type { FieldTypeSpec } from './field-type.js';
import { textLikeType } from './field-type.js';

/** Stored lower-cased: mailboxes are case-insensitive in practice and duplicates must match. */
export const emailAddressSchema = z
  .string()
  .max(254)
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email());

export const emailField = textLikeType(() => emailAddressSchema);

export const EMAIL_KINDS = ['work', 'personal', 'other'] as const;

export const emailListField: FieldTypeSpec = {
  schema: () =>
    z.array(z.strictObject({ kind: z.enum(EMAIL_KINDS).default('work'), address: emailAddressSchema })).max(20),
  storage: 'objects',
  primarySubField: 'address',
  subFields: ['address', 'kind'],
  operators: ['eq', 'contains', 'isEmpty', 'isNotEmpty'],
  empty: [],
  sortable: false,
  searchTexts: (value) => (value as { address: string }[]).map((e) => e.address),
};
