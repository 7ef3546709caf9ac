import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { ApiClient } from './support/api-client.js';
import { freshPostgresDatabase, logIn, usingPostgres } from './support/auth-helpers.js';
import { SERVER_DIR, cliEnv } from './support/cli-runner.js';
import { type Nginx, startNginx } from './support/nginx.js';
import type { ScratchDatabase } from './support/scratch-database.js';
import { type ServerProcess, spawnServer, stopProcess, waitUntilReady } from './support/server-process.js';
import { ok } from './support/records-helpers.js';

/**
 * The production layout of the README, for real: two `peyvand start` processes on one
 * PostgreSQL database behind Debian's nginx. Several app servers only exist on PostgreSQL.
 */
const EMAIL = 'proxy-admin@peyvand.test';
const PASSWORD = 'Proxy-admin-1404';
const MIGRATIONS = (await fs.readdir(path.join(SERVER_DIR, 'migrations'))).filter((f) => f.endsWith('.sql')).sort();

if (usingPostgres()) {
  describe('two app servers behind nginx', () => {
    let database: ScratchDatabase;
    let servers: ServerProcess[] = [];
    let nginx: Nginx | undefined;

    before(async () => {
      database = await freshPostgresDatabase();
      const env = cliEnv(
        { dataDir: path.join(SERVER_DIR, 'no-data-dir'), databaseUrl: database.url },
        {
          PEYVAND_ADMIN_EMAIL: EMAIL,
          PEYVAND_ADMIN_PASSWORD: PASSWORD,
          PEYVAND_TRUST_PROXY: 'true',
          PEYVAND_JOB_POLL_SECONDS: '1',
          PEYVAND_WEB_DIST: path.join(SERVER_DIR, 'no-web-build'),
        },
      );
      // Both at once on the fresh database: the migrations and the first administrator race.
      servers = await Promise.all([spawnServer(env), spawnServer(env)]);
      await Promise.all(servers.map((s) => waitUntilReady(s.url, s.child, s.output, 60_000)));
      nginx = await startNginx(servers.map((s) => s.url));
    });

    after(async () => {
      await nginx?.stop();
      await Promise.all(servers.map((s) => stopProcess(s.child)));
      await database.drop();
    });

    test('both started at once: every migration applied once, one first administrator', async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const migrations = await client.query('select name from schema_migrations order by name');
        assert.deepEqual(
          migrations.rows.map((r) => r.name),
          MIGRATIONS,
        );
        const users = await client.query(`select data ->> 'email' as email from records where module = 'users'`);
        assert.deepEqual(
          users.rows.map((r) => r.email),
          [EMAIL],
        );
      } finally {
        await client.end();
      }
    });

    test('a session made through nginx works on either server and through nginx, reads and writes alike', async () => {
      const session = await logIn(nginx!.url, EMAIL, PASSWORD);
      for (const server of servers) {
        const direct = await new ApiClient(server.url).get('/api/v1/auth/session', { cookie: session.cookie });
        assert.equal(direct.status, 200, server.url);
      }
      const api = new ApiClient(nginx!.url);
      const options = { cookie: session.cookie, csrf: session.csrf };
      // Round robin: consecutive requests land on alternate servers; each sees what the other wrote.
      for (let i = 0; i < 6; i++) {
        const created = ok(
          await api.post('/api/v1/contacts', { firstName: 'پشت', lastName: `پراکسی ${i}` }, options),
          201,
        );
        const read = ok(await api.get(`/api/v1/contacts/${created.id}`, options));
        ok(
          await api.patch(
            `/api/v1/contacts/${created.id}`,
            { lastName: `ویرایش ${i}`, version: read.version },
            options,
          ),
        );
      }
    });

    test('a reminder is fired once, though both servers poll for due reminders', async () => {
      const session = await logIn(nginx!.url, EMAIL, PASSWORD);
      const api = new ApiClient(nginx!.url);
      const options = { cookie: session.cookie, csrf: session.csrf };
      // Due a few seconds from now: starts in 1 minute 4 seconds, reminder 1 minute before.
      const startsAt = new Date(Date.now() + 64_000).toISOString();
      const call = ok(
        await api.post(
          '/api/v1/activities',
          {
            type: 'call',
            subject: 'تماس پشت پراکسی',
            startsAt,
            reminders: [{ minutesBefore: 1, channels: ['inApp'] }],
          },
          options,
        ),
        201,
      );
      const reminders = async () => {
        const { data } = ok(await api.get('/api/v1/notifications?limit=200', options));
        return data.filter((n: { kind: string; recordId: string }) => n.kind === 'reminder' && n.recordId === call.id);
      };
      const deadline = Date.now() + 30_000;
      while ((await reminders()).length === 0) {
        assert.ok(Date.now() < deadline, 'the reminder fired');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      // Several poll rounds of both servers later, still one.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      assert.equal((await reminders()).length, 1);
    });
  });
}
