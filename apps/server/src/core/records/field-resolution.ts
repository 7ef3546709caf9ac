import type { FieldDef } from '@peyvand/shared';
import { fieldTypes, systemFieldsOf } from '@peyvand/shared';
import type { EffectiveModule } from '../metadata/effective-module.js';

export type ResolvedField =
  | { source: 'column'; column: SystemColumn; def: FieldDef }
  | { source: 'data' | 'custom'; name: string; def: FieldDef; sub?: string };

export type SystemColumn =
  | 'id'
  | 'number'
  | 'owner_id'
  | 'owner_group_id'
  | 'created_at'
  | 'updated_at'
  | 'created_by'
  | 'updated_by'
  | 'version';

const COLUMNS: Record<string, SystemColumn> = {
  id: 'id',
  number: 'number',
  ownerId: 'owner_id',
  ownerGroupId: 'owner_group_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  createdBy: 'created_by',
  updatedBy: 'updated_by',
  version: 'version',
};

/**
 * Maps a filter or sort path (`lastName`, `custom.region`, `addresses.city`, `createdAt`) to
 * where its value is stored, or undefined when the module has no such filterable field.
 * Only names found in the metadata get this far, so no caller-supplied name reaches SQL text.
 */
export function resolveField(module: EffectiveModule, path: string): ResolvedField | undefined {
  const system = systemFieldsOf(module.def).find((f) => f.name === path);
  if (system) return { source: 'column', column: COLUMNS[system.name]!, def: system };

  const [head, sub, ...rest] = path.split('.');
  if (!head || rest.length > 0) return undefined;
  if (head === 'custom') {
    const def = sub ? module.customFields.get(sub) : undefined;
    return def ? { source: 'custom', name: def.name, def } : undefined;
  }
  const def = module.fields.get(head);
  if (!def || def.writeOnly) return undefined;
  if (sub === undefined) return { source: 'data', name: head, def };
  return fieldTypes[def.type].subFields?.includes(sub) ? { source: 'data', name: head, def, sub } : undefined;
}
