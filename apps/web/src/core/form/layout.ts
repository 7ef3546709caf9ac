import type { FieldType } from '@peyvand/shared';
import type { FieldMeta } from '../metadata/types';

// Types that need the whole width of a form or a record page.
const WIDE_TYPES: ReadonlySet<FieldType> = new Set([
  'longText',
  'address',
  'addressList',
  'phoneList',
  'emailList',
  'socialList',
  'referenceList',
  'multiPicklist',
  'tags',
  'recurrence',
]);

export const isWide = (field: FieldMeta) => WIDE_TYPES.has(field.type);
