import type { FieldDef, ModuleDef, WriteSchemas } from '@peyvand/shared';
import { buildWriteSchemas } from '@peyvand/shared';

/**
 * A module as one workspace sees it: the declaration with the admin's changes applied
 * (labels, picklist values, hidden, order) and the admin's custom fields added.
 */
export interface EffectiveModule {
  def: ModuleDef;
  /** Standard fields, stored in `data`. */
  fields: ReadonlyMap<string, FieldDef>;
  /** Admin-defined fields, stored in `custom`. */
  customFields: ReadonlyMap<string, FieldDef>;
  schemas: WriteSchemas;
}

export function effectiveModule(def: ModuleDef): EffectiveModule {
  const fields = new Map<string, FieldDef>();
  const customFields = new Map<string, FieldDef>();
  for (const field of def.fields) (field.custom ? customFields : fields).set(field.name, field);
  return { def, fields, customFields, schemas: buildWriteSchemas(def) };
}

export type ModuleSet = ReadonlyMap<string, EffectiveModule>;
