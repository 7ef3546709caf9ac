import type { Config } from '../config.js';
import type { PrincipalRow } from './auth/authenticate.js';
import type { CredentialCache } from './auth/credential-cache.js';
import type { DatabaseHandle } from './db/database.js';
import type { ModuleRegistry } from './metadata/module-registry.js';

/** What request handlers and jobs share: passed explicitly, no container. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  registry: ModuleRegistry;
  credentials: CredentialCache<PrincipalRow>;
}
