import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Set → PostgreSQL; unset → the embedded PGlite database under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Maximum pg pool size per app server. */
  databasePoolSize: number;
  /** Embedded mode: minutes between CHECKPOINT + VACUUM ANALYZE (PGlite runs neither by itself). */
  maintenanceIntervalMinutes: number;
  /** Embedded mode: hours between snapshots of the data directory; 0 turns them off. */
  snapshotIntervalHours: number;
  snapshotKeep: number;
  /** Session lifetime, renewed while used. */
  sessionTtlHours: number;
  /** Send cookies with `Secure` (behind HTTPS). */
  secureCookies: boolean;
  /** Take the client address from X-Forwarded-For: only behind a reverse proxy that sets it. */
  trustProxy: boolean;
  loginRateLimitPerMinute: number;
  bodyLimitBytes: number;
  logLevel: string;
}

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer('PORT', 3000, env),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    // npm runs workspace scripts inside the workspace; INIT_CWD is where the user typed `npm start`.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.PEYVAND_DATA_DIR || './data'),
    adminEmail: env.PEYVAND_ADMIN_EMAIL || undefined,
    adminPassword: env.PEYVAND_ADMIN_PASSWORD || undefined,
    databasePoolSize: integer('PEYVAND_DB_POOL_SIZE', 10, env),
    maintenanceIntervalMinutes: integer('PEYVAND_MAINTENANCE_INTERVAL_MINUTES', 10, env),
    snapshotIntervalHours: integer('PEYVAND_SNAPSHOT_INTERVAL_HOURS', 24, env),
    snapshotKeep: integer('PEYVAND_SNAPSHOT_KEEP', 7, env),
    sessionTtlHours: integer('PEYVAND_SESSION_TTL_HOURS', 12, env),
    secureCookies: env.PEYVAND_SECURE_COOKIES === 'true',
    trustProxy: env.PEYVAND_TRUST_PROXY === 'true',
    loginRateLimitPerMinute: integer('PEYVAND_LOGIN_RATE_LIMIT', 10, env),
    bodyLimitBytes: integer('PEYVAND_BODY_LIMIT_BYTES', 1_048_576, env),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
