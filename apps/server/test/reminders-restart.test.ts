import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Config } from '../src/config.js';
import { type RunningServer, startServer } from '../src/server.js';
import { createSeedLead, tehran } from './support/activity-helpers.js';
import { ApiClient } from './support/api-client.js';
import { freshPostgresDatabase, logIn, testConfig, usingPostgres } from './support/auth-helpers.js';
import { ok, plainUserClient } from './support/records-helpers.js';
import type { ScratchDatabase } from './support/scratch-database.js';
import { SmtpSink } from './support/smtp-sink.js';
import { TestClock } from './support/test-clock.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/test-server.js';

/*
 * A reminder that falls due while no app server runs. The server is stopped for real (its
 * listener, pollers and database connections closed), the clock moves past the reminder, and a
 * new server is started on the same data: a PGlite data directory, or the same PostgreSQL
 * database, where two servers come back at once. The reminder fires once, in the app and by
 * e-mail, however often the servers poll or restart afterwards.
 */

const clock = new TestClock(tehran('2030-06-01', '14:00'));
let sink: SmtpSink;
let dataDir: string;
let database: ScratchDatabase | undefined;
const running = new Set<RunningServer>();

const config = (): Config =>
  testConfig({
    dataDir,
    databaseUrl: database?.url,
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    now: clock.now,
    jobPollIntervalMs: 50,
    smtpUrl: sink.url,
    mailFrom: 'پیوند <crm@peyvand.test>',
    publicUrl: 'https://crm.example.ir',
  });

async function start(): Promise<RunningServer> {
  const server = await startServer(config());
  running.add(server);
  return server;
}

async function stop(server: RunningServer): Promise<void> {
  await server.stop();
  running.delete(server);
}

before(async () => {
  sink = await SmtpSink.start();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'peyvand-reminders-restart-'));
  if (usingPostgres()) database = await freshPostgresDatabase();
});
after(async () => {
  await Promise.all([...running].map((server) => server.stop()));
  await database?.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
  await sink?.close();
});

test('a reminder due while the server was down fires when it comes back, once, in the app and by e-mail', async () => {
  const first = await start();
  const session = await logIn(first.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const token = await new ApiClient(first.url, null).post(
    '/api/v1/auth/tokens',
    { name: 'reminders restart' },
    { cookie: session.cookie, csrf: session.csrf },
  );
  const admin = new ApiClient(first.url, ok(token, 201).token);
  const lead = await createSeedLead(admin);
  const expert = await plainUserClient(first.url, admin);
  const expertEmail = ok(await expert.api.get('/api/v1/me')).email;
  const call = ok(
    await expert.api.post('/api/v1/activities', {
      type: 'call',
      subject: 'تماس پیگیری با احمد صادقی',
      startsAt: tehran('2030-06-02', '11:00'),
      links: [{ module: 'leads', id: lead.id }],
      reminders: [{ minutesBefore: 15, channels: ['inApp', 'email'] }],
    }),
    201,
  );
  /** The expert's reminders of the call, as `server` lists them (each server has a port of its own). */
  const remindersVia = async (server: RunningServer) => {
    const { data } = ok(await new ApiClient(server.url, expert.api.token).get('/api/v1/notifications?limit=200'));
    return data.filter((n: any) => n.kind === 'reminder' && n.recordId === call.id);
  };

  await first.runJobs();
  assert.deepEqual(await remindersVia(first), [], 'not due yet');
  await stop(first);

  // Down from the day before until 10:50, five minutes after the reminder was due at 10:45.
  clock.set(tehran('2030-06-02', '10:50'));
  const back = usingPostgres() ? await Promise.all([start(), start()]) : [await start()];

  // Nobody asks: the servers' own polling fires it and sends the e-mail.
  const [mail] = await sink.received(1);
  assert.equal(mail!.to && !Array.isArray(mail!.to) ? mail!.to.value[0]!.address : undefined, expertEmail);
  assert.match(mail!.subject ?? '', /تماس پیگیری با احمد صادقی/);
  assert.ok(String(mail!.html).includes(`https://crm.example.ir/activities/${call.id}`));
  const [fired, ...more] = await remindersVia(back[0]!);
  assert.deepEqual(more, []);
  assert.equal(fired.occursAt, tehran('2030-06-02', '11:00'));
  assert.equal(fired.createdAt, tehran('2030-06-02', '10:50'), 'fired when a server came back');
  assert.equal(fired.late, true, 'and said to be late');

  await Promise.all(back.map((server) => server.runJobs()));
  await Promise.all(back.map((server) => server.runJobs()));
  for (const server of back) assert.equal((await remindersVia(server)).length, 1, 'one notification');
  assert.equal(sink.mails.length, 1, 'one e-mail');

  // Restarted once more after it fired, it does not fire again.
  for (const server of back) await stop(server);
  clock.set(tehran('2030-06-02', '10:55'));
  const again = await start();
  await again.runJobs();
  assert.deepEqual(
    (await remindersVia(again)).map((n: any) => n.id),
    [fired.id],
  );
  assert.equal(sink.mails.length, 1);
  await stop(again);
});
