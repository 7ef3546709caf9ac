import type { BlockDef } from '@peyvand/shared';
import { moduleByName } from '@peyvand/shared';
import type { ApiRecord, FieldMeta, ModuleMeta } from './types';

/** A field's value in a record: custom values live under `custom`. */
export function valueOf(record: ApiRecord, field: FieldMeta): unknown {
  return field.custom ? record.custom[field.name] : record[field.name];
}

/** The field with this filter path (`name`, `custom.name`) among the module's own and system fields. */
export function fieldByPath(module: ModuleMeta, path: string): FieldMeta | undefined {
  return module.fields.find((f) => f.filterPath === path) ?? module.systemFields.find((f) => f.filterPath === path);
}

export function isOwned(module: ModuleMeta): boolean {
  return module.systemFields.some((f) => f.name === 'ownerId');
}

/** Rules the metadata API does not describe are read from the shared declaration of the module. */
export function requireOneOf(module: ModuleMeta): string[] {
  return moduleByName.get(module.name)?.requireOneOf ?? [];
}

/** A record's display title from its module's title fields, e.g. «احمد صادقی». */
export function recordTitle(module: ModuleMeta, record: Record<string, unknown>): string {
  return module.titleFields
    .map((name) => record[name])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join(' ');
}

/** Fields grouped by block in the layout's order; fields of a block that no longer exists go last. */
export function fieldsByBlock(
  module: ModuleMeta,
  fields: FieldMeta[],
): { block: BlockDef | null; fields: FieldMeta[] }[] {
  const known = new Set(module.blocks.map((b) => b.name));
  const groups: { block: BlockDef | null; fields: FieldMeta[] }[] = module.blocks.map((block) => ({
    block,
    fields: fields.filter((f) => f.block === block.name),
  }));
  groups.push({ block: null, fields: fields.filter((f) => !f.block || !known.has(f.block)) });
  return groups.filter((g) => g.fields.length > 0);
}
