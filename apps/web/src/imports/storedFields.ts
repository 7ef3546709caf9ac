import { fieldByPath } from '../core/metadata/fields';
import type { FieldMeta, ModuleMeta } from '../core/metadata/types';

/**
 * The fields a mapping fills, once each and in column order: `phones.mobile` and `phones.work`
 * both fill `phones`; `custom.region` is the custom field `region`.
 */
export function storedFields(module: ModuleMeta, paths: (string | null)[]): FieldMeta[] {
  const fields = new Map<string, FieldMeta>();
  for (const path of paths) {
    if (!path) continue;
    const top = path.startsWith('custom.') ? path : path.split('.')[0]!;
    const field = fieldByPath(module, top);
    if (field) fields.set(field.filterPath, field);
  }
  return [...fields.values()];
}

/** A field's value in a row as the preview shows it stored: custom values live under `custom`. */
export function storedValue(values: Record<string, unknown>, field: FieldMeta): unknown {
  if (!field.custom) return values[field.name];
  const custom = values.custom as Record<string, unknown> | undefined;
  return custom?.[field.name];
}
