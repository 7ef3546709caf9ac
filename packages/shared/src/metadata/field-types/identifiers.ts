import { z } from 'zod';
import { toLatinDigits } from '../../persian/digits.js';
import { isValidEconomicCode } from '../../persian/economic-code.js';
import { isValidLegalNationalId } from '../../persian/legal-id.js';
import { isValidNationalCode, normalizeNationalCode } from '../../persian/national-code.js';
import { isValidPostalCode } from '../../persian/postal-code.js';
import type { FieldTypeSpec } from './field-type.js';
import { CHOICE_OPERATORS } from './field-type.js';

/** An Iranian code is stored as its Latin digits alone, whatever digits and separators were typed. */
function identifierType(code: string, normalize: (digits: string) => string | null): FieldTypeSpec {
  return {
    schema: () =>
      z
        .string()
        .max(40)
        .transform((input, ctx) => {
          const value = normalize(toLatinDigits(input).replace(/[\s\-.]/g, ''));
          if (value === null) {
            ctx.addIssue({ code: 'custom', params: { code } });
            return z.NEVER;
          }
          return value;
        }),
    storage: 'scalar',
    scalarKind: 'text',
    operators: [...CHOICE_OPERATORS, 'startsWith'],
    empty: null,
    sortable: true,
    searchTexts: (value) => [String(value)],
  };
}

const when = (valid: (digits: string) => boolean) => (digits: string) => (valid(digits) ? digits : null);

// Spreadsheets drop the leading zeros of Tehran codes: the code is stored padded to 10 digits.
export const nationalCodeField = identifierType('invalid_national_code', (digits) =>
  isValidNationalCode(digits) ? normalizeNationalCode(digits) : null,
);
export const legalNationalIdField = identifierType('invalid_legal_national_id', when(isValidLegalNationalId));
export const economicCodeField = identifierType('invalid_economic_code', when(isValidEconomicCode));
export const postalCodeField = identifierType('invalid_postal_code', when(isValidPostalCode));
