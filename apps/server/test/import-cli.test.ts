import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freshPostgresDatabase, usingPostgres } from './support/auth-helpers.js';

/** `peyvand import` run as a user runs it: a separate process on a data directory or a fresh PostgreSQL database. */
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

let dir: string;
let databaseUrl = '';
let dropDatabase: () => Promise<void> = async () => undefined;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peyvand-import-cli-'));
  if (usingPostgres()) {
    const database = await freshPostgresDatabase();
    databaseUrl = database.url;
    dropDatabase = database.drop;
  }
});
after(async () => {
  await dropDatabase();
  await fs.rm(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PEYVAND_DATA_DIR: path.join(dir, 'data'),
    DATABASE_URL: databaseUrl,
    PEYVAND_SNAPSHOT_INTERVAL_HOURS: '0',
    LOG_LEVEL: 'error',
  };
  for (const name of ['PEYVAND_ADMIN_EMAIL', 'PEYVAND_ADMIN_PASSWORD', 'INIT_CWD']) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: SERVER_DIR, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test('peyvand import prints a progress bar and the counts; a second run skips the duplicate', async () => {
  const file = path.join(dir, 'contacts.csv');
  await fs.writeFile(file, 'نام,نام خانوادگی,موبایل\nعلی,کاظمی,09121234567\nبد,کاظمی,123\n');
  const first = await cli(['import', '--module', 'contacts', '--file', file]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^completed: 1 imported, 0 updated, 0 skipped, 1 failed \(import [0-9a-f-]{36}\)$/m);
  assert.match(first.stderr, /\[#{30}\] 100% 2\/2 rows/);
  const again = await cli(['import', '--module', 'contacts', '--file', file, '--match-on', 'mobile']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /completed: 0 imported, 0 updated, 1 skipped, 1 failed/);
  const bad = await cli(['import', '--module', 'contacts', '--file', file, '--on-duplicate', 'nope']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /onDuplicate/);
});
