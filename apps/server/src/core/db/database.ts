import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DB = Kysely<Database>;

export interface DatabaseHandle {
  db: DB;
  kind: 'embedded' | 'postgres';
  /** Present in embedded mode, for maintenance, snapshots and notifications. */
  pglite?: PGlite;
  /** Present for PostgreSQL, for connections of their own (LISTEN). */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Embedded: where PGlite keeps its files; `memory://` for a throw-away database. */
  dataDir: string;
  poolSize?: number;
}

/** int8 (counts, identities) as JS numbers: they stay far below 2^53 here. */
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Every query using a GIN index reads its whole pending list (entries not yet merged into the
 * index): requests keep it small (migration 0012); imports raise it for their own transactions.
 */
const SESSION_GIN_PENDING_LIST = '256kB';

/**
 * PGlite's own settings, besides the pending lists'. It has no checkpointer: the checkpoints
 * that bound its write-ahead log happen in the backend, when the log passes max_wal_size, whose
 * default (1 GB) let the log of a 400 MB database reach 0.9 GB. ALTER SYSTEM settings apply from
 * the next start, so a data directory without them is configured once and opened again.
 */
const EMBEDDED_SETTINGS: Record<string, string> = {
  max_wal_size: '128MB',
  min_wal_size: '32MB',
  gin_pending_list_limit: SESSION_GIN_PENDING_LIST,
};

async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  const open = () => PGlite.create(dataDir, { extensions: { pg_trgm } });
  const pglite = await open();
  if (!dataDir) return pglite;
  let changed = false;
  for (const [name, value] of Object.entries(EMBEDDED_SETTINGS)) {
    const current = await pglite.query<{ value: string }>('select current_setting($1) as value', [name]);
    if (current.rows[0]?.value === value) continue;
    // ALTER SYSTEM takes no parameters; the names and values are the constants above.
    await pglite.query(`alter system set ${name} = '${value}'`);
    changed = true;
  }
  if (!changed) return pglite;
  await pglite.close();
  return open();
}

/**
 * Both databases are reached through Kysely's own PostgresDialect over a `pg.Pool`, so every
 * query takes the same code path. PGlite's pool has one connection, which also serialises
 * transactions: a second request can never write inside another request's transaction.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A client losing its server (a PostgreSQL restart) must not crash the process: the pool
    // hears an idle one's error, but a checked-out one (mid-transaction) emits its own with
    // nobody listening. Its query fails by itself (a 503) and the pool drops it on release.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      // Queued ahead of whatever the pool hands the client out for; a failure surfaces there.
      client.query(`set gin_pending_list_limit = '${SESSION_GIN_PENDING_LIST}'`).catch(() => undefined);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', url: options.databaseUrl, close: () => db.destroy() };
  }
  const dataDir = options.dataDir === 'memory://' ? undefined : path.join(options.dataDir, 'pglite');
  if (dataDir) await fs.mkdir(dataDir, { recursive: true });
  const pglite = await openPglite(dataDir);
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'embedded',
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
