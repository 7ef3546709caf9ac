import { sql } from 'kysely';
import type { DB } from '../../src/core/db/database.js';

/**
 * Tables a refused request may rightly change, or that background work changes on its own:
 * login attempts are counted even when refused, a token's last use is kept, sessions are renewed.
 */
const CHANGED_BY_ANY_REQUEST = new Set(['login_attempts', 'api_tokens', 'sessions']);

/**
 * A digest of everything the database holds (each table's rows, hashed), but for the tables
 * above: equal before and after a refused request means it wrote nothing, not even half.
 */
export async function databaseFingerprint(db: DB): Promise<string> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const digests = await Promise.all(
    tables.rows
      .filter((t) => !CHANGED_BY_ANY_REQUEST.has(t.name))
      .map(async ({ name }) => {
        const row = await sql<{ digest: string }>`
          select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest
          from ${sql.table(name)} t`.execute(db);
        return `${name}=${row.rows[0]!.digest}`;
      }),
  );
  return digests.join('\n');
}

/** Which tables differ between two fingerprints, for a readable failure. */
export function changedTables(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after
    .split('\n')
    .filter((line) => !old.has(line))
    .map((line) => line.split('=')[0]!);
}
