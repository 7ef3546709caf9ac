import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { modules } from '@peyvand/shared';
import { sql } from 'kysely';
import { DEFAULT_WORKSPACE_ID } from '../src/core/auth/first-admin.js';
import { openDatabase } from '../src/core/db/database.js';
import { migrate } from '../src/core/db/migrate.js';
import { type RunningServer, startServer } from '../src/server.js';
import { ApiClient } from './support/api-client.js';
import { freshPostgresDatabase, logIn, testConfig, usingPostgres } from './support/auth-helpers.js';

const MIGRATIONS = (await fs.readdir(fileURLToPath(new URL('../migrations/', import.meta.url)))).filter((f) => f.endsWith('.sql')).sort();

test('migrate applies every migration once, in order; a second run applies nothing and keeps the data', async () => {
  const database = usingPostgres() ? await freshPostgresDatabase() : undefined;
  const handle = await openDatabase({ databaseUrl: database?.url, dataDir: 'memory://' });
  try {
    const logged: string[] = [];
    assert.deepEqual((await migrate(handle.db, (m) => logged.push(m))).applied, MIGRATIONS);
    assert.deepEqual(logged, MIGRATIONS.map((f) => `migration ${f} applied`));
    await sql`insert into login_attempts (key, succeeded) values ('marker', true)`.execute(handle.db);

    assert.deepEqual((await migrate(handle.db)).applied, []);
    const rows = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(handle.db);
    assert.deepEqual(rows.rows.map((r) => r.name), MIGRATIONS);
    const marker = await sql<{ n: number }>`select count(*)::int as n from login_attempts where key = 'marker'`.execute(handle.db);
    assert.equal(marker.rows[0]!.n, 1, 'a re-run does not touch the data');
    const workspaces = await sql<{ n: number }>`select count(*)::int as n from workspaces`.execute(handle.db);
    assert.equal(workspaces.rows[0]!.n, 1, 'seed rows are not inserted twice');
  } finally {
    await handle.close();
    await database?.drop();
  }
});

test('each name-sort index covers the modules that have its field, and a list sorted by it walks the index', async () => {
  const database = usingPostgres() ? await freshPostgresDatabase() : undefined;
  const handle = await openDatabase({ databaseUrl: database?.url, dataDir: 'memory://' });
  try {
    await migrate(handle.db);
    const fieldOf = {
      records_live_by_last_name: 'lastName',
      records_live_by_first_name: 'firstName',
      records_live_by_name: 'name',
    };
    for (const [index, field] of Object.entries(fieldOf)) {
      const { rows } = await sql<{ indexdef: string }>`
        select indexdef from pg_indexes where indexname = ${index}`.execute(handle.db);
      const predicate = rows[0]!.indexdef.split(' WHERE ')[1]!;
      const covered = [...predicate.matchAll(/'([\w-]+)'::text/g)].map((m) => m[1]).sort();
      const declaring = modules
        .filter((m) => m.fields.some((f) => f.name === field))
        .map((m) => m.name)
        .sort();
      assert.deepEqual(covered, declaring, `${index}: modules with a ${field} field`);
    }
    // The list's own shape (records/sort.ts): module and field name are bound, as the service binds them.
    const plan = await handle.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_bitmapscan = off`.execute(trx);
      return sql<{ 'QUERY PLAN': string }>`explain select id from records
        where workspace_id = ${DEFAULT_WORKSPACE_ID} and module = ${'contacts'} and deleted_at is null
        order by coalesce(data -> ${'lastName'}, 'null'::jsonb), id limit 20`.execute(trx);
    });
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    assert.match(text, /Index Scan using records_live_by_last_name/, text);
    assert.doesNotMatch(text, /Sort/, text);
  } finally {
    await handle.close();
    await database?.drop();
  }
});

// Several app servers sharing one database only happens on PostgreSQL: registered only there.
if (usingPostgres()) {
  describe('two app servers started at once on one fresh PostgreSQL database', () => {
    let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
    let servers: RunningServer[] = [];

    before(async () => {
      database = await freshPostgresDatabase();
      const config = testConfig({
        databaseUrl: database.url,
        adminEmail: 'shared-admin@peyvand.test',
        adminPassword: 'Shared-admin-1403',
        loginRateLimitPerMinute: 5,
      });
      const started = await Promise.allSettled([startServer(config), startServer(config)]);
      servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      for (const result of started) if (result.status === 'rejected') throw result.reason;
    });
    after(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await database.drop();
    });

    test('both come up and answer /readyz', async () => {
      assert.equal(servers.length, 2);
      for (const server of servers) {
        const ready = await new ApiClient(server.url, null).get('/readyz');
        assert.equal(ready.status, 200);
        assert.equal(ready.body.database, 'postgres');
      }
    });

    test('schema_migrations lists each migration exactly once', async () => {
      const rows = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(servers[0]!.ctx.database.db);
      assert.deepEqual(rows.rows.map((r) => r.name), MIGRATIONS);
    });

    test('exactly one first administrator is created, and a session made on one server works on the other', async () => {
      const users = await sql<{ email: string }>`select data ->> 'email' as email from records where module = 'users'`.execute(servers[0]!.ctx.database.db);
      assert.deepEqual(users.rows.map((r) => r.email), ['shared-admin@peyvand.test']);
      const session = await logIn(servers[0]!.url, 'shared-admin@peyvand.test', 'Shared-admin-1403');
      const elsewhere = await new ApiClient(servers[1]!.url, null).get('/api/v1/auth/session', { cookie: session.cookie });
      assert.equal(elsewhere.status, 200);
      assert.equal(elsewhere.body.csrfToken, session.csrf);
    });

    test('the login rate limit counts attempts made on either server', async () => {
      await servers[0]!.ctx.database.db.deleteFrom('login_attempts').execute();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const server = servers[i % 2]!;
        const response = await new ApiClient(server.url, null).post('/api/v1/auth/login', { email: `guess-${i}@peyvand.test`, password: 'guess' });
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    });
  });
}
