import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { DEFAULT_WORKSPACE_ID } from '../src/core/auth/first-admin.js';
import type { Actor } from '../src/core/auth/principal.js';
import { createApiToken } from '../src/core/auth/tokens.repository.js';
import type { AppContext } from '../src/core/context.js';
import { buildApp } from '../src/core/http/app.js';
import { scopeOf } from '../src/core/records/records.routes.js';
import { createRecord } from '../src/core/records/records.service.js';
import { runGenerator } from './http-bench.js';
import type { MixedLoadJob, MixedLoadResult } from './mixed-load.js';
import type { Sample } from './seed-contacts.js';

const MIXED_LOAD_SCRIPT = fileURLToPath(new URL('./mixed-load.ts', import.meta.url));

export interface LoadScenarioResult {
  users: number;
  seconds: number;
  mixed: MixedLoadResult;
  /** A bare Fastify route answering a constant, under the same connections. */
  ceiling: MixedLoadResult;
}

/**
 * `count` sales users, each with an API token of their own, made the way the API makes them.
 * They are administrators so every contact is theirs to read and change: the load measures the
 * engine, not which records a role happens to reach.
 */
export async function createLoadUsers(ctx: AppContext, count: number): Promise<string[]> {
  const system: Actor = { workspaceId: DEFAULT_WORKSPACE_ID, userId: null, role: 'admin' };
  const modules = await ctx.registry.currentModules(DEFAULT_WORKSPACE_ID);
  const tokens: string[] = [];
  for (let i = 1; i <= count; i++) {
    const user = await createRecord(
      scopeOf(ctx, system, modules, 'users'),
      modules.get('users')!.schemas.create.parse({
        email: `load-user-${i}@peyvand.test`,
        password: 'Load-password-1404',
        firstName: 'کاربر',
        lastName: `بار ${i}`,
        role: 'admin',
        active: true,
      }),
    );
    tokens.push((await createApiToken(ctx.database.db, DEFAULT_WORKSPACE_ID, user.id, 'load')).token);
  }
  return tokens;
}

/** The mix of mixed-load.ts against the whole server, then a constant route as the ceiling. */
export async function runLoadScenario(
  ctx: AppContext,
  tokens: string[],
  sample: Sample,
  options: { seconds: number; warmUpSeconds: number },
): Promise<LoadScenarioResult> {
  const app = await buildApp(ctx);
  const bare = Fastify({ logger: false });
  bare.get('/constant', async () => ({ ok: true }));
  try {
    const job: Omit<MixedLoadJob, 'origin'> = {
      tokens,
      contactIds: sample.contactIds,
      searchTerms: [...sample.arabicNames, ...sample.phones],
      ...options,
    };
    const mixed = await runGenerator<MixedLoadJob, MixedLoadResult>(MIXED_LOAD_SCRIPT, {
      ...job,
      origin: await app.listen({ port: 0, host: '127.0.0.1' }),
    });
    const ceiling = await runGenerator<MixedLoadJob, MixedLoadResult>(MIXED_LOAD_SCRIPT, {
      ...job,
      origin: await bare.listen({ port: 0, host: '127.0.0.1' }),
      constantPath: '/constant',
    });
    return { users: tokens.length, seconds: options.seconds, mixed, ceiling };
  } finally {
    await app.close();
    await bare.close();
  }
}
