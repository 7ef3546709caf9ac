/**
 * `npm run bench:load`: 50 users, each with an API token of their own, list, search, read,
 * create and update contacts on PostgreSQL holding 100,000 contacts, next to a bare Fastify
 * route answering a constant under the same connections (the framework's ceiling).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openBenchDatabase } from './bench-database.js';
import { type LoadScenarioResult, createLoadUsers, runLoadScenario } from './load-scenario.js';
import { replaceReadmeSection } from './readme-section.js';
import { seedContacts } from './seed-contacts.js';
import { setUpWorkspace } from './set-up.js';

const TARGET = { requestsPerSecond: 1000, p99Ms: 100 };
const log = (message: string) => console.error(`[bench:load] ${message}`);

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '100000' },
    users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    'update-readme': { type: 'boolean', default: false },
  },
});
const contacts = Number(values.contacts);
const users = Number(values.users);
const seconds = Number(values.seconds);
for (const [name, n] of Object.entries({ contacts, users, seconds })) {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
}

function markdown(result: LoadScenarioResult, label: string): string {
  const cpus = os.cpus();
  const row = (name: string, r: LoadScenarioResult['mixed']) =>
    `| ${name} | ${r.requestsPerSecond.toFixed(0)} | ${r.latencyP50Ms.toFixed(1)} | ${r.latencyP95Ms.toFixed(1)} | ${r.latencyP99Ms.toFixed(1)} | ${r.errors} | ${r.non2xx} |`;
  const met =
    result.mixed.requestsPerSecond >= TARGET.requestsPerSecond &&
    result.mixed.latencyP99Ms <= TARGET.p99Ms &&
    result.mixed.errors + result.mixed.non2xx === 0;
  return [
    `${new Date().toISOString().slice(0, 10)}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${label}, ` +
      `${contacts.toLocaleString('en')} contacts, ${result.users} users each with an API token, ${result.seconds} s after a warm-up; ` +
      `server, load generator and database on the same machine.`,
    '',
    '| | requests/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('mix: 35 % get, 25 % list, 20 % search, 10 % create, 10 % update', result.mixed),
    row('ceiling: bare Fastify route answering a constant', result.ceiling),
    '',
    `Target: ≥ ${TARGET.requestsPerSecond} mixed requests/s with p99 ≤ ${TARGET.p99Ms} ms and no error — ${met ? 'met' : 'not met'} in this run.`,
  ].join('\n');
}

const db = await openBenchDatabase(
  'postgres',
  process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
);
try {
  const workspace = await setUpWorkspace(db.ctx);
  const seeded = await seedContacts(db.ctx, workspace.modules, {
    contacts,
    ownerIds: workspace.ownerIds,
    seed: 'peyvand-bench',
    log,
  });
  await sql`vacuum analyze`.execute(db.ctx.database.db);
  log(`${contacts} contacts loaded in ${seeded.seconds.toFixed(0)} s; creating ${users} users`);
  const tokens = await createLoadUsers(db.ctx, users);
  log(`running the mix for ${seconds} s, then the ceiling`);
  const result = await runLoadScenario(db.ctx, tokens, seeded.sample, { seconds, warmUpSeconds: 5 });
  const text = markdown(result, db.label);
  console.log(text);
  if (values['update-readme']) {
    await replaceReadmeSection('load-bench', text);
    log('README.md updated');
  }
} finally {
  await db.close();
}
