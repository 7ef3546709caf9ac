import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DB } from './database.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));
/** Any constant works; it only has to be the same on every app server. */
const MIGRATION_LOCK_KEY = 7_301_955_142;

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the pending SQL files of migrations/ in name order, each in its own transaction.
 * An advisory lock held on one connection makes app servers that start together take turns:
 * the first applies, the others find nothing left to do.
 */
export async function migrate(db: DB, log: (message: string) => void = () => undefined): Promise<MigrationResult> {
  const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        name text primary key, applied_at timestamptz not null default now())`.execute(conn);
      const done = await sql<{ name: string }>`select name from schema_migrations`.execute(conn);
      const appliedBefore = new Set(done.rows.map((r) => r.name));
      const applied: string[] = [];
      for (const file of files) {
        if (appliedBefore.has(file)) continue;
        const text = await fs.readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
        await conn.transaction().execute(async (trx) => {
          await sql.raw(text).execute(trx);
          await sql`insert into schema_migrations (name) values (${file})`.execute(trx);
        });
        log(`migration ${file} applied`);
        applied.push(file);
      }
      return { applied };
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
