import type { Actor } from '../../core/auth/principal.js';
import type { DB } from '../../core/db/database.js';
import type { ModuleSet } from '../../core/metadata/effective-module.js';
import { assertAdmin } from '../../core/records/permissions.js';
import { type ConversionMapping, assertMappingsValid, usableMappings } from './conversion-mapping.js';
import { loadConversionMappings, replaceConversionMappings } from './conversion-mapping.repository.js';

/** The mapping as conversions apply it: what still holds of what the admin saved. */
export async function conversionMappings(db: DB, workspaceId: string, modules: ModuleSet) {
  return { mappings: usableMappings(modules, await loadConversionMappings(db, workspaceId)) };
}

/** Replaces the whole mapping, checked first: an admin's settings screen saves it at once. */
export async function saveConversionMappings(db: DB, actor: Actor, modules: ModuleSet, mappings: ConversionMapping[]) {
  assertAdmin(actor);
  assertMappingsValid(modules, mappings);
  await db.transaction().execute((trx) => replaceConversionMappings(trx, actor.workspaceId, mappings));
  return { mappings };
}
