import type { Transaction } from 'kysely';
import type { Actor } from '../auth/principal.js';
import type { DB } from '../db/database.js';
import type { Database, HistoryChange } from '../db/schema.js';
import type { ApiRecord, RecordRow } from './record-serializer.js';

/** A create or update on its way to the database, as hooks see and may adjust it. */
export interface PendingWrite {
  isNew: boolean;
  id: string;
  /** The record's standard fields after the write: hooks may fill defaults or take values out. */
  data: Record<string, unknown>;
  /** Only the fields the request sent. */
  input: Record<string, unknown>;
  previous?: RecordRow;
  /** History entries for changes that are not stored in `data` (a new password, say). */
  extraChanges: HistoryChange[];
  /** Values a hook took out of `data` in beforeWrite, for its afterWrite. */
  stash: Record<string, unknown>;
}

/** What is truly special about a module, beside its declaration. */
export interface ModuleHooks {
  beforeWrite?(trx: Transaction<Database>, actor: Actor, write: PendingWrite): Promise<void>;
  afterWrite?(trx: Transaction<Database>, actor: Actor, write: PendingWrite): Promise<void>;
  beforeDelete?(trx: Transaction<Database>, actor: Actor, row: RecordRow): Promise<void>;
  /** Adds values computed from other records (a group's members) to records on their way out. */
  decorate?(db: DB, workspaceId: string, records: ApiRecord[]): Promise<void>;
}
