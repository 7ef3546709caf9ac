/**
 * Concurrent writers and faults: racing PATCHes of one record (one server, and two app servers
 * on one PostgreSQL), the server killed with SIGKILL mid-write on its embedded data directory,
 * and — on PostgreSQL — the database stopped and started under a flow of requests.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type RunningServer, startServer } from '../src/server.js';
import { ApiClient } from './support/api-client.js';
import { logIn, testConfig, usingPostgres } from './support/auth-helpers.js';
import { cliEnv } from './support/cli-runner.js';
import { createPrivatePostgres } from './support/private-postgres.js';
import { ok } from './support/records-helpers.js';
import { spawnServer, stopProcess, waitUntilReady } from './support/server-process.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer, startTestServer } from './support/test-server.js';

const WRITERS = 8;
const ROUNDS = 4;

let server: TestServer;
let api: ApiClient;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
});
after(() => server.stop());

/**
 * WRITERS clients PATCH the record at the same version, round after round, through `clients`
 * in turn: each round exactly one wins and the rest get 409; the record ends as the winners
 * left it and its history holds exactly the winners' changes, in order.
 */
async function raceRounds(clients: ApiClient[], id: string): Promise<void> {
  const winners: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const version = ok(await clients[0]!.get(`/api/v1/contacts/${id}`)).version as number;
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        clients[i % clients.length]!.patch(`/api/v1/contacts/${id}`, {
          version,
          description: `دور ${round} نویسنده ${i}`,
        }),
      ),
    );
    const won = answers.filter((a) => a.status === 200);
    assert.equal(won.length, 1, `round ${round}: ${answers.map((a) => a.status).join(',')}`);
    for (const lost of answers.filter((a) => a.status !== 200)) {
      assert.equal(lost.status, 409, JSON.stringify(lost.body));
      assert.equal(lost.body.errors[0].field, 'version');
    }
    assert.equal(won[0]!.body.version, version + 1);
    winners.push(won[0]!.body.description);
  }
  const final = ok(await clients.at(-1)!.get(`/api/v1/contacts/${id}`));
  assert.equal(final.description, winners.at(-1));
  assert.equal(final.version, ROUNDS + 1);
  const history = ok(await api.get(`/api/v1/contacts/${id}/history?limit=50`)).data as {
    action: string;
    version: number;
    changes: { field: string; to: unknown }[];
  }[];
  const updates = history.filter((h) => h.action === 'updated').reverse();
  assert.deepEqual(
    updates.map((h) => [h.version, h.changes.find((c) => c.field === 'description')?.to]),
    winners.map((description, round) => [round + 2, description]),
  );
}

describe('racing PATCHes of one record', () => {
  test('at one version exactly one PATCH wins, the others get 409, and nothing is lost', async () => {
    const { id } = ok(await api.post('/api/v1/contacts', { lastName: 'هم‌زمان' }), 201);
    await raceRounds([api], id);
  });

  if (usingPostgres()) {
    test('across two app servers on one PostgreSQL, still exactly one wins per version', async () => {
      const second = await startServer(testConfig({ databaseUrl: server.server.ctx.database.url }));
      try {
        const { id } = ok(await api.post('/api/v1/contacts', { lastName: 'دو سرور' }), 201);
        await raceRounds([api, new ApiClient(second.url, server.adminToken)], id);
      } finally {
        await second.stop();
      }
    });
  }
});

/** An API token of the administrator of the server at `url`, which was started with ADMIN_EMAIL. */
async function adminToken(url: string): Promise<string> {
  const session = await logIn(url, ADMIN_EMAIL, ADMIN_PASSWORD);
  return ok(await new ApiClient(url, null).post('/api/v1/auth/tokens', { name: 'faults' }, session), 201)
    .token as string;
}

