import { z } from 'zod';
import type { FieldTypeSpec } from './field-type.js';

export const REMINDER_CHANNELS = ['inApp', 'email'] as const;

/** Four weeks: the longest lead time a calendar app offers. */
const MAX_MINUTES_BEFORE = 40_320;

/** When to remind before an activity starts (or falls due), and how: `[{ minutesBefore, channels }]`. */
export const remindersField: FieldTypeSpec = {
  schema: () =>
    z
      .array(
        z.strictObject({
          minutesBefore: z.number().int().min(0).max(MAX_MINUTES_BEFORE),
          channels: z
            .array(z.enum(REMINDER_CHANNELS))
            .min(1)
            .transform((channels) => [...new Set(channels)]),
        }),
      )
      .max(10),
  storage: 'objects',
  operators: ['isEmpty', 'isNotEmpty'],
  empty: [],
  sortable: false,
};
