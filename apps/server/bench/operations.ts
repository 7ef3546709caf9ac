import type { FilterNode } from '@peyvand/shared';
import { sql } from 'kysely';
import { newId } from '../src/core/db/ids.js';
import { DEFAULT_WORKSPACE_ID } from '../src/core/auth/first-admin.js';
import type { Actor, Principal } from '../src/core/auth/principal.js';
import type { AppContext } from '../src/core/context.js';
import type { DB } from '../src/core/db/database.js';
import { apiRoutes } from '../src/core/http/app.js';
import type { ModuleSet } from '../src/core/metadata/effective-module.js';
import { encodeCursor } from '../src/core/records/cursor.js';
import { type RecordScope, createRecord, getRecord, listRecords } from '../src/core/records/records.service.js';
import { SALES_REGIONS } from '../src/demo/iran-geography.js';
import { contactInput } from '../src/demo/persian-data.js';
import { Random } from '../src/demo/random.js';
import type { DirectSql } from './bench-database.js';
import { warmUpCount } from './measure.js';
import { type CapturedQuery, captureFirst } from './query-capture.js';
import type { Sample } from './seed-contacts.js';
import { storedRecord } from './stored-record.js';
import { toStoredChanges } from '../src/core/records/stored-changes.js';

/** One measured operation: the API's code path without HTTP, and the same SQL straight through the driver. */
export interface Operation {
  name: string;
  /** The p95 the issue sets for PostgreSQL at 100k contacts, if any. */
  targetP95Ms?: number;
  api(i: number): Promise<unknown>;
  sql(i: number): Promise<unknown>;
  /** A representative query, for EXPLAIN ANALYZE. */
  explain?: CapturedQuery;
}

export interface OperationEnv {
  ctx: AppContext;
  modules: ModuleSet;
  actor: Actor;
  direct: DirectSql;
  sample: Sample;
  contactCount: number;
  iterations: number;
}

const PAGE = 50;

/** A list or search answer with at least one record: the measured query has something to return. */
const found = (result: unknown) => {
  const data = (result as { data?: unknown[] }).data;
  return data === undefined || data.length > 0;
};

/**
 * An operation that runs the service function `run` on the real database for the API side, and
 * the query it sends (captured once per variant) through the driver for the SQL side. Each
 * variant is checked first to find something, so no case measures an empty answer.
 */
async function serviceOperation<T>(
  env: OperationEnv,
  name: string,
  targetP95Ms: number,
  variants: T[],
  run: (db: DB, variant: T) => Promise<unknown>,
): Promise<Operation> {
  if (variants.length === 0) throw new Error(`${name}: nothing to ask for`);
  for (const variant of variants.slice(0, 20)) {
    if (!found(await run(env.ctx.database.db, variant)))
      throw new Error(`${name}: nothing found for ${String(variant)}`);
  }
  const queries = await Promise.all(variants.map((v) => captureFirst((db) => run(db, v))));
  const at = <U>(list: U[], i: number) => list[i % list.length]!;
  return {
    name,
    targetP95Ms,
    api: (i) => run(env.ctx.database.db, at(variants, i)),
    sql: (i) => {
      const q = at(queries, i);
      return env.direct.query(q.sql, q.parameters);
    },
    explain: queries[0],
  };
}

/** Cursors of pages deep in the default order (newest first), as a client paging that far holds. */
async function deepCursors(env: OperationEnv): Promise<string[]> {
  const cursors: string[] = [];
  for (const share of [0.3, 0.5, 0.7, 0.9]) {
    const row = await sql<{ k0: unknown; id: string }>`
      select to_jsonb(created_at) as k0, id from records
      where workspace_id = ${DEFAULT_WORKSPACE_ID} and module = 'contacts' and deleted_at is null
      order by created_at desc, id desc offset ${Math.floor(env.contactCount * share)} limit 1`.execute(
      env.ctx.database.db,
    );
    const last = row.rows[0]!;
    cursors.push(encodeCursor({ sort: '-createdAt', keys: [last.k0], id: last.id }));
  }
  return cursors;
}

const searchRoute = apiRoutes.find((r) => r.url === '/api/v1/search' && r.method === 'GET')!;

/** The global search as GET /api/v1/search runs it (its logic lives in the route's handler). */
function search(env: OperationEnv, db: DB, q: string): Promise<unknown> {
  if (searchRoute.access === 'public') throw new Error('search is not public');
  const principal: Principal = {
    workspaceId: env.actor.workspaceId,
    userId: env.actor.userId!,
    role: env.actor.role,
    language: 'fa',
    metadataVersion: 0,
    via: 'token',
  };
  return searchRoute.handler({
    ctx: { ...env.ctx, database: { ...env.ctx.database, db } },
    req: undefined as never,
    reply: undefined as never,
    params: undefined,
    query: searchRoute.query!.parse({ q }),
    body: undefined,
    principal,
    actor: env.actor,
    auth: { principal },
    modules: env.modules,
  });
}