describe('the server killed with SIGKILL mid-write', () => {
  test('on restart every acknowledged write is there, and no record is there in part', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'peyvand-kill-'));
    const env = {
      ...cliEnv({ dataDir, databaseUrl: undefined }),
      PEYVAND_ADMIN_EMAIL: ADMIN_EMAIL,
      PEYVAND_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PEYVAND_WEB_DIST: dataDir,
      PEYVAND_MAINTENANCE_INTERVAL_MINUTES: '0',
    };
    const children: ChildProcess[] = [];
    const start = async () => {
      const started = await spawnServer(env);
      children.push(started.child);
      await waitUntilReady(started.url, started.child, started.output, 60_000);
      return started;
    };
    try {
      let running = await start();
      const token = await adminToken(running.url);
      let client = new ApiClient(running.url, token);
      ok(
        await client.post('/api/v1/metadata/modules/contacts/fields', {
          name: 'region',
          type: 'text',
          label: { fa: 'منطقه' },
        }),
        201,
      );
      // Writers create contacts with a custom field and then change them, until the process dies under them.
      const acknowledged = new Map<string, { lastName: string; region: string; version: number }>();
      let killed = false;
      let lastRefusal = '';
      const writer = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const sent = { lastName: `کشته ${w}-${i}`, custom: { region: `منطقه ${w}-${i}` } };
          const created = await client.post('/api/v1/contacts', sent).catch(() => undefined);
          if (created?.status !== 201) {
            lastRefusal = JSON.stringify(created?.body);
            continue;
          }
          acknowledged.set(created.body.id, { lastName: sent.lastName, region: sent.custom.region, version: 1 });
          const changed = await client
            .patch(`/api/v1/contacts/${created.body.id}`, { version: 1, custom: { region: `${sent.custom.region}+` } })
            .catch(() => undefined);
          if (changed?.status === 200)
            acknowledged.set(created.body.id, {
              ...acknowledged.get(created.body.id)!,
              region: `${sent.custom.region}+`,
              version: 2,
            });
        }
      };
      const writers = Array.from({ length: 4 }, (_, w) => writer(w));
      const deadline = Date.now() + 30_000;
      while (acknowledged.size < 30) {
        assert.ok(Date.now() < deadline, `only ${acknowledged.size} writes acknowledged; last answer ${lastRefusal}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      killed = true;
      const dead = stopProcess(running.child, 'SIGKILL');
      await Promise.all(writers);
      await dead;

      running = await start();
      client = new ApiClient(running.url, token);
      try {
        for (const [id, expected] of acknowledged) {
          const record = ok(await client.get(`/api/v1/contacts/${id}`));
          assert.equal(record.lastName, expected.lastName);
          assert.ok(record.version >= expected.version, `${id} lost an acknowledged change`);
          if (record.version === expected.version) assert.equal(record.custom.region, expected.region);
        }
        // Whatever is there is whole: each version of each record has its history entry and its custom field.
        const all = ok(await client.post('/api/v1/contacts/query', { limit: 200 })).data as {
          id: string;
          version: number;
          custom: { region?: string };
        }[];
        for (const record of all) {
          const history = ok(await client.get(`/api/v1/contacts/${record.id}/history?limit=10`)).data as {
            version: number;
          }[];
          assert.deepEqual(
            history.map((h) => h.version).sort(),
            Array.from({ length: record.version }, (_, i) => i + 1),
          );
          assert.ok(record.custom.region, `${record.id} without its custom field`);
        }
      } finally {
        await stopProcess(running.child);
      }
    } finally {
      // A failed assertion must not leave a server behind holding the test process open.
      await Promise.all(children.map((child) => stopProcess(child, 'SIGKILL')));
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

if (usingPostgres()) {
  describe('PostgreSQL stopped and started while requests flow', () => {
    test('readiness turns 503 and back, requests get 503 problem documents meanwhile, and the server recovers by itself', async () => {
      const cluster = await createPrivatePostgres();
      let app: RunningServer | undefined;
      try {
        app = await startServer(
          testConfig({ databaseUrl: cluster.url, adminEmail: ADMIN_EMAIL, adminPassword: ADMIN_PASSWORD }),
        );
        const token = await adminToken(app.url);
        const client = new ApiClient(app.url, token);
        const anonymous = new ApiClient(app.url, null);
        const { id } = ok(await client.post('/api/v1/contacts', { lastName: 'پیش از قطعی' }), 201);
        ok(await anonymous.get('/readyz'));

        // Requests keep flowing while the database goes away and comes back.
        let flowing = true;
        const acknowledged: string[] = [];
        const statuses = new Set<number>();
        const flow = (async () => {
          for (let i = 0; flowing; i++) {
            const answer =
              i % 2
                ? await client.get(`/api/v1/contacts/${id}`)
                : await client.post('/api/v1/contacts', { lastName: `جریان ${i}` });
            statuses.add(answer.status);
            if (answer.status === 503) {
              assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
              assert.equal(answer.body.status, 503);
            } else if (i % 2) {
              assert.equal(answer.status, 200, JSON.stringify(answer.body));
              assert.equal(answer.body.lastName, 'پیش از قطعی');
            } else {
              assert.equal(answer.status, 201, JSON.stringify(answer.body));
              acknowledged.push(answer.body.id);
            }
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        })();

        await cluster.stop();
        assert.equal((await anonymous.get('/readyz')).status, 503);
        assert.equal((await anonymous.get('/healthz')).status, 200, 'liveness does not depend on the database');
        const during = await client.get(`/api/v1/contacts/${id}`);
        assert.equal(during.status, 503, JSON.stringify(during.body));
        await new Promise((resolve) => setTimeout(resolve, 500));
        await cluster.start();

        const deadline = Date.now() + 20_000;
        while ((await anonymous.get('/readyz')).status !== 200) {
          assert.ok(Date.now() < deadline, 'not ready again within 20 s');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        // Recovered without a restart: reads and writes work again, and nothing acknowledged was lost.
        const recoveredBy = Date.now() + 10_000;
        while ((await client.get(`/api/v1/contacts/${id}`)).status !== 200) {
          assert.ok(Date.now() < recoveredBy, 'requests did not recover');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        flowing = false;
        await flow;
        assert.ok(statuses.has(503), `requests during the outage were answered ${[...statuses].join(',')}`);
        ok(await client.post('/api/v1/contacts', { lastName: 'پس از قطعی' }), 201);
        for (const created of acknowledged) ok(await client.get(`/api/v1/contacts/${created}`));
      } finally {
        await app?.stop();
        await cluster.remove();
      }
    });
  });
}
