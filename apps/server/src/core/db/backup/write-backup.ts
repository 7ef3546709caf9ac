import fs from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type Transaction, sql } from 'kysely';
import type { DatabaseHandle } from '../database.js';
import type { Database } from '../schema.js';
import { appTables, appliedMigrations, sequenceStates } from './app-tables.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupTable } from './backup-format.js';

/** Rows fetched from the cursor at a time: memory stays flat however big a table is. */
const FETCH_SIZE = 1000;

async function* backupLines(trx: Transaction<Database>, header: BackupHeader): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of header.tables) {
    await sql`declare backup_rows no scroll cursor for
      select to_jsonb(t)::text as row from ${sql.table(table.name)} t`.execute(trx);
    let written = 0;
    for (;;) {
      const batch = await sql<{ row: string }>`fetch forward ${sql.lit(FETCH_SIZE)} from backup_rows`.execute(trx);
      if (batch.rows.length === 0) break;
      written += batch.rows.length;
      yield batch.rows.map((r) => `${r.row}\n`).join('');
    }
    await sql`close backup_rows`.execute(trx);
    if (written !== table.rows) throw new Error(`${table.name}: counted ${table.rows} rows but read ${written}`);
  }
}

/**
 * Writes every table of the application to `file`, all read in one REPEATABLE READ transaction
 * so the backup is one consistent moment of the database while the server keeps running. The
 * file appears under its name only once complete.
 */
export async function writeBackup(handle: DatabaseHandle, file: string): Promise<BackupHeader> {
  const partial = `${file}.partial`;
  const header = await handle.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`set local timezone = 'UTC'`.execute(trx);
      const tables: BackupTable[] = [];
      for (const table of await appTables(trx)) {
        const count = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)}`.execute(trx);
        tables.push({ ...table, rows: count.rows[0]!.n });
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        engine: handle.kind,
        migrations: await appliedMigrations(trx),
        sequences: await sequenceStates(trx),
        tables,
      };
      await pipeline(Readable.from(backupLines(trx, header)), createGzip(), fs.createWriteStream(partial));
      return header;
    })
    .catch(async (error: unknown) => {
      await rm(partial, { force: true });
      throw error;
    });
  await rename(partial, file);
  return header;
}
