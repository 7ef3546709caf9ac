import type { SequenceState } from './app-tables.js';

/**
 * A Peyvand backup is a gzip'd text file of JSON lines, the same for PGlite and PostgreSQL:
 *
 * - line 1, the header: `{"format":"peyvand-backup","version":1,"createdAt":…,"engine":…,
 *   "migrations":[applied migration files],"sequences":[{name,lastValue}],
 *   "tables":[{"name","columns","rows"}]}`, tables in foreign-key order;
 * - then the rows of each table in the header's order, exactly `rows` lines per table, each line
 *   one row as PostgreSQL's `to_jsonb(row)` writes it (timestamps with their offset, bytea as
 *   `\x…` hex, jsonb as is). Values never pass through JavaScript numbers, so nothing is rounded.
 */
export const BACKUP_FORMAT = 'peyvand-backup';
export const BACKUP_VERSION = 1;

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  engine: 'embedded' | 'postgres';
  migrations: string[];
  sequences: SequenceState[];
  tables: BackupTable[];
}
