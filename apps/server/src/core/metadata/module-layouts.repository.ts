import type { BlockDef } from '@peyvand/shared';
import type { Transaction } from 'kysely';
import type { DB } from '../db/database.js';
import type { Database } from '../db/schema.js';

type Executor = DB | Transaction<Database>;

export interface StoredLayout {
  module: string;
  blocks: BlockDef[];
}

export async function loadModuleLayouts(db: Executor, workspaceId: string): Promise<StoredLayout[]> {
  return db.selectFrom('module_layouts').select(['module', 'blocks']).where('workspace_id', '=', workspaceId).execute();
}

export async function saveModuleLayout(
  trx: Executor,
  workspaceId: string,
  module: string,
  blocks: BlockDef[],
): Promise<void> {
  const now = new Date();
  await trx
    .insertInto('module_layouts')
    .values({ workspace_id: workspaceId, module, blocks: JSON.stringify(blocks), updated_at: now })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'module']).doUpdateSet({ blocks: JSON.stringify(blocks), updated_at: now }),
    )
    .execute();
}
