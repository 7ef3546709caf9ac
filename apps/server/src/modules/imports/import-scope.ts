import type { Actor } from '../../core/auth/principal.js';
import type { AppContext } from '../../core/context.js';
import type { RecordScope } from '../../core/records/record-scope.js';

/**
 * A background job acts as the user who started the import, with the role they have now: an
 * import started by someone since made a plain user cannot keep writing as an admin.
 */
export async function jobScope(
  ctx: AppContext,
  job: { workspace_id: string; module: string; created_by: string | null },
): Promise<RecordScope> {
  const modules = await ctx.registry.currentModules(job.workspace_id);
  const module = modules.get(job.module);
  if (!module) throw new Error(`module ${job.module} is not known`);
  let role: Actor['role'] = 'admin';
  if (job.created_by) {
    const user = await ctx.database.db
      .selectFrom('records')
      .select('data')
      .where('workspace_id', '=', job.workspace_id)
      .where('id', '=', job.created_by)
      .executeTakeFirst();
    role = user?.data.role === 'admin' ? 'admin' : 'user';
  }
  return {
    db: ctx.database.db,
    actor: { workspaceId: job.workspace_id, userId: job.created_by, role },
    module,
    modules,
    now: ctx.config.now,
  };
}
