import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { CredentialCache } from './core/auth/credential-cache.js';
import { createFirstAdmin, hasUsers } from './core/auth/first-admin.js';
import type { AppContext } from './core/context.js';
import { openDatabase } from './core/db/database.js';
import { startEmbeddedMaintenance } from './core/db/embedded-maintenance.js';
import { migrate } from './core/db/migrate.js';
import { buildApp } from './core/http/app.js';
import { startHousekeeping } from './core/jobs/housekeeping.js';
import { ModuleRegistry } from './core/metadata/module-registry.js';
import { startReminderPoller } from './modules/notifications/reminder-poller.js';
import { startImportWorker } from './modules/imports/import-worker.js';

/** Opens the database and applies pending migrations: what every command starts with. */
export async function openContext(
  config: Config,
  log: (message: string) => void = () => undefined,
): Promise<AppContext> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  try {
    await migrate(database.db, log);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database, registry: new ModuleRegistry(database.db), credentials: new CredentialCache() };
}

/** On an empty database, the administrator named by PEYVAND_ADMIN_EMAIL/PASSWORD is created. */
async function ensureFirstAdmin(ctx: AppContext, log: (message: string) => void): Promise<void> {
  const { adminEmail, adminPassword } = ctx.config;
  if (!adminEmail || !adminPassword || (await hasUsers(ctx.database.db))) return;
  const created = await createFirstAdmin(ctx, {
    email: adminEmail,
    password: adminPassword,
    firstName: 'مدیر',
    lastName: 'سیستم',
  });
  if (created) log(`administrator ${adminEmail} created`);
}

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  /** Fires due reminders and sends due e-mail now, as the poller does on its interval (tests, after moving the clock). */
  runJobs(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const ctx = await openContext(config);
  const app = await buildApp(ctx);
  const log = (message: string) => app.log.info(message);
  await ensureFirstAdmin(ctx, log);
  const reminders = startReminderPoller(ctx, app.log);
  const stopJobs: (() => void | Promise<void>)[] = [
    startHousekeeping(ctx.database.db, (error) => app.log.error({ err: error }, 'housekeeping failed')),
    reminders.stop,
    startImportWorker(ctx, app.log).stop,
  ];
  if (ctx.database.kind === 'embedded') {
    stopJobs.push(
      startEmbeddedMaintenance(ctx.database, {
        dataDir: config.dataDir,
        maintenanceIntervalMinutes: config.maintenanceIntervalMinutes,
        snapshotIntervalHours: config.snapshotIntervalHours,
        snapshotKeep: config.snapshotKeep,
        log: app.log,
      }),
    );
  }
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Peyvand on ${address} (${ctx.database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
  );
  let stopping: Promise<void> | undefined;
  return {
    app,
    ctx,
    url: address.replace('0.0.0.0', '127.0.0.1'),
    runJobs: reminders.runNow,
    stop: () =>
      (stopping ??= (async () => {
        await Promise.all(stopJobs.map((stop) => stop()));
        await app.close();
        await ctx.database.close();
      })()),
  };
}
