import type { Transaction } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import type { ConversionMapping } from './conversion-mapping.js';

/** All SQL over `lead_conversion_mappings`. */

type Executor = DB | Transaction<Database>;

export async function loadConversionMappings(db: Executor, workspaceId: string): Promise<ConversionMapping[]> {
  const rows = await db
    .selectFrom('lead_conversion_mappings')
    .select(['lead_field', 'target_module', 'target_field'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ leadField: r.lead_field, targetModule: r.target_module, targetField: r.target_field }));
}

export async function replaceConversionMappings(
  trx: Transaction<Database>,
  workspaceId: string,
  mappings: readonly ConversionMapping[],
): Promise<void> {
  await trx.deleteFrom('lead_conversion_mappings').where('workspace_id', '=', workspaceId).execute();
  if (mappings.length === 0) return;
  await trx
    .insertInto('lead_conversion_mappings')
    .values(
      mappings.map((m, position) => ({
        workspace_id: workspaceId,
        target_module: m.targetModule,
        target_field: m.targetField,
        lead_field: m.leadField,
        position,
      })),
    )
    .execute();
}
