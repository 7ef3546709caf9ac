import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEFAULT_WORKSPACE_ID } from '../src/core/auth/first-admin.js';
import type { RecordScope } from '../src/core/records/record-scope.js';
import { scopeOf } from '../src/core/records/records.routes.js';
import { type Converted, type RunKeys, planBatch } from '../src/modules/imports/import-batch-plan.js';
import { importPlan } from '../src/modules/imports/import-plan.js';
import type { ImportOptions, OnDuplicate } from '../src/modules/imports/imports.tables.js';
import type { RowConverter } from '../src/modules/imports/row-conversion.js';
import { ApiClient } from './support/api-client.js';
import { ok } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

/*
 * An import plans a batch while the one before is still being written, so a repeat of a row of
 * that batch cannot be found in the database yet: the run remembers what it created. Planning is
 * tested here on its own, where no timing can hide a mistake.
 */

const HEADER = ['Last Name', 'Email'];
let server: TestServer;
let scope: RecordScope;
let converter: RowConverter;
let storedId: string;

before(async () => {
  server = await startTestServer();
  const api = new ApiClient(server.url, server.adminToken);
  storedId = ok(
    await api.post('/api/v1/contacts', { lastName: 'Stored', emails: [{ kind: 'work', address: 'a@x.ir' }] }),
    201,
  ).id;
  const me = ok(await api.get('/api/v1/me'));
  const ctx = server.server.ctx;
  const actor = { workspaceId: DEFAULT_WORKSPACE_ID, userId: me.id, role: 'admin' as const };
  scope = scopeOf(ctx, actor, await ctx.registry.currentModules(DEFAULT_WORKSPACE_ID), 'contacts');
  converter = importPlan(scope, HEADER, null).converter;
});
after(() => server.stop());

let rowNumber = 1;
async function batch(...rows: [string, string][]): Promise<Converted[]> {
  return Promise.all(
    rows.map(async (cells) => ({
      row: { number: ++rowNumber, cells },
      after: rowNumber,
      ...(await converter.convert(cells)),
    })),
  );
}

const options = (onDuplicate: OnDuplicate): ImportOptions => ({
  mapping: {},
  onDuplicate,
  matchOn: 'email',
  sheet: null,
});
const outcomes = (results: { outcome: string; recordId?: string | null }[]) =>
  results.map((r) => [r.outcome, r.recordId]);

test('a repeat of a row the run created in an earlier, maybe uncommitted batch is skipped as its duplicate', async () => {
  const runKeys: RunKeys = new Map();
  const first = (await planBatch(scope, converter, await batch(['Two', 'b@x.ir']), options('skip'), runKeys))!;
  const [created] = first.results;
  assert.equal(created!.outcome, 'created');
  // The first batch is never stored: only the run's memory can know of it.
  const second = (await planBatch(
    scope,
    converter,
    await batch(['Four', 'B@x.ir'], ['Stored again', 'a@x.ir'], ['Five', 'd@x.ir']),
    options('skip'),
    runKeys,
  ))!;
  assert.deepEqual(outcomes(second.results as never), [
    ['skipped', created!.recordId],
    ['skipped', storedId],
    ['created', second.records.records[0]!.id],
  ]);
  assert.equal(second.records.records.length, 1);
});

test('within one batch, a repeat is skipped as the duplicate of the row before it', async () => {
  const plan = (await planBatch(
    scope,
    converter,
    await batch(['Seven', 'e@x.ir'], ['Eight', 'e@x.ir']),
    options('skip'),
    new Map(),
  ))!;
  const [seven, eight] = plan.results;
  assert.deepEqual([seven!.outcome, eight!.outcome, eight!.recordId], ['created', 'skipped', seven!.recordId]);
});

test('updates go onto stored duplicates in the batch; onto a record of this run, the batch is written row by row', async () => {
  const runKeys: RunKeys = new Map();
  const plan = (await planBatch(
    scope,
    converter,
    await batch(['G1', 'g@x.ir'], ['A', 'a@x.ir']),
    options('update'),
    runKeys,
  ))!;
  assert.deepEqual(
    plan.overwrites.map((o) => [o.position, o.duplicateId]),
    [[1, storedId]],
  );
  assert.equal(plan.results[1], undefined);
  assert.equal(await planBatch(scope, converter, await batch(['G2', 'g@x.ir']), options('update'), runKeys), undefined);
  assert.equal(
    await planBatch(scope, converter, await batch(['H1', 'h@x.ir'], ['H2', 'h@x.ir']), options('update'), new Map()),
    undefined,
  );
});
