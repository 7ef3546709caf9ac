import type { FieldIssue } from '@peyvand/shared';
import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';

/** Row types of migrations/0006_imports.sql (and 0014 to 0016), kept beside the module that owns the tables. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'undoing' | 'undone';
export type ImportFormat = 'csv' | 'xlsx' | 'vcf';
export type OnDuplicate = 'skip' | 'update' | 'merge';
export type MatchOn = 'email' | 'mobile' | 'nationalCode' | 'name';

export interface ImportOptions {
  /** Source column header → field path (`firstName`, `phones.work`, `addresses.city`, `custom.region`). */
  mapping: Record<string, string>;
  onDuplicate: OnDuplicate;
  matchOn: MatchOn | null;
  /** xlsx: the sheet's name or 1-based position; the first sheet when absent. */
  sheet: string | null;
}

export interface ImportsTable {
  workspace_id: string;
  id: string;
  module: string;
  status: ColumnType<ImportStatus, ImportStatus | undefined, ImportStatus>;
  file_name: string;
  file_format: ImportFormat;
  file: Buffer;
  options: Json<ImportOptions>;
  columns: Json<string[]>;
  next_row: ColumnType<number, number | undefined, number>;
  imported: ColumnType<number, number | undefined, number>;
  updated: ColumnType<number, number | undefined, number>;
  skipped: ColumnType<number, number | undefined, number>;
  failed: ColumnType<number, number | undefined, number>;
  total_rows: number | null;
  undone: ColumnType<number, number | undefined, number>;
  /** Why it failed, technically (for operators; the status shows `error_code` instead). */
  error: string | null;
  /** Why it failed, as a message code (validation-messages) and that message's parameters. */
  error_code: string | null;
  error_params: Json<FieldIssue['params']> | null;
  /** Attempts ended by an error not about a row since the job last moved on. */
  failures: ColumnType<number, number | undefined, number>;
  lease_until: Date | null;
  lease_token: string | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
}

export type RowOutcome = 'created' | 'updated' | 'skipped' | 'failed';

/** Why a row failed: the source column (when one is to blame), the field and an error code. */
export interface RowReason {
  column: string | null;
  field: string;
  code: string;
  params?: Record<string, string | number | undefined>;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ImportRowsTable {
  import_id: string;
  row_number: number;
  outcome: RowOutcome;
  record_id: string | null;
  changes: Json<FieldChange[] | null>;
  cells: Json<string[] | null>;
  reasons: Json<RowReason[] | null>;
  undone: ColumnType<boolean, boolean | undefined, boolean>;
}

/** A record made because rows named it and it did not exist (an organization by its name). */
export interface ImportCreatedRecordsTable {
  import_id: string;
  record_id: string;
  module: string;
  undone: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ImportsDatabase extends Database {
  imports: ImportsTable;
  import_rows: ImportRowsTable;
  import_created_records: ImportCreatedRecordsTable;
}

export type ImportsDB = Kysely<ImportsDatabase>;
export type ImportsExecutor = ImportsDB | Transaction<ImportsDatabase>;

/** The shared database handle, seeing the import tables too. */
export const withImportTables = (db: Kysely<Database> | Transaction<Database>) =>
  db as unknown as Kysely<ImportsDatabase>;
