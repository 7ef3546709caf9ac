import type { Actor } from '../auth/principal.js';
import type { DB } from '../db/database.js';
import type { EffectiveModule, ModuleSet } from '../metadata/effective-module.js';

/** Everything a record operation needs: where, who, and which module as this workspace sees it. */
export interface RecordScope {
  db: DB;
  actor: Actor;
  module: EffectiveModule;
  modules: ModuleSet;
  /** The server's clock (`config.now`): hooks judge "the next occurrence" by it, tests move it. */
  now: () => Date;
}
