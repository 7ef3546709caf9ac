import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { type RunningServer, startServer } from '../src/server.js';
import { ApiClient } from './support/api-client.js';
import { logIn, testConfig, uniqueEmail } from './support/auth-helpers.js';
import { cliTargetForThisFile, runCli } from './support/cli-runner.js';
import { ok } from './support/records-helpers.js';

/** `peyvand import` run as a user runs it: a separate process on a data directory or a fresh PostgreSQL database. */
const target = cliTargetForThisFile('peyvand-import-cli');
const cli = (args: string[]) => runCli(target, args);

test('peyvand import prints a progress bar and the counts; a second run skips the duplicate', async () => {
  const file = path.join(target.dataDir, 'contacts.csv');
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

/** A server on the same data as the CLI, for what a test sets up or checks through the API; stopped before the CLI runs. */
const admin = { email: uniqueEmail('cli-admin'), password: 'Cli-admin-pass-1403' };
const serverConfig = () =>
  testConfig({
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
    adminEmail: admin.email,
    adminPassword: admin.password,
  });
const signedIn = async (server: RunningServer) => {
  const session = await logIn(server.url, admin.email, admin.password);
  const token = await new ApiClient(server.url, null).post(
    '/api/v1/auth/tokens',
    { name: 'import-cli test' },
    { cookie: session.cookie, csrf: session.csrf },
  );
  return new ApiClient(server.url, ok(token, 201).token);
};

test('peyvand import of leads while round-robin is on hands them to the members in turn; a row naming its owner keeps it', async () => {
  let server = await startServer(serverConfig());
  const sellers: string[] = [];
  try {
    const api = await signedIn(server);
    for (const name of ['نرگس', 'بهرام', 'کاوه']) {
      const user = { email: uniqueEmail('seller'), password: 'Seller-pass-1403', firstName: name, lastName: 'فروشنده' };
      sellers.push(ok(await api.post('/api/v1/users', user), 201).id);
    }
    sellers.sort();
    const team = ok(await api.post('/api/v1/groups', { name: 'فروش خط فرمان', memberIds: sellers }), 201);
    const rule = ok(await api.put('/api/v1/leads/assignment-rule', { groupId: team.id, enabled: true }));
    assert.equal(rule.nextUserId, sellers[0]);
  } finally {
    await server.stop();
  }

  const file = path.join(target.dataDir, 'leads.csv');
  const rows = Array.from({ length: 9 }, (_, i) => `خط فرمان ${i},شرکت واردات خط فرمان,`);
  rows.splice(4, 0, `با مسئول,شرکت واردات خط فرمان,${admin.email}`);
  await fs.writeFile(file, ['Last Name,Company,Owner', ...rows].join('\n'));
  const run = await cli(['import', '--module', 'leads', '--file', file]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /completed: 10 imported, 0 updated, 0 skipped, 0 failed/);

  server = await startServer(serverConfig());
  try {
    const api = await signedIn(server);
    const adminId = ok(await api.get('/api/v1/me')).id;
    const { data } = ok(
      await api.post('/api/v1/leads/query', {
        filter: { field: 'company', op: 'eq', value: 'شرکت واردات خط فرمان' },
        limit: 100,
      }),
    );
    const inFileOrder = data.sort(
      (a: { number: string }, b: { number: string }) => Number(a.number.slice(5)) - Number(b.number.slice(5)),
    );
    assert.deepEqual(
      inFileOrder.map((l: { lastName: string; ownerId: string }) => [l.lastName, l.ownerId]),
      [
        ...[0, 1, 2, 0].map((turn, i) => [`خط فرمان ${i}`, sellers[turn]]),
        ['با مسئول', adminId],
        ...[1, 2, 0, 1, 2].map((turn, i) => [`خط فرمان ${i + 4}`, sellers[turn]]),
      ],
    );
    assert.equal(ok(await api.get('/api/v1/leads/assignment-rule')).nextUserId, sellers[0], 'nine turns: three rounds');
  } finally {
    await server.stop();
  }
});

test('peyvand import runs its own import only: one a user queued on a server is left to the servers', async () => {
  // A server that runs no imports itself, so the user's import is still queued when it stops.
  let server = await startServer({ ...serverConfig(), jobPollIntervalMs: 0 });
  let queued: string;
  try {
    const api = await signedIn(server);
    const body = new FormData();
    body.set('module', 'contacts');
    body.set('file', new Blob(['Last Name\nUploaded']), 'uploaded.csv');
    const response = await fetch(`${server.url}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}` },
      body,
    });
    assert.equal(response.status, 202);
    queued = ((await response.json()) as { id: string }).id;
  } finally {
    await server.stop();
  }

  const file = path.join(target.dataDir, 'own.csv');
  await fs.writeFile(file, 'Last Name\nFrom the CLI\n');
  const run = await cli(['import', '--module', 'contacts', '--file', file]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /completed: 1 imported/);

  server = await startServer({ ...serverConfig(), jobPollIntervalMs: 0 });
  try {
    const api = await signedIn(server);
    assert.equal(ok(await api.get(`/api/v1/imports/${queued}`)).status, 'queued');
  } finally {
    await server.stop();
  }
});
