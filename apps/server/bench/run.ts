/**
 * `npm run bench -- --contacts 100000`: loads realistic Persian contacts into a fresh PGlite
 * and a fresh PostgreSQL database and measures the API's code paths against the bare SQL they
 * send, then GET /api/v1/contacts/{id} over HTTP against a bare Fastify route.
 */
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { checkpointAndVacuum } from '../src/core/db/embedded-maintenance.js';
import { type BenchDatabase, directorySize, openBenchDatabase } from './bench-database.js';
import { httpBenchmark } from './http-bench.js';
import { importBenchmark } from './import-bench.js';
import { measurePair } from './measure.js';
import { buildOperations } from './operations.js';
import { type BenchOptions, USAGE, parseOptions } from './options.js';
import { type BenchReport, type DatabaseResult, markdown } from './report.js';
import { replaceReadmeSection } from './readme-section.js';
import { seedContacts } from './seed-contacts.js';
import { setUpWorkspace } from './set-up.js';

const log = (message: string) => console.error(`[bench] ${message}`);

async function explain(db: BenchDatabase, name: string, query: { sql: string; parameters: readonly unknown[] }) {
  const rows = (await db.direct.query(`explain (analyze, buffers) ${query.sql}`, query.parameters)) as Record<
    string,
    string
  >[];
  console.error(`\n── ${db.label}: ${name}\n${query.sql}\n${JSON.stringify(query.parameters)}`);
  console.error(rows.map((r) => Object.values(r)[0]).join('\n'));
}

async function benchmark(db: BenchDatabase, options: BenchOptions): Promise<DatabaseResult> {
  const { ctx } = db;
  log(`${db.label}: setting up`);
  const workspace = await setUpWorkspace(ctx);
  const load = await seedContacts(ctx, workspace.modules, {
    contacts: options.contacts,
    ownerIds: workspace.ownerIds,
    seed: 'peyvand-bench',
    log: (m) => log(`${db.label}: ${m}`),
  });
  log(`${db.label}: loaded in ${load.seconds.toFixed(1)} s`);

  let dataDir: DatabaseResult['dataDir'];
  if (db.dataDir) {
    const dir = db.dataDir;
    const size = async () => ({ total: await directorySize(dir), wal: await directorySize(path.join(dir, 'pg_wal')) });
    const afterLoad = await size();
    const started = performance.now();
    await checkpointAndVacuum(ctx.database);
    const maintenanceSeconds = (performance.now() - started) / 1000;
    dataDir = { afterLoad, afterMaintenance: await size(), maintenanceSeconds };
  } else {
    // What autovacuum does soon after a bulk load; the planner needs the statistics.
    await sql`vacuum analyze`.execute(ctx.database.db);
  }

  const operations = await buildOperations({
    ctx,
    modules: workspace.modules,
    actor: workspace.actor,
    direct: db.direct,
    sample: load.sample,
    contactCount: options.contacts,
    iterations: options.iterations,
  });
  const results: DatabaseResult['operations'] = [];
  for (const op of operations) {
    const [api, direct] = await measurePair(options.iterations, op.api, op.sql);
    log(
      `${db.label}: ${op.name}: API p50 ${api.p50.toFixed(2)} ms p95 ${api.p95.toFixed(2)} ms; SQL p50 ${direct.p50.toFixed(2)} ms`,
    );
    results.push({ name: op.name, ...(op.targetP95Ms ? { targetP95Ms: op.targetP95Ms } : {}), api, sql: direct });
    if (options.explain && op.explain) await explain(db, op.name, op.explain);
  }

  let http: DatabaseResult['http'];
  if (!options.skipHttp) {
    log(`${db.label}: HTTP, ${options.httpSeconds} s per target`);
    http = await httpBenchmark(ctx, workspace.token, load.sample.contactIds, options.httpSeconds);
    log(
      `${db.label}: server ${http.full.requestsPerSecond.toFixed(0)} req/s, bare ${http.bare.requestsPerSecond.toFixed(0)} req/s`,
    );
  }
  let imported: DatabaseResult['import'];
  if (options.importRows > 0) {
    log(`${db.label}: importing ${options.importRows} contacts from CSV`);
    const names = await sql<{ name: string }>`
      select data ->> 'name' as name from records where module = 'organizations' limit 1000`.execute(ctx.database.db);
    imported = await importBenchmark(
      ctx,
      workspace,
      names.rows.map((r) => r.name),
      options.importRows,
    );
    log(
      `${db.label}: import ${imported.rowsPerSecond.toFixed(0)} rows/s, peak RSS ${imported.rssPeakMb.toFixed(0)} MB`,
    );
  }
  return {
    kind: db.kind,
    label: db.label,
    load: { contacts: load.contacts, organizations: load.organizations, seconds: load.seconds },
    operations: results,
    ...(http ? { http } : {}),
    ...(imported ? { import: imported } : {}),
    ...(dataDir ? { dataDir } : {}),
  };
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  const cpus = os.cpus();
  const report: BenchReport = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}`,
    node: process.version,
    contacts: options.contacts,
    iterations: options.iterations,
    databases: [],
  };
  for (const kind of options.databases) {
    const db = await openBenchDatabase(kind, options.postgresUrl);
    // Interrupted, the run still drops its database and removes its files.
    const interrupted = () => void db.close().finally(() => process.exit(130));
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      report.databases.push(await benchmark(db, options));
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      await db.close();
    }
  }
  const text = markdown(report);
  if (options.json) console.log(JSON.stringify(report, null, 2));
  else console.log(text);
  if (options.updateReadme) {
    await replaceReadmeSection('bench', text);
    log('README.md updated');
  }
}

await main();
