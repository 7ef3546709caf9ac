import { z } from 'zod';
import type { FieldTypeSpec } from './field-type.js';
import { safeString } from './safe-string.js';

export const SOCIAL_NETWORKS = [
  'instagram',
  'telegram',
  'whatsapp',
  'linkedin',
  'x',
  'facebook',
  'bale',
  'eitaa',
  'rubika',
  'other',
] as const;

/** Handles are kept without the leading @ so `@peyvand` and `peyvand` are the same account. */
export const socialListField: FieldTypeSpec = {
  schema: () =>
    z
      .array(
        z.strictObject({
          network: z.enum(SOCIAL_NETWORKS),
          handle: safeString(200)
            .transform((h) => h.trim().replace(/^@/, ''))
            .pipe(z.string().min(1)),
        }),
      )
      .max(20),
  storage: 'objects',
  primarySubField: 'handle',
  subFields: ['network', 'handle'],
  operators: ['eq', 'contains', 'isEmpty', 'isNotEmpty'],
  empty: [],
  sortable: false,
  searchTexts: (value) => (value as { handle: string }[]).map((s) => s.handle),
};
