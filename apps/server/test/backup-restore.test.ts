import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { appTables, sequenceStates } from '../src/core/db/backup/app-tables.js';
import { openDatabase } from '../src/core/db/database.js';
import { loadDemo } from '../src/demo/demo-loader.js';
import { startServer } from '../src/server.js';
import { ApiClient } from './support/api-client.js';
import { freshPostgresDatabase, logIn, testConfig, usingPostgres } from './support/auth-helpers.js';
import { type CliTarget, runCli } from './support/cli-runner.js';
import { ok } from './support/records-helpers.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer } from './support/test-server.js';

type Contents = Record<string, string[]>;

/** Every row of every table, as PostgreSQL writes it as JSON, sorted; and every sequence's position. */
async function contentsOf(target: CliTarget): Promise<Contents> {
  const handle = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    return await handle.db.transaction().execute(async (trx) => {
      await sql`set local timezone = 'UTC'`.execute(trx);
      const contents: Contents = {};
      for (const table of await appTables(trx)) {
        const rows = await sql<{
          row: string;
        }>`select to_jsonb(t)::text as row from ${sql.table(table.name)} t`.execute(trx);
        contents[table.name] = rows.rows.map((r) => r.row).sort();
      }
      contents.sequences = (await sequenceStates(trx)).map((s) => `${s.name}=${s.lastValue}`);
      return contents;
    });
  } finally {
    await handle.close();
  }
}

