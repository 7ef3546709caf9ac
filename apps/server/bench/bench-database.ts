import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/core/context.js';
import { openContext } from '../src/server.js';
import { createScratchDatabase } from '../test/support/scratch-database.js';
import type { DatabaseKind } from './options.js';

/** A query run straight through the driver, with no Kysely, service or serialisation: the ceiling. */
export type DirectQuery = (text: string, params?: readonly unknown[]) => Promise<unknown[]>;

export interface DirectSql {
  query: DirectQuery;
  /** The statements of `work` in one transaction on one connection. */
  transaction(work: (query: DirectQuery) => Promise<void>): Promise<void>;
}

export interface BenchDatabase {
  kind: DatabaseKind;
  /** e.g. "PostgreSQL 15.20" or "PGlite 0.5.16 (PostgreSQL 17.5)". */
  label: string;
  ctx: AppContext;
  direct: DirectSql;
  /** PGlite only: where its files are, to measure their size. */
  dataDir?: string;
  close(): Promise<void>;
}

const PG_POOL_SIZE = 10;

function benchConfig(overrides: { databaseUrl?: string; dataDir: string }) {
  return {
    ...loadConfig({}),
    databaseUrl: overrides.databaseUrl,
    dataDir: overrides.dataDir,
    databasePoolSize: PG_POOL_SIZE,
    maintenanceIntervalMinutes: 0,
    snapshotIntervalHours: 0,
    logLevel: 'error',
  };
}

async function serverVersion(ctx: AppContext): Promise<string> {
  const row = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(ctx.database.db);
  return row.rows[0]!.v.split(' ')[0]!;
}

async function openPglite(): Promise<BenchDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'peyvand-bench-'));
  const ctx = await openContext(benchConfig({ dataDir }));
  const pglite = ctx.database.pglite!;
  // The package exports no package.json; it sits one level above the resolved dist/ entry.
  const manifest = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'));
  const { version } = JSON.parse(await fs.readFile(manifest, 'utf8')) as { version: string };
  const query: DirectQuery = async (text, params = []) => (await pglite.query(text, [...params])).rows;
  return {
    kind: 'pglite',
    label: `PGlite ${version} (PostgreSQL ${await serverVersion(ctx)})`,
    ctx,
    dataDir: path.join(dataDir, 'pglite'),
    direct: {
      query,
      transaction: (work) =>
        pglite.transaction(async (tx) => {
          await work(async (text, params = []) => (await tx.query(text, [...params])).rows);
        }),
    },
    close: async () => {
      await ctx.database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  const { url, drop } = await createScratchDatabase(serverUrl, 'peyvand_bench');
  let ctx: AppContext;
  try {
    ctx = await openContext(benchConfig({ databaseUrl: url, dataDir: os.tmpdir() }));
  } catch (error) {
    await drop();
    throw error;
  }
  const pool = new pg.Pool({ connectionString: url, max: PG_POOL_SIZE });
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    label: `PostgreSQL ${await serverVersion(ctx)}`,
    ctx,
    direct: {
      query: async (text, params = []) => (await pool.query(text, [...params])).rows,
      transaction: async (work) => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          await work(async (text, params = []) => (await client.query(text, [...params])).rows);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw error;
        } finally {
          client.release();
        }
      },
    },
    close: async () => {
      await pool.end();
      await ctx.database.close();
      await drop();
    },
  };
}

export function openBenchDatabase(kind: DatabaseKind, postgresUrl: string): Promise<BenchDatabase> {
  return kind === 'pglite' ? openPglite() : openPostgres(postgresUrl);
}

/** Bytes under `dir`, every file counted. */
export async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
