import { emailAddressSchema, safeString } from '@peyvand/shared';
import { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from './config.js';
import { DEFAULT_WORKSPACE_ID } from './core/auth/first-admin.js';
import { createApiToken } from './core/auth/tokens.repository.js';
import type { AppContext } from './core/context.js';
import type { BackupHeader } from './core/db/backup/backup-format.js';
import { restoreBackup } from './core/db/backup/restore-backup.js';
import { writeBackup } from './core/db/backup/write-backup.js';
import { takeSnapshot } from './core/db/embedded-maintenance.js';
import { ProblemError, renderProblem } from './core/http/problem.js';
import { scopeOf } from './core/records/records.routes.js';
import { createRecord } from './core/records/records.service.js';
import { DEMO_DEFAULTS, type DemoOptions, loadDemo, parseCount } from './demo/demo-loader.js';
import { findLogin } from './modules/users/user-credentials.repository.js';
import { importFromCli } from './modules/imports/import-cli.js';
import { openContext, startServer } from './server.js';
import { buildWebAppIfStale } from './web/web-build.js';

const program = new Command('peyvand').description('Peyvand (پیوند) — CRM for Persian-speaking businesses');

/** Runs a command against the configured database, closing it afterwards. */
async function withContext(task: (ctx: AppContext) => Promise<void>): Promise<void> {
  const ctx = await openContext(loadConfig(), (message) => console.error(message));
  try {
    await task(ctx);
  } finally {
    await ctx.database.close();
  }
}

const systemActor = { workspaceId: DEFAULT_WORKSPACE_ID, userId: null, role: 'admin' as const };

program
  .command('start')
  .description('start the server (PORT, HOST, DATABASE_URL, PEYVAND_DATA_DIR…)')
  .action(async () => {
    const config = loadConfig();
    await buildWebAppIfStale(config.webDistDir, (message) => console.error(message));
    const server = await startServer(config);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        server.app.log.info(`${signal}: stopping`);
        void server.stop().then(() => process.exit(0));
      });
    }
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(() => withContext(async () => console.error('database is up to date')));

program
  .command('create-user')
  .description('create a user who can log in')
  .requiredOption('--email <email>')
  .requiredOption('--password <password>')
  .requiredOption('--first-name <name>')
  .requiredOption('--last-name <name>')
  .option('--admin', 'give the user the administrator role', false)
  .action((options: { email: string; password: string; firstName: string; lastName: string; admin: boolean }) =>
    withContext(async (ctx) => {
      const modules = await ctx.registry.currentModules(DEFAULT_WORKSPACE_ID);
      const schema = modules.get('users')!.schemas.create;
      const body = schema.parse({
        email: options.email,
        password: options.password,
        firstName: options.firstName,
        lastName: options.lastName,
        role: options.admin ? 'admin' : 'user',
        active: true,
      });
      const user = await createRecord(scopeOf(ctx, systemActor, modules, 'users'), body);
      console.log(`${user.number} ${options.email} (${options.admin ? 'admin' : 'user'})`);
    }),
  );

program
  .command('create-token')
  .description('create an API token for a user; it is printed once')
  .requiredOption('--email <email>', 'the user the token acts as')
  .option('--name <name>', 'what the token is for', 'cli')
  .action((options: { email: string; name: string }) =>
    withContext(async (ctx) => {
      const email = emailAddressSchema.parse(options.email);
      const name = safeString(100).min(1).parse(options.name);
      const login = await findLogin(ctx.database.db, email);
      if (!login) throw new Error(`no active user with e-mail ${email}`);
      const { token } = await createApiToken(ctx.database.db, login.workspace_id, login.id, name);
      console.log(token);
    }),
  );

program
  .command('demo')
  .description('load realistic Persian demo data: organizations, contacts and leads, with the seed 004 lead')
  .option('--organizations <n>', 'organizations to add', parseCount, DEMO_DEFAULTS.organizations)
  .option('--contacts <n>', 'contacts to add', parseCount, DEMO_DEFAULTS.contacts)
  .option('--leads <n>', 'leads to add, the seed 004 lead among them if it is missing', parseCount, DEMO_DEFAULTS.leads)
  .option('--seed <seed>', 'the same seed gives the same data', DEMO_DEFAULTS.seed)
  .action((options: DemoOptions) =>
    withContext(async (ctx) => {
      const summary = await loadDemo(ctx, options, (message) => console.error(message));
      const lead = summary.seedLead
        ? `; seed 004 lead ${summary.seedLead.number} ${summary.seedLead.created ? 'created' : 'already there'}`
        : '';
      console.log(
        `${summary.organizations} organizations, ${summary.contacts} contacts, ${summary.leads} leads added${lead}`,
      );
    }),
  );

program
  .command('import')
  .description(
    'import a CSV or xlsx file into a module, with a progress bar; failed rows via GET /api/v1/imports/{id}/errors',
  )
  .requiredOption('--module <module>', 'e.g. contacts, organizations, leads')
  .requiredOption('--file <path>')
  .option('--on-duplicate <mode>', 'skip | update | merge', 'skip')
  .option('--match-on <key>', 'email | mobile | nationalCode | name')
  .option('--mapping <json>', 'column header → field, e.g. {"Mobile":"phones.mobile"}; automatic when absent')
  .option('--sheet <name>', 'xlsx: sheet name or 1-based position')
  .action(
    (options: {
      module: string;
      file: string;
      onDuplicate?: string;
      matchOn?: string;
      mapping?: string;
      sheet?: string;
    }) =>
      withContext(async (ctx) => {
        const state = await importFromCli(ctx, systemActor, options);
        console.log(
          `${state.status}: ${state.imported} imported, ${state.updated} updated, ${state.skipped} skipped, ${state.failed} failed (import ${state.id})`,
        );
        if (state.error) console.error(state.error);
        if (state.status !== 'completed') process.exitCode = 1;
      }),
  );

program
  .command('snapshot')
  .description('write a snapshot of the embedded database to PEYVAND_DATA_DIR/snapshots')
  .action(() =>
    withContext(async (ctx) => {
      console.log(await takeSnapshot(ctx.database, ctx.config.dataDir, ctx.config.snapshotKeep));
    }),
  );

const backupSummary = (file: string, header: BackupHeader): string =>
  `${file}: ${header.tables.length} tables, ${header.tables.reduce((sum, t) => sum + t.rows, 0)} rows, schema ${header.migrations.at(-1)}`;

program
  .command('backup')
  .description(
    "write every table of the database (PGlite or PostgreSQL) to one gzip'd JSON-lines file, consistently, while the server may run",
  )
  .argument('<file>', 'where the backup goes, e.g. peyvand-1404-01-01.jsonl.gz')
  .action((file: string) =>
    withContext(async (ctx) => {
      console.log(backupSummary(file, await writeBackup(ctx.database, file)));
    }),
  );

program
  .command('restore')
  .description('put a backup back into the database (either engine), in one transaction; the server should be stopped')
  .argument('<file>', 'a file written by `peyvand backup`')
  .option('--force', 'replace the content of a database that already holds data', false)
  .action((file: string, options: { force: boolean }) =>
    withContext(async (ctx) => {
      console.log(backupSummary(file, await restoreBackup(ctx.database, file, options)));
    }),
  );

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ProblemError) {
    console.error(JSON.stringify(renderProblem(error, 'en'), null, 2));
  } else if (error instanceof z.ZodError) {
    console.error(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
