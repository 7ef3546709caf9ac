import { z } from 'zod';
import { toLatinDigits } from '../../persian/digits.js';
import { parseDateInput } from '../../persian/jalali.js';
import type { FieldTypeSpec } from './field-type.js';
import { ORDERED_OPERATORS } from './field-type.js';

/** A calendar date: `1403/05/12`, `۱۴۰۳/۰۵/۱۲` or `2024-08-02` in, ISO `2024-08-02` out. */
export const dateInputSchema = z
  .string()
  .max(40)
  .transform((input, ctx) => {
    const iso = parseDateInput(input);
    if (iso === null) {
      ctx.addIssue({ code: 'custom', params: { code: 'invalid_date' } });
      return z.NEVER;
    }
    return iso;
  });

export const dateField: FieldTypeSpec = {
  schema: () => dateInputSchema,
  storage: 'scalar',
  scalarKind: 'date',
  operators: ORDERED_OPERATORS,
  empty: null,
  sortable: true,
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An instant: ISO 8601 with an offset in, UTC ISO stored; a time without an offset is ambiguous and refused. */
export const datetimeField: FieldTypeSpec = {
  schema: () =>
    z
      .string()
      .max(40)
      .transform((input, ctx) => {
        const latin = toLatinDigits(input.trim());
        const time = ISO_INSTANT.test(latin) ? Date.parse(latin) : Number.NaN;
        if (Number.isNaN(time)) {
          ctx.addIssue({ code: 'custom', params: { code: 'invalid_datetime' } });
          return z.NEVER;
        }
        return new Date(time).toISOString();
      }),
  storage: 'scalar',
  scalarKind: 'datetime',
  operators: ORDERED_OPERATORS,
  empty: null,
  sortable: true,
};
