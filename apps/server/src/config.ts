import path from 'node:path';
import { DEFAULT_WEB_DIST } from './web/web-paths.js';

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
  /** Largest file an import accepts (PEYVAND_IMPORT_MAX_BYTES); larger is a 413. */
  importMaxBytes: number;
  logLevel: string;
  /** The built web app (index.html and assets/) served at `/`. */
  webDistDir: string;
  /** The time reminders fire by; tests pass a clock they move. */
  now: () => Date;
  /** How often each server looks for due reminders and unsent e-mail. */
  jobPollIntervalMs: number;
  /** SMTP server for reminder e-mail (smtp://user:pass@host:587, smtps://…); unset → no e-mail. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where users reach the web app, for links in e-mail. */
  publicUrl: string;
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
    // `memory://` keeps the embedded database in memory: a throw-away instance for a demo or a test.
    dataDir:
      env.PEYVAND_DATA_DIR === 'memory://'
        ? 'memory://'
        : path.resolve(env.INIT_CWD ?? process.cwd(), env.PEYVAND_DATA_DIR || './data'),
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
    importMaxBytes: integer('PEYVAND_IMPORT_MAX_BYTES', 52_428_800, env),
    logLevel: env.LOG_LEVEL || 'info',
    webDistDir: env.PEYVAND_WEB_DIST
      ? path.resolve(env.INIT_CWD ?? process.cwd(), env.PEYVAND_WEB_DIST)
      : DEFAULT_WEB_DIST,
    now: () => new Date(),
    jobPollIntervalMs: integer('PEYVAND_JOB_POLL_SECONDS', 5, env) * 1000,
    smtpUrl: env.PEYVAND_SMTP_URL || undefined,
    mailFrom: env.PEYVAND_MAIL_FROM || 'Peyvand <no-reply@localhost>',
    publicUrl: (env.PEYVAND_PUBLIC_URL || `http://localhost:${integer('PORT', 3000, env)}`).replace(/\/+$/, ''),
  };
}
