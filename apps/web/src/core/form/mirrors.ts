import type { FieldMeta } from '../metadata/types';

/**
 * The address a shipping address can be "same as": in a module with several address fields
 * (an organization's billing and shipping), the first address field that is not itself a
 * shipping one.
 */
export function mirrorSourceOf(field: FieldMeta, fields: FieldMeta[]): FieldMeta | undefined {
  if (field.type !== 'address' || !/shipping/i.test(field.name)) return undefined;
  return fields.find((f) => f.type === 'address' && f !== field && !/shipping/i.test(f.name));
}
