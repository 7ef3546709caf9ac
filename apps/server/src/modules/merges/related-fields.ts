import type { FieldDef } from '@peyvand/shared';
import type { ModuleSet } from '../../core/metadata/effective-module.js';

/** A field of some module that can hold a record of the merged module, standard or custom. */
export interface PointingField {
  module: string;
  field: FieldDef;
  /** The jsonb column the value lives in. */
  column: 'data' | 'custom';
  kind: 'reference' | 'referenceList' | 'links';
}

const LINK_TYPES = new Set(['recordLinks', 'participants']);

/**
 * Every field, in every module of the workspace, through which a record of `target` can be
 * related to others: derived from metadata, so a custom reference field is moved like `contactId`.
 */
export function fieldsPointingAt(modules: ModuleSet, target: string): PointingField[] {
  const found: PointingField[] = [];
  for (const module of modules.values()) {
    const all = [
      ...[...module.fields.values()].map((field) => ({ field, column: 'data' as const })),
      ...[...module.customFields.values()].map((field) => ({ field, column: 'custom' as const })),
    ];
    for (const { field, column } of all) {
      if ((field.type === 'reference' || field.type === 'referenceList') && field.target === target)
        found.push({ module: module.def.name, field, column, kind: field.type });
      else if (LINK_TYPES.has(field.type)) found.push({ module: module.def.name, field, column, kind: 'links' });
    }
  }
  return found;
}

type Link = { module: string; id: string };

/** The field's value with every merged record replaced by the survivor, each record once. */
export function repointed(
  pointing: PointingField,
  target: string,
  value: unknown,
  merged: ReadonlySet<string>,
  survivor: string,
): unknown {
  if (pointing.kind === 'reference') return merged.has(value as string) ? survivor : value;
  if (pointing.kind === 'referenceList')
    return [...new Set((value as string[]).map((id) => (merged.has(id) ? survivor : id)))];
  const links = (value as Link[]).map((l) => (l.module === target && merged.has(l.id) ? { ...l, id: survivor } : l));
  return [...new Map(links.map((l) => [`${l.module}/${l.id}`, l])).values()];
}

/** The jsonb fragments a record holding one of `ids` in the field contains (served by the GIN indexes). */
export function containmentFragments(pointing: PointingField, target: string, ids: string[]): object[] {
  const name = pointing.field.name;
  if (pointing.kind === 'reference') return ids.map((id) => ({ [name]: id }));
  if (pointing.kind === 'referenceList') return ids.map((id) => ({ [name]: [id] }));
  return ids.map((id) => ({ [name]: [{ module: target, id }] }));
}
