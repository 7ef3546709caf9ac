import type { FilterOperator } from '@peyvand/shared';
import { SUB_FIELD_OPERATORS } from '@peyvand/shared';
import type { FieldMeta, ModuleMeta } from '../metadata/types';

/**
 * What a filter can name: every field with operators, and the parts of composite fields
 * (the city of an address, the kind of a phone), which the server compares as text.
 */
export interface FilterableField {
  path: string;
  field: FieldMeta;
  /** Set for a part of a composite field, e.g. `city`. */
  sub?: string;
  operators: readonly FilterOperator[];
}

// Record ids and versions are for machines; people filter by number, owner and dates.
const HIDDEN_SYSTEM_FIELDS = new Set(['id', 'version']);

export function filterableFields(module: ModuleMeta): FilterableField[] {
  const fields = [
    ...module.fields.filter((f) => !f.hidden),
    ...module.systemFields.filter((f) => !HIDDEN_SYSTEM_FIELDS.has(f.name)),
  ];
  return fields.flatMap((field) => {
    const own: FilterableField[] =
      field.operators.length > 0 ? [{ path: field.filterPath, field, operators: field.operators }] : [];
    const parts = (field.subFields ?? []).map((sub) => ({
      path: `${field.filterPath}.${sub}`,
      field,
      sub,
      operators: SUB_FIELD_OPERATORS,
    }));
    return [...own, ...parts];
  });
}
