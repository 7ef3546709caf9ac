import type { Transaction } from 'kysely';
import type { Actor } from '../auth/principal.js';
import type { DB } from '../db/database.js';
import type { Database, HistoryChange } from '../db/schema.js';
import type { EffectiveModule } from '../metadata/effective-module.js';
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
  /** When the write happens by the server's clock (`config.now`), for rules judged against the present. */
  at: Date;
  /** The module as this workspace sees it: its admin-edited picklists (a sales stage's probability). */
  module: EffectiveModule;
}

export interface RecordOwner {
  userId: string | null;
  groupId: string | null;
}

/** What a lead became; null for what the conversion did not create or link. */
export interface LeadConversion {
  leadId: string;
  organizationId: string | null;
  contactId: string | null;
  opportunityId: string | null;
}

/** What is truly special about a module, beside its declaration. */
export interface ModuleHooks {
  beforeWrite?(trx: Transaction<Database>, actor: Actor, write: PendingWrite): Promise<void>;
  afterWrite?(trx: Transaction<Database>, actor: Actor, write: PendingWrite): Promise<void>;
  beforeDelete?(trx: Transaction<Database>, actor: Actor, row: RecordRow): Promise<void>;
  /** On the way back from the recycle bin, before anything changes: refuses who may not (a note's non-author). */
  beforeRestore?(trx: Transaction<Database>, actor: Actor, row: RecordRow): Promise<void>;
  /** Back from the recycle bin: undoes what beforeDelete did. `at` as in PendingWrite. */
  afterRestore?(trx: Transaction<Database>, actor: Actor, row: RecordRow, at: Date): Promise<void>;
  /** Adds values computed from other records (a group's members) to records on their way out. */
  decorate?(db: DB, workspaceId: string, records: ApiRecord[]): Promise<void>;
  /**
   * The owner of a new record created without one; undefined leaves it to its creator. Runs in
   * the create's transaction, so a turn taken here (lead round-robin) is given back on rollback.
   */
  assignNewRecord?(trx: Transaction<Database>, actor: Actor): Promise<RecordOwner | undefined>;
  /**
   * A lead was converted, in the conversion's transaction. Records of this module that hang on
   * the lead (its notes and activities, issue 5) are to follow it to what it became here.
   */
  afterLeadConversion?(trx: Transaction<Database>, actor: Actor, conversion: LeadConversion): Promise<void>;
}
