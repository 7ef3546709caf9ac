import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { loadConfig } from '../src/config.js';
import { DEFAULT_WORKSPACE_ID } from '../src/core/auth/first-admin.js';
import type { AppContext } from '../src/core/context.js';
import { checkpointAndVacuum, takeSnapshot } from '../src/core/db/embedded-maintenance.js';
import { scopeOf } from '../src/core/records/records.routes.js';
import { createRecord } from '../src/core/records/records.service.js';
import { openContext } from '../src/server.js';

/** Embedded mode only: these tests always run PGlite on a real data directory, whatever DATABASE_URL says. */
let dataDir: string;
let ctx: AppContext;
const system = { workspaceId: DEFAULT_WORKSPACE_ID, userId: null, role: 'admin' as const };

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'peyvand-embedded-'));
  ctx = await openContext({ ...loadConfig({}), databaseUrl: undefined, dataDir });
});
after(async () => {
  await ctx.database.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function addOrganizations(count: number) {
  const modules = await ctx.registry.currentModules(DEFAULT_WORKSPACE_ID);
  const scope = scopeOf(ctx, system, modules, 'organizations');
  for (let i = 0; i < count; i++) {
    await createRecord(
      scope,
      modules.get('organizations')!.schemas.create.parse({ name: `شرکت نمونه ${i}`, phone: '02188776655' }),
    );
  }
}

test('the data directory lives under PEYVAND_DATA_DIR and survives a reopen', async () => {
  await addOrganizations(3);
  await ctx.database.close();
  ctx = await openContext({ ...loadConfig({}), databaseUrl: undefined, dataDir });
  const rows = await ctx.database.db.selectFrom('records').select('id').where('module', '=', 'organizations').execute();
  assert.equal(rows.length, 3);
  await fs.access(path.join(dataDir, 'pglite', 'PG_VERSION'));
});

test('checkpoint and vacuum run on the embedded database', async () => {
  await addOrganizations(20);
  await ctx.database.db.deleteFrom('records').where('module', '=', 'organizations').execute();
  await checkpointAndVacuum(ctx.database);
  const stats = await ctx.database.db
    .selectFrom('pg_stat_user_tables' as never)
    .select(['last_vacuum' as never])
    .where('relname' as never, '=', 'records' as never)
    .executeTakeFirstOrThrow();
  assert.ok((stats as { last_vacuum: Date | null }).last_vacuum, 'records was vacuumed');
});

test('a snapshot is a complete database that PGlite opens again, and old ones are rotated away', async () => {
  await addOrganizations(2);
  const files: string[] = [];
  for (let i = 0; i < 3; i++) files.push(await takeSnapshot(ctx.database, dataDir, 2));
  const kept = (await fs.readdir(path.join(dataDir, 'snapshots'))).sort();
  assert.deepEqual(
    kept,
    files
      .slice(1)
      .map((f) => path.basename(f))
      .sort(),
  );

  const archive = await fs.readFile(files.at(-1)!);
  const restored = await PGlite.create({ loadDataDir: new Blob([archive]), extensions: { pg_trgm } });
  const result = await restored.query<{ n: number }>(
    "select count(*)::int as n from records where module = 'organizations'",
  );
  assert.equal(result.rows[0]!.n, 2);
  await restored.close();
});

test('the write-ahead log is kept to 128 MB between checkpoints, from the first start on', async () => {
  const walSetting = async () =>
    (await ctx.database.pglite!.query<{ max_wal_size: string }>('show max_wal_size')).rows[0]!.max_wal_size;
  assert.equal(await walSetting(), '128MB');
  await ctx.database.close();
  ctx = await openContext({ ...loadConfig({}), databaseUrl: undefined, dataDir });
  assert.equal(await walSetting(), '128MB', 'still so after a reopen');
});
