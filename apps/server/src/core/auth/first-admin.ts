import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { DB } from '../db/database.js';
import { createRecordIn, getRecord } from '../records/records.service.js';
import { scopeOf } from '../records/records.routes.js';
import type { Actor } from './principal.js';

export const DEFAULT_WORKSPACE_ID = '00000000-0000-4000-8000-000000000001';
const SETUP_LOCK_KEY = 7_301_955_143;

export async function hasUsers(db: DB, workspaceId = DEFAULT_WORKSPACE_ID): Promise<boolean> {
  const row = await db
    .selectFrom('records')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', 'users')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface FirstAdminInput {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

/**
 * Creates the first administrator if the workspace has no user yet, else returns null. A
 * transaction-scoped advisory lock makes two servers (or two set-up forms) race safely.
 */
export async function createFirstAdmin(ctx: AppContext, input: FirstAdminInput) {
  const workspaceId = DEFAULT_WORKSPACE_ID;
  const system: Actor = { workspaceId, userId: null, role: 'admin' };
  const modules = await ctx.registry.currentModules(workspaceId);
  const scope = scopeOf(ctx, system, modules, 'users');
  const row = await ctx.database.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`.execute(trx);
    const existing = await trx
      .selectFrom('records')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('module', '=', 'users')
      .limit(1)
      .executeTakeFirst();
    if (existing) return null;
    return createRecordIn(scope, trx, { ...input, role: 'admin', active: true });
  });
  if (!row) return null;
  return { workspaceId, user: await getRecord(scope, row.id) };
}
