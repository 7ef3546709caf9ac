import type { FieldDef, ModuleDef } from '@peyvand/shared';
import { modules as declaredModules } from '@peyvand/shared';
import type { DB } from '../db/database.js';
import { type ModuleSet, effectiveModule } from './effective-module.js';
import { type StoredFieldDefinition, loadFieldDefinitions, metadataVersion } from './field-definitions.repository.js';
import { CUSTOM_BLOCK, blocksInOrder } from './module-layout.js';
import { type StoredLayout, loadModuleLayouts } from './module-layouts.repository.js';

/** What an admin may change on a standard field; its name, type and storage stay as declared. */
export const STANDARD_FIELD_OVERRIDES = ['label', 'options', 'hidden', 'position', 'quickCreate', 'block'] as const;

function applyDefinitions(declared: ModuleDef, stored: StoredFieldDefinition[], layout?: StoredLayout): ModuleDef {
  const overrides = new Map(stored.filter((s) => !s.isCustom).map((s) => [s.name, s.definition]));
  const standard = declared.fields.map((field, index): FieldDef => {
    const override = overrides.get(field.name) ?? {};
    const allowed = Object.fromEntries(
      Object.entries(override).filter(([key]) => (STANDARD_FIELD_OVERRIDES as readonly string[]).includes(key)),
    );
    return { position: (index + 1) * 10, ...field, ...allowed };
  });
  const custom = stored
    .filter((s) => s.isCustom)
    .map((s, index): FieldDef => ({
      position: 10_000 + index * 10,
      block: CUSTOM_BLOCK.name,
      ...(s.definition as Omit<FieldDef, 'name'>),
      name: s.name,
      custom: true,
    }));
  const fields = [...standard, ...custom].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  return { ...declared, fields, blocks: blocksInOrder(declared.blocks, layout?.blocks, fields) };
}

/** A field that shares another's list (FieldDef.optionsFrom) reads that field's values as the admin left them. */
function withSharedOptions(def: ModuleDef, defs: ReadonlyMap<string, ModuleDef>): ModuleDef {
  if (!def.fields.some((f) => f.optionsFrom)) return def;
  const fields = def.fields.map((field): FieldDef => {
    if (!field.optionsFrom) return field;
    const home = defs.get(field.optionsFrom.module)?.fields.find((f) => f.name === field.optionsFrom!.field);
    return home?.options ? { ...field, options: home.options } : field;
  });
  return { ...def, fields };
}

export function buildModuleSet(stored: StoredFieldDefinition[], layouts: StoredLayout[] = []): ModuleSet {
  const defs = new Map(
    declaredModules.map((declared) => [
      declared.name,
      applyDefinitions(
        declared,
        stored.filter((s) => s.module === declared.name),
        layouts.find((l) => l.module === declared.name),
      ),
    ]),
  );
  return new Map([...defs].map(([name, def]) => [name, effectiveModule(withSharedOptions(def, defs))]));
}

/**
 * Each workspace's modules, rebuilt when its metadata version moves. The version arrives with
 * the request's principal, so a field added on one app server is seen by all on their next request.
 */
export class ModuleRegistry {
  private readonly cache = new Map<string, { version: number; modules: Promise<ModuleSet> }>();

  constructor(private readonly db: DB) {}

  modulesFor(workspaceId: string, version: number): Promise<ModuleSet> {
    const cached = this.cache.get(workspaceId);
    if (cached && cached.version >= version) return cached.modules;
    const modules = Promise.all([
      loadFieldDefinitions(this.db, workspaceId),
      loadModuleLayouts(this.db, workspaceId),
    ]).then(([stored, layouts]) => buildModuleSet(stored, layouts));
    modules.catch(() => this.cache.delete(workspaceId));
    this.cache.set(workspaceId, { version, modules });
    return modules;
  }

  /** For callers without a principal (login, CLI, jobs): reads the current version first. */
  async currentModules(workspaceId: string): Promise<ModuleSet> {
    return this.modulesFor(workspaceId, await metadataVersion(this.db, workspaceId));
  }
}
