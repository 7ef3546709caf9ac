import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/database.js';
import { ApiClient } from './support/api-client.js';
import { logIn } from './support/auth-helpers.js';
import { SERVER_DIR, cliEnv, cliTargetForThisFile, runCli } from './support/cli-runner.js';
import { freePort, waitUntilReady } from './support/server-process.js';

/**
 * The `peyvand` CLI run as a user runs it: a separate process on PEYVAND_DATA_DIR (embedded
 * PGlite) or, with DATABASE_URL set for the test run, on a fresh PostgreSQL database.
 */
const MIGRATIONS = (await fs.readdir(path.join(SERVER_DIR, 'migrations'))).filter((f) => f.endsWith('.sql')).sort();

const target = cliTargetForThisFile('peyvand-cli');
const cli = (args: string[], extra: Record<string, string> = {}) => runCli(target, args, extra, 30_000);

/** The names in schema_migrations, read straight from the database the CLI used (no process has it open). */
async function appliedMigrations(): Promise<string[]> {
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    const rows = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(database.db);
    return rows.rows.map((r) => r.name);
  } finally {
    await database.close();
  }
}

const EMAIL = 'cli-admin@peyvand.test';
const PASSWORD = 'Cli-admin-pass-1403';
let token: string;

test('`migrate` applies the migrations once; running it again is a no-op', async () => {
  const first = await cli(['migrate']);
  assert.equal(first.code, 0, first.stderr);
  for (const file of MIGRATIONS) assert.ok(first.stderr.includes(`migration ${file} applied`), first.stderr);
  const second = await cli(['migrate']);
  assert.equal(second.code, 0, second.stderr);
  assert.ok(!second.stderr.includes('applied'), `nothing is applied twice: ${second.stderr}`);
  assert.match(second.stderr, /up to date/);
  assert.deepEqual(await appliedMigrations(), MIGRATIONS);
  if (!target.databaseUrl) await fs.access(path.join(target.dataDir, 'pglite', 'PG_VERSION'));
});

test('`create-user --admin` creates an administrator; a second one with the same e-mail is refused', async () => {
  const created = await cli([
    'create-user',
    '--email',
    EMAIL,
    '--password',
    PASSWORD,
    '--first-name',
    'مدیر',
    '--last-name',
    'خط فرمان',
    '--admin',
  ]);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout.trim(), new RegExp(`^USR-\\d+ ${EMAIL.replace('.', '\\.')} \\(admin\\)$`));

  const again = await cli([
    'create-user',
    '--email',
    EMAIL.toUpperCase(),
    '--password',
    PASSWORD,
    '--first-name',
    'الف',
    '--last-name',
    'ب',
  ]);
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /email/);
  assert.match(again.stderr, /duplicate_value|already/);
});

test('`create-token --email` prints a token once; an unknown e-mail is refused', async () => {
  const created = await cli(['create-token', '--email', EMAIL, '--name', 'integration']);
  assert.equal(created.code, 0, created.stderr);
  token = created.stdout.trim();
  assert.match(token, /^pvd_[A-Za-z0-9_-]{40,}$/);
  assert.ok(!created.stderr.includes(token), 'the token is printed on stdout only');

  const unknown = await cli(['create-token', '--email', 'nobody@peyvand.test']);
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /nobody@peyvand\.test/);
  assert.equal(unknown.stdout.trim(), '');
});

test('`start` serves the same database: the CLI token and user work, and SIGTERM stops it cleanly', async () => {
  assert.ok(token, 'the token from the previous test');
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], {
    cwd: SERVER_DIR,
    // A web app of its own that is not there: `start` then builds nothing (web-app.test.ts covers serving it).
    env: cliEnv(target, {
      PORT: String(port),
      HOST: '127.0.0.1',
      PEYVAND_WEB_DIST: path.join(SERVER_DIR, 'no-web-build'),
    }),
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child, () => output);
    const api = new ApiClient(url, token);
    const me = await api.get('/api/v1/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.email, EMAIL);
    assert.equal(me.body.role, 'admin');
    const contact = await api.post('/api/v1/contacts', { firstName: 'از خط فرمان' });
    assert.equal(contact.status, 201);
    const tokens = await api.get('/api/v1/auth/tokens');
    assert.deepEqual(
      tokens.body.data.map((t: { name: string }) => t.name),
      ['integration'],
    );

    await logIn(url, EMAIL, PASSWORD);
    assert.deepEqual((await new ApiClient(url, null).get('/api/v1/auth/setup')).body, { needed: false });
    assert.equal((await new ApiClient(url, 'pvd_made-up').get('/api/v1/me')).status, 401);
  } finally {
    child.kill('SIGTERM');
  }
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    exited,
    new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), 15_000))),
  ]);
  clearTimeout(timer);
  if (code === 'timeout') child.kill('SIGKILL');
  assert.equal(code, 0, `exit code after SIGTERM:\n${output}`);
});
