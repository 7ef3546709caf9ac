import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { CompiledQuery } from 'kysely';
import type { FastifyRequest } from 'fastify';
import { authenticate } from '../src/core/auth/authenticate.js';
import { DEFAULT_WORKSPACE_ID } from '../src/core/auth/first-admin.js';
import type { AppContext } from '../src/core/context.js';
import { buildApp } from '../src/core/http/app.js';
import type { LoadJob, LoadResult } from './load.js';
import { captureFirst } from './query-capture.js';

export interface HttpResult {
  full: LoadResult;
  bare: LoadResult;
  /** full ÷ bare requests per second. */
  ratio: number;
  /** Diagnostic: the bare route sending the server's token lookup before its SELECT. */
  bareWithAuth: LoadResult;
  connections: number;
  seconds: number;
}

const CONNECTIONS = 10;
const LOAD_SCRIPT = fileURLToPath(new URL('./load.ts', import.meta.url));

/** Runs a load generator script in a process of its own: the job as JSON on stdin, the result on stdout. */
export function runGenerator<Job, Result>(script: string, job: Job): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
      else resolve(JSON.parse(out) as Result);
    });
    child.stdin.end(JSON.stringify(job));
  });
}

const runLoad = (job: LoadJob) => runGenerator<LoadJob, LoadResult>(LOAD_SCRIPT, job);

const SELECT_BY_ID =
  'select * from "records" where "workspace_id" = $1 and "module" = $2 and "id" = $3 and "deleted_at" is null';

/**
 * GET /api/v1/contacts/{id} through the whole server (Bearer token, permissions, metadata,
 * serialisation) against a bare Fastify route running the same SELECT on the same pool; then,
 * to tell the cost of authentication from the rest, that bare route also sending the query
 * the server looks the token up with.
 */
export async function httpBenchmark(
  ctx: AppContext,
  token: string,
  ids: string[],
  seconds: number,
): Promise<HttpResult> {
  const app = await buildApp(ctx);
  const headers = { authorization: `Bearer ${token}` };
  const tokenLookup = await captureFirst((db) =>
    authenticate({ ...ctx, database: { ...ctx.database, db } }, { headers, cookies: {} } as unknown as FastifyRequest),
  );
  const selectById = (id: string) =>
    ctx.database.db.executeQuery(CompiledQuery.raw(SELECT_BY_ID, [DEFAULT_WORKSPACE_ID, 'contacts', id]));
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { id: string } }>('/contacts/:id', async (req, reply) => {
    const result = await selectById(req.params.id);
    return result.rows[0] ?? reply.code(404).send();
  });
  bare.get<{ Params: { id: string } }>('/with-token-lookup/contacts/:id', async (req, reply) => {
    const principal = await ctx.database.db.executeQuery(
      CompiledQuery.raw(tokenLookup.sql, [...tokenLookup.parameters]),
    );
    if (principal.rows.length !== 1) return reply.code(401).send();
    const result = await selectById(req.params.id);
    return result.rows[0] ?? reply.code(404).send();
  });
  try {
    const fullOrigin = await app.listen({ port: 0, host: '127.0.0.1' });
    const bareOrigin = await bare.listen({ port: 0, host: '127.0.0.1' });
    for (const [origin, path, h] of [
      [fullOrigin, `/api/v1/contacts/${ids[0]}`, headers],
      [bareOrigin, `/contacts/${ids[0]}`, {}],
      [bareOrigin, `/with-token-lookup/contacts/${ids[0]}`, {}],
    ] as const) {
      const response = await fetch(`${origin}${path}`, { headers: h });
      if (response.status !== 200) throw new Error(`${origin}${path} answered ${response.status}`);
    }
    const job = { connections: CONNECTIONS, seconds, warmUpSeconds: 2 };
    const full = await runLoad({
      ...job,
      origin: fullOrigin,
      headers,
      paths: ids.map((id) => `/api/v1/contacts/${id}`),
    });
    const bareResult = await runLoad({
      ...job,
      origin: bareOrigin,
      headers: {},
      paths: ids.map((id) => `/contacts/${id}`),
    });
    const bareWithAuth = await runLoad({
      ...job,
      origin: bareOrigin,
      headers: {},
      paths: ids.map((id) => `/with-token-lookup/contacts/${id}`),
    });
    return {
      full,
      bare: bareResult,
      bareWithAuth,
      ratio: full.requestsPerSecond / bareResult.requestsPerSecond,
      connections: CONNECTIONS,
      seconds,
    };
  } finally {
    await app.close();
    await bare.close();
  }
}
