import { z } from 'zod';
import type { FieldTypeSpec } from './field-type.js';
import { postalCodeField } from './identifiers.js';
import { safeString } from './safe-string.js';

export const ADDRESS_KINDS = ['main', 'shipping', 'billing', 'work', 'home', 'other'] as const;

const text = safeString(500).optional().nullable();

export const addressSchema = z.strictObject({
  kind: z.enum(ADDRESS_KINDS).default('main'),
  street: text,
  city: safeString(100).optional().nullable(),
  province: safeString(100).optional().nullable(),
  postalCode: postalCodeField
    .schema({ name: 'postalCode', type: 'postalCode', label: { fa: '', en: '' } })
    .optional()
    .nullable(),
  country: safeString(100).optional().nullable(),
  poBox: safeString(40).optional().nullable(),
  lat: z.number().min(-90).max(90).optional().nullable(),
  lng: z.number().min(-180).max(180).optional().nullable(),
});

const ADDRESS_PARTS = ['kind', 'street', 'city', 'province', 'postalCode', 'country', 'poBox'] as const;
type StoredAddress = z.infer<typeof addressSchema>;
const addressTexts = (a: StoredAddress) =>
  [a.street, a.city, a.province, a.postalCode].filter((part): part is string => Boolean(part));

export const addressField: FieldTypeSpec = {
  schema: () => addressSchema,
  storage: 'object',
  subFields: ADDRESS_PARTS,
  operators: ['isEmpty', 'isNotEmpty'],
  empty: null,
  sortable: false,
  searchTexts: (value) => addressTexts(value as StoredAddress),
};

export const addressListField: FieldTypeSpec = {
  schema: () => z.array(addressSchema).max(20),
  storage: 'objects',
  subFields: ADDRESS_PARTS,
  operators: ['isEmpty', 'isNotEmpty'],
  empty: [],
  sortable: false,
  searchTexts: (value) => (value as StoredAddress[]).flatMap(addressTexts),
};