/**
 * Creating a contact: the API side parses the body with the create schema and calls
 * createRecord; the SQL side runs the statements it sends (reference checks of organization
 * and owner, number, row, history) in one transaction, with every value computed beforehand.
 */
function createOperation(env: OperationEnv): Operation {
  const module = env.modules.get('contacts')!;
  const schema = module.schemas.create;
  const rng = new Random('bench-create');
  const count = env.iterations + warmUpCount(env.iterations);
  const inputs = Array.from({ length: count * 2 }, () => {
    const organizationId = rng.chance(0.65) ? rng.pick(env.sample.organizationIds) : undefined;
    const generated = contactInput(rng, { ownerId: env.actor.userId! });
    return {
      ...generated.input,
      ...(organizationId ? { organizationId } : {}),
      custom: { region: generated.city.province.region },
    };
  });
  const scope: RecordScope = {
    db: env.ctx.database.db,
    actor: env.actor,
    module,
    modules: env.modules,
    now: env.ctx.config.now,
  };
  const rows = inputs.slice(count).map((input) => ({ id: newId(), ...storedRecord(module, schema.parse(input)) }));
  const ws = env.actor.workspaceId;
  return {
    name: 'create a contact',
    api: (i) => createRecord(scope, schema.parse(inputs[i % count]!)),
    sql: (i) => {
      const row = rows[i % count]!;
      const now = new Date();
      return env.direct.transaction(async (query) => {
        // The reference checks: the organization, if any, and the owner.
        const live = `select id from records where workspace_id = $1 and module = $2 and id in ($3) and deleted_at is null`;
        if (row.data.organizationId) await query(live, [ws, 'organizations', row.data.organizationId]);
        await query(live, [ws, 'users', row.ownerId]);
        const [counter] = (await query(
          `insert into record_counters (workspace_id, module, last_value) values ($1, $2, $3)
           on conflict (workspace_id, module) do update set last_value = record_counters.last_value + $4
           returning last_value`,
          [ws, 'contacts', 1001, 1],
        )) as { last_value: number | string }[];
        await query(
          `insert into records (workspace_id, id, module, number, owner_id, owner_group_id, data, custom, search_text,
                                created_by, created_at, version, updated_at, updated_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning *`,
          [
            ws,
            row.id,
            'contacts',
            `CON-${counter!.last_value}`,
            row.ownerId,
            null,
            JSON.stringify(row.data),
            JSON.stringify(row.custom),
            row.searchText,
            env.actor.userId,
            now,
            1,
            now,
            env.actor.userId,
          ],
        );
        await query(
          `insert into record_history (workspace_id, record_id, module, version, action, changes, changed_by, changed_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            ws,
            row.id,
            'contacts',
            1,
            'created',
            JSON.stringify(toStoredChanges('created', row.changes)),
            env.actor.userId,
            now,
          ],
        );
      });
    },
  };
}

export async function buildOperations(env: OperationEnv): Promise<Operation[]> {
  const module = env.modules.get('contacts')!;
  const scope = (db: DB): RecordScope => ({
    db,
    actor: env.actor,
    module,
    modules: env.modules,
    now: env.ctx.config.now,
  });
  const regionFilter = (region: string): FilterNode => ({ field: 'custom.region', op: 'eq', value: region });
  return [
    await serviceOperation(env, 'get a contact by id', 5, env.sample.contactIds, (db, id) => getRecord(scope(db), id)),
    await serviceOperation(env, `list: first page (${PAGE})`, 20, [undefined], (db) =>
      listRecords(scope(db), { limit: PAGE }),
    ),
    await serviceOperation(env, `list: deep cursor page (${PAGE})`, 20, await deepCursors(env), (db, cursor) =>
      listRecords(scope(db), { limit: PAGE, cursor }),
    ),
    await serviceOperation(env, `list sorted by last name (${PAGE})`, 20, ['lastName', '-lastName'], (db, sort) =>
      listRecords(scope(db), { limit: PAGE, sort }),
    ),
    await serviceOperation(
      env,
      'filtered list: custom.region eq',
      20,
      SALES_REGIONS.map((r) => r.value),
      (db, region) => listRecords(scope(db), { limit: PAGE, filter: regionFilter(region) }),
    ),
    await serviceOperation(env, 'search: name with Arabic ي/ك', 50, env.sample.arabicNames, (db, q) =>
      search(env, db, q),
    ),
    await serviceOperation(env, 'search: phone number', 50, env.sample.phones, (db, q) => search(env, db, q)),
    createOperation(env),
  ];
}
