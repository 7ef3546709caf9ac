import { z } from 'zod';
import { textLikeType } from './field-type.js';

/** `www.example.ir` is how people write a website; it is stored with its scheme so it can be opened. */
export const urlField = textLikeType(() =>
  z
    .string()
    .max(2000)
    .transform((input, ctx) => {
      const trimmed = input.trim();
      const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
      let url: URL | null = null;
      try {
        url = new URL(withScheme);
      } catch {
        url = null;
      }
      if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.')) {
        ctx.addIssue({ code: 'custom', params: { code: 'invalid_url' } });
        return z.NEVER;
      }
      return withScheme;
    }),
);
