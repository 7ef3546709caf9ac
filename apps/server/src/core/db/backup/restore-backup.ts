import { sql } from 'kysely';
import type { DB, DatabaseHandle } from '../database.js';
import { appTables, appliedMigrations } from './app-tables.js';
import type { BackupHeader } from './backup-format.js';
import { openBackup } from './read-backup.js';

/** Rows inserted per statement, and a bound on their size: stored import files can be large. */
const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

/** The one table migrations fill themselves (the default workspace): a fresh database has a row there. */
const SEEDED_BY_MIGRATIONS = 'workspaces';

export class RestoreRefused extends Error {}

async function tablesWithData(db: DB, tables: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    if (table === SEEDED_BY_MIGRATIONS) continue;
    const any = await sql`select 1 from ${sql.table(table)} limit 1`.execute(db);
    if (any.rows.length > 0) found.push(table);
  }
  return found;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The backup must describe exactly the tables and columns this version's migrations made. */
function checkSchema(header: BackupHeader, migrations: string[], tables: { name: string; columns: string[] }[]): void {
  if (!sameList(header.migrations, migrations)) {
    const missing = migrations.filter((m) => !header.migrations.includes(m));
    const unknown = header.migrations.filter((m) => !migrations.includes(m));
    throw new RestoreRefused(
      `the backup was taken at another database schema (${[
        missing.length ? `not in the backup: ${missing.join(', ')}` : '',
        unknown.length ? `unknown to this version: ${unknown.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')}); restore it with the Peyvand version that wrote it`,
    );
  }
  const here = new Map(tables.map((t) => [t.name, t.columns]));
  for (const table of header.tables) {
    const columns = here.get(table.name);
    if (!columns || !sameList([...columns].sort(), [...table.columns].sort())) {
      throw new RestoreRefused(`table ${table.name} of the backup does not match this database`);
    }
  }
}

/**
 * Replaces the whole content of the database with the backup in one transaction: either every
 * row is back, sequences included, or nothing changed. A database that already holds data is
 * only overwritten when `force` says so.
 */
export async function restoreBackup(
  handle: DatabaseHandle,
  file: string,
  options: { force: boolean },
): Promise<BackupHeader> {
  const backup = await openBackup(file);
  try {
    const { header } = backup;
    await handle.db.transaction().execute(async (trx) => {
      await sql`set local timezone = 'UTC'`.execute(trx);
      const tables = await appTables(trx);
      checkSchema(header, await appliedMigrations(trx), tables);
      const occupied = await tablesWithData(
        trx,
        tables.map((t) => t.name),
      );
      if (occupied.length > 0 && !options.force) {
        throw new RestoreRefused(
          `the database is not empty (${occupied.join(', ')} hold data); restore replaces everything in it — add --force to do so`,
        );
      }
      await sql`truncate table ${sql.join(tables.map((t) => sql.table(t.name)))} restart identity`.execute(trx);
      for (const table of header.tables) {
        const columns = sql.join(table.columns.map((c) => sql.id(c)));
        for await (const batch of backup.rows(table.rows, BATCH_ROWS, BATCH_BYTES)) {
          // jsonb_populate_recordset turns each JSON value back into its column's type on the server.
          await sql`insert into ${sql.table(table.name)} (${columns}) overriding system value
            select ${columns} from jsonb_populate_recordset(null::${sql.table(table.name)}, ${`[${batch.join(',')}]`}::jsonb)`.execute(
            trx,
          );
        }
      }
      for (const sequence of header.sequences) {
        if (sequence.lastValue === null) {
          await sql`alter sequence ${sql.id(sequence.name)} restart`.execute(trx);
        } else {
          await sql`select setval(quote_ident(${sequence.name})::regclass, ${sequence.lastValue}::bigint, true)`.execute(
            trx,
          );
        }
      }
    });
    return header;
  } finally {
    backup.close();
  }
}
