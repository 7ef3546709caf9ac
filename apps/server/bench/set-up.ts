import { DEFAULT_WORKSPACE_ID } from '../src/core/auth/first-admin.js';
import type { Actor } from '../src/core/auth/principal.js';
import { createApiToken } from '../src/core/auth/tokens.repository.js';
import type { AppContext } from '../src/core/context.js';
import type { ModuleSet } from '../src/core/metadata/effective-module.js';
import { createCustomField } from '../src/core/metadata/metadata.service.js';
import { scopeOf } from '../src/core/records/records.routes.js';
import { createRecord } from '../src/core/records/records.service.js';
import { SALES_REGIONS } from '../src/demo/iran-geography.js';

export interface Workspace {
  /** The administrator the measured operations act as. */
  actor: Actor;
  /** A Bearer token of that administrator. */
  token: string;
  /** Who the generated records belong to: the administrator and two sales experts. */
  ownerIds: string[];
  /** The modules with the `region` custom field on contacts. */
  modules: ModuleSet;
}

/** Users, an API token and the `region` custom field, all made the way the API makes them. */
export async function setUpWorkspace(ctx: AppContext): Promise<Workspace> {
  const system: Actor = { workspaceId: DEFAULT_WORKSPACE_ID, userId: null, role: 'admin' };
  const initial = await ctx.registry.currentModules(DEFAULT_WORKSPACE_ID);
  const createUser = (email: string, firstName: string, lastName: string, role: 'admin' | 'user') =>
    createRecord(
      scopeOf(ctx, system, initial, 'users'),
      initial.get('users')!.schemas.create.parse({
        email,
        password: 'Bench-password-1404',
        firstName,
        lastName,
        role,
        active: true,
      }),
    );
  const admin = await createUser('bench-admin@peyvand.test', 'مدیر', 'سنجش', 'admin');
  const sales = [
    await createUser('sara.ahmadi@peyvand.test', 'سارا', 'احمدی', 'user'),
    await createUser('reza.karimi@peyvand.test', 'رضا', 'کریمی', 'user'),
  ];
  const actor: Actor = { workspaceId: DEFAULT_WORKSPACE_ID, userId: admin.id, role: 'admin' };
  const { token } = await createApiToken(ctx.database.db, DEFAULT_WORKSPACE_ID, admin.id, 'bench');
  await createCustomField(ctx.database.db, actor, initial.get('contacts')!, {
    name: 'region',
    type: 'picklist',
    label: { fa: 'منطقه فروش', en: 'Sales region' },
    options: SALES_REGIONS.map((r) => ({ value: r.value, label: { fa: r.fa, en: r.en } })),
  });
  const modules = await ctx.registry.currentModules(DEFAULT_WORKSPACE_ID);
  return { actor, token, ownerIds: [admin.id, ...sales.map((s) => s.id)], modules };
}
