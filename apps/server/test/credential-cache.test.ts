/**
 * App servers keep what a session or token resolved to in memory (core/auth/credential-cache.ts).
 * These tests change credentials behind a server's back — straight in the database, as another
 * app server, a job or an operator would — and check that the server stops honouring them.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { authenticate } from '../src/core/auth/authenticate.js';
import { startServer, type RunningServer } from '../src/server.js';
import { ApiClient } from './support/api-client.js';
import { logIn, testConfig, usingPostgres } from './support/auth-helpers.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
});
after(() => server.stop());

const db = () => server.server.ctx.database.db;

/** Notifications travel on a connection of their own: a change is seen soon, not in the same instant. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`not within 5 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function newToken(name: string): Promise<string> {
  const created = await api.post('/api/v1/auth/tokens', { name });
  assert.equal(created.status, 201);
  return created.body.token;
}

async function newUser(email: string): Promise<{ id: string; token: string }> {
  const created = await api.post('/api/v1/users', {
    email,
    password: 'Another-user-1403',
    firstName: 'مریم',
    lastName: 'کاظمی',
    role: 'user',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const session = await logIn(server.url, email, 'Another-user-1403');
  const token = await api.post('/api/v1/auth/tokens', { name: 'mine' }, { token: null, ...session });
  assert.equal(token.status, 201);
  return { id: created.body.id, token: token.body.token };
}

const statusWith = async (token: string, client: ApiClient = api) => (await client.get('/api/v1/me', { token })).status;

test('a token revoked in the database, not through this server, is refused from then on', async () => {
  const token = await newToken('revoked behind the server’s back');
  assert.equal(await statusWith(token), 200);
  assert.equal(await statusWith(token), 200, 'answered from the cache');
  await sql`update api_tokens set revoked_at = now() where name = 'revoked behind the server’s back'`.execute(db());
  await eventually(async () => (await statusWith(token)) === 401, 'the revoked token is refused');
});

test('a user made admin or deactivated in the database is seen with their new standing', async () => {
  const user = await newUser('cache.role@peyvand.test');
  // No GET route depends on the role yet, so the role is read as every route reads it.
  const request = { headers: { authorization: `Bearer ${user.token}` }, cookies: {} } as unknown as FastifyRequest;
  const role = async () => (await authenticate(server.server.ctx, request))?.principal.role;
  assert.equal(await role(), 'user');
  assert.equal(await role(), 'user', 'answered from the cache');

  await sql`update records set data = data || '{"role": "admin"}' where id = ${user.id}`.execute(db());
  await eventually(async () => (await role()) === 'admin', 'the user is an administrator');

  await sql`update records set data = data || '{"active": false}' where id = ${user.id}`.execute(db());
  await eventually(async () => (await statusWith(user.token)) === 401, 'the deactivated user is refused');
});

test('a session deleted in the database is refused, and logging out ends it at once', async () => {
  const first = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const asFirst = { token: null, cookie: first.cookie };
  assert.equal((await api.get('/api/v1/me', asFirst)).status, 200);
  await sql`delete from sessions where csrf_token = ${first.csrf}`.execute(db());
  await eventually(async () => (await api.get('/api/v1/me', asFirst)).status === 401, 'the deleted session');

  const second = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const asSecond = { token: null, cookie: second.cookie, csrf: second.csrf };
  assert.equal((await api.get('/api/v1/me', asSecond)).status, 200);
  assert.equal((await api.post('/api/v1/auth/logout', undefined, asSecond)).status, 204);
  assert.equal((await api.get('/api/v1/me', asSecond)).status, 401, 'no wait after a logout on this server');
});

test('a custom field added in one request is accepted by the very next one', async () => {
  for (let i = 0; i < 5; i++) {
    const name = `cacheField${i}`;
    const field = await api.post('/api/v1/metadata/modules/contacts/fields', {
      name,
      type: 'text',
      label: { fa: `فیلد ${i}`, en: `Field ${i}` },
    });
    assert.equal(field.status, 201, JSON.stringify(field.body));
    const contact = await api.post('/api/v1/contacts', { lastName: 'رضایی', custom: { [name]: 'مقدار' } });
    assert.equal(contact.status, 201, JSON.stringify(contact.body));
  }
});

if (usingPostgres()) {
  test('two app servers on one PostgreSQL: what changes through one is honoured by the other', async () => {
    const other: RunningServer = await startServer(testConfig({ databaseUrl: server.server.ctx.config.databaseUrl }));
    try {
      const otherApi = new ApiClient(other.url, server.adminToken);
      const token = await newToken('used on both servers');
      assert.equal(await statusWith(token, otherApi), 200);
      const revoked = await api.get('/api/v1/auth/tokens');
      const id = revoked.body.data.find((t: { name: string }) => t.name === 'used on both servers').id;
      assert.equal((await api.delete(`/api/v1/auth/tokens/${id}`)).status, 204);
      await eventually(async () => (await statusWith(token, otherApi)) === 401, 'the other server refuses it');

      const field = await api.post('/api/v1/metadata/modules/contacts/fields', {
        name: 'addedOnTheFirstServer',
        type: 'text',
        label: { fa: 'فیلد سرور اول' },
      });
      assert.equal(field.status, 201);
      await eventually(
        async () =>
          (await otherApi.post('/api/v1/contacts', { lastName: 'کریمی', custom: { addedOnTheFirstServer: 'آری' } }))
            .status === 201,
        'the other server accepts the new field',
      );
    } finally {
      await other.stop();
    }
  });

  test('while the listening connection is down, credentials are read from the database every time', async () => {
    const listener = `peyvand listen peyvand_credentials_changed`;
    const url = server.server.ctx.config.databaseUrl!;
    const terminate = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const result = await client.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()',
        [listener],
      );
      await client.end();
      return result.rowCount ?? 0;
    };
    const listening = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where application_name = ${listener} and datname = current_database()`.execute(db())
      ).rows[0]!.n === 1;

    const token = await newToken('listener lost');
    assert.equal(await statusWith(token), 200);
    assert.equal(await terminate(), 1, 'the listening connection was found and ended');
    await sql`update api_tokens set revoked_at = now() where name = 'listener lost'`.execute(db());
    await eventually(async () => (await statusWith(token)) === 401, 'refused though no notification came');

    await eventually(listening, 'the server listens again');
    const later = await newToken('after reconnection');
    assert.equal(await statusWith(later), 200);
    assert.equal(await statusWith(later), 200);
    await sql`update api_tokens set revoked_at = now() where name = 'after reconnection'`.execute(db());
    await eventually(async () => (await statusWith(later)) === 401, 'notifications are heard again');
  });
}
