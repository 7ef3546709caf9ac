import { z } from 'zod';

/**
 * PostgreSQL's jsonb rejects NUL characters and lone surrogates, so they must be refused
 * as bad input here rather than surface as a database error.
 */
export function safeString(max: number): z.ZodString {
  return z
    .string()
    .max(max)
    .refine((s) => s.isWellFormed() && !s.includes('\u0000'), { params: { code: 'invalid_text' } });
}