async function cli(target: CliTarget, args: string[]): Promise<string> {
  const run = await runCli(target, args);
  assert.equal(run.code, 0, `peyvand ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

const scratch: { dirs: string[]; drops: (() => Promise<void>)[] } = { dirs: [], drops: [] };

async function emptyPgliteTarget(): Promise<CliTarget> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'peyvand-restore-'));
  scratch.dirs.push(dir);
  return { dataDir: dir, databaseUrl: undefined };
}

async function emptyPostgresTarget(): Promise<CliTarget> {
  const database = await freshPostgresDatabase();
  scratch.drops.push(database.drop);
  return { dataDir: await fs.mkdtemp(path.join(os.tmpdir(), 'peyvand-restore-')), databaseUrl: database.url };
}

describe('backup and restore', () => {
  let source: CliTarget;
  let sourceContents: Contents;
  let backupFile: string;
  let contactId: string;

  before(async () => {
    source = await emptyPgliteTarget();
    backupFile = path.join(source.dataDir, 'peyvand.jsonl.gz');
    // On PostgreSQL the source is a scratch database of its own; otherwise PGlite in source.dataDir.
    const test = await startTestServer({ dataDir: source.dataDir });
    source.databaseUrl = test.server.ctx.config.databaseUrl;
    try {
      await loadDemo(test.server.ctx, { organizations: 4, contacts: 12, leads: 4, seed: '1404' }, () => undefined);
      const api = new ApiClient(test.url, test.adminToken);
      ok(
        await api.post('/api/v1/metadata/modules/contacts/fields', {
          name: 'nickname',
          type: 'text',
          label: { fa: 'لقب', en: 'Nickname' },
        }),
        201,
      );
      const contact = ok(
        await api.post('/api/v1/contacts', {
          firstName: 'سارا',
          lastName: 'پیوندی',
          custom: { nickname: 'سارا‌جان 🌷' },
        }),
        201,
      );
      contactId = contact.id;
      ok(await api.patch(`/api/v1/contacts/${contactId}`, { custom: { nickname: 'سارا' }, version: contact.version }));
      ok(
        await api.post('/api/v1/notes', { body: 'تماس گرفته شد', links: [{ module: 'contacts', id: contactId }] }),
        201,
      );
      await test.server.stop();
      // An import keeps its uploaded file in the database: bytea comes back byte for byte too.
      const csv = path.join(source.dataDir, 'contacts.csv');
      await fs.writeFile(csv, 'First Name,Last Name\nرضا,ایرانی\n');
      await cli(source, ['import', '--module', 'contacts', '--file', csv]);
      sourceContents = await contentsOf(source);
      await cli(source, ['backup', backupFile]);
    } finally {
      scratch.drops.push(test.stop);
    }
  });

  after(async () => {
    for (const drop of scratch.drops) await drop();
    for (const dir of scratch.dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  test("the backup is gzip'd JSON lines whose header names the schema and every table", async () => {
    const stdout = await cli(source, ['backup', path.join(source.dataDir, 'again.jsonl.gz')]);
    assert.match(stdout, /\d+ tables, \d+ rows, schema \d{4}_/);
    const { gunzipSync } = await import('node:zlib');
    const lines = gunzipSync(await fs.readFile(backupFile))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const header = JSON.parse(lines[0]!);
    assert.equal(header.format, 'peyvand-backup');
    assert.deepEqual(
      header.tables.map((t: { name: string }) => t.name).sort(),
      Object.keys(sourceContents)
        .filter((t) => t !== 'sequences')
        .sort(),
    );
    const rows = header.tables.reduce((sum: number, t: { rows: number }) => sum + t.rows, 0);
    assert.equal(lines.length, 1 + rows);
  });

  let restored: CliTarget;

  test('restored into an empty database, every row, history entry, field definition and sequence is back', async () => {
    restored = await emptyPgliteTarget();
    await cli(restored, ['restore', backupFile]);
    assert.deepEqual(await contentsOf(restored), sourceContents);
  });

  test('the restored database serves the same records: passwords work, history is there, new records number on', async () => {
    const target = restored;
    const server = await startServer(testConfig({ dataDir: target.dataDir }));
    try {
      const session = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
      const api = new ApiClient(server.url);
      const options = { cookie: session.cookie, csrf: session.csrf };
      const contact = ok(await api.get(`/api/v1/contacts/${contactId}`, options));
      assert.equal(contact.custom.nickname, 'سارا');
      const history = ok(await api.get(`/api/v1/contacts/${contactId}/history`, options));
      assert.ok(
        history.data.some((h: { changes: { field: string }[] }) =>
          h.changes.some((c) => c.field === 'custom.nickname'),
        ),
      );
      const contacts = ok(await api.get('/api/v1/contacts?limit=200', options));
      const numbers = contacts.data.map((c: { number: string }) => c.number);
      const created = ok(await api.post('/api/v1/contacts', { firstName: 'تازه' }, options), 201);
      assert.ok(!numbers.includes(created.number), `${created.number} is a new number`);
      ok(await api.patch(`/api/v1/contacts/${created.id}`, { lastName: 'وارد', version: created.version }, options));
    } finally {
      await server.stop();
    }
  });

  test('a database that holds data is refused without --force and left as it was; --force replaces it', async () => {
    const target = await emptyPgliteTarget();
    await cli(target, ['demo', '--organizations', '1', '--contacts', '2', '--leads', '0']);
    const before = await contentsOf(target);
    const refused = await runCli(target, ['restore', backupFile]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not empty .*records.*--force/);
    assert.deepEqual(await contentsOf(target), before);
    await cli(target, ['restore', '--force', backupFile]);
    assert.deepEqual(await contentsOf(target), sourceContents);
  });

  test('a file that is not a backup is refused', async () => {
    const target = await emptyPgliteTarget();
    const bogus = path.join(target.dataDir, 'bogus.gz');
    const { gzipSync } = await import('node:zlib');
    await fs.writeFile(bogus, gzipSync('{"hello":"world"}\n'));
    const run = await runCli(target, ['restore', bogus]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /not a Peyvand backup/);
  });

  if (usingPostgres()) {
    test('across engines: PostgreSQL → PGlite → PostgreSQL gives back the same content', async () => {
      const embedded = await emptyPgliteTarget();
      await cli(embedded, ['restore', backupFile]);
      const fromEmbedded = path.join(embedded.dataDir, 'from-pglite.jsonl.gz');
      await cli(embedded, ['backup', fromEmbedded]);
      const postgres = await emptyPostgresTarget();
      scratch.dirs.push(postgres.dataDir);
      await cli(postgres, ['restore', fromEmbedded]);
      assert.deepEqual(await contentsOf(postgres), sourceContents);
    });
  }
});
