import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEFAULT_WORKSPACE_ID } from '../src/core/auth/first-admin.js';
import type { Actor } from '../src/core/auth/principal.js';
import { planRecords, storeRecords } from '../src/core/records/record-write.js';
import { scopeOf } from '../src/core/records/records.routes.js';
import { ApiClient } from './support/api-client.js';
import { nationalCode, ok } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

/*
 * Imports store new records many at a time (planRecords + storeRecords) instead of one by one
 * (writeRecord). Whichever path a record takes, it must come out the same.
 */

let server: TestServer;
let api: ApiClient;
let actor: Actor;
let organizationId: string;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  const me = ok(await api.get('/api/v1/me'));
  actor = { workspaceId: DEFAULT_WORKSPACE_ID, userId: me.id, role: 'admin' };
  organizationId = ok(await api.post('/api/v1/organizations', { name: 'پرتو گستر امید' }), 201).id;
  ok(
    await api.post('/api/v1/metadata/modules/contacts/fields', {
      name: 'nickname',
      type: 'text',
      label: { fa: 'لقب', en: 'Nickname' },
    }),
    201,
  );
});
after(() => server.stop());

const input = (lastName: string) => ({
  firstName: 'علی',
  lastName,
  organizationId,
  nationalCode: nationalCode('001234567'),
  phones: [{ kind: 'mobile', number: '۰۹۱۲ ۱۲۳ ۴۵۶۷' }],
  emails: [{ kind: 'work', address: 'Ali@Example.ir' }],
  birthDate: '1370/01/15',
  custom: { nickname: 'علی‌آقا' },
});

async function storedRow(id: string) {
  const db = server.server.ctx.database.db;
  const row = await db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const history = await db.selectFrom('record_history').selectAll().where('record_id', '=', id).execute();
  return { row, history };
}

async function bulkCreate(inputs: Record<string, unknown>[]) {
  const ctx = server.server.ctx;
  const modules = await ctx.registry.currentModules(actor.workspaceId);
  const scope = scopeOf(ctx, actor, modules, 'contacts');
  const parsed = inputs.map((i) => modules.get('contacts')!.schemas.create.parse(i));
  const plan = await planRecords(scope, ctx.database.db, parsed);
  await ctx.database.db.transaction().execute((trx) => storeRecords(scope, trx, plan));
  return plan;
}

test('a contact stored in bulk is stored exactly as one created through the API', async () => {
  const single = ok(await api.post('/api/v1/contacts', input('کاظمی')), 201);
  const plan = await bulkCreate([input('کاظمی')]);
  const [outcome] = plan.outcomes;
  assert.ok(outcome && 'id' in outcome);

  const one = await storedRow(single.id);
  const bulk = await storedRow(outcome.id);
  for (const column of [
    'data',
    'custom',
    'search_text',
    'owner_id',
    'owner_group_id',
    'created_by',
    'version',
  ] as const)
    assert.deepEqual(bulk.row[column], one.row[column], column);
  assert.equal(bulk.history.length, 1);
  assert.deepEqual(
    [bulk.history[0]!.action, bulk.history[0]!.changes, bulk.history[0]!.changed_by],
    [one.history[0]!.action, one.history[0]!.changes, one.history[0]!.changed_by],
  );
  const apiView = ok(await api.get(`/api/v1/contacts/${outcome.id}`));
  assert.equal(apiView.custom.nickname, 'علی‌آقا');
  assert.equal(apiView.phones[0].number, '+989121234567');
});

test('refused records are answered with their fields and leave no row; the others are numbered in order', async () => {
  const before = ok(await api.get('/api/v1/contacts?limit=1&sort=-number')).data[0].number as string;
  const plan = await bulkCreate([
    input('اول'),
    { ...input('ناموجود'), organizationId: '01900000-0000-7000-8000-000000000000' },
    input('دوم'),
  ]);
  const [first, missing, second] = plan.outcomes;
  assert.ok(missing && 'refused' in missing);
  assert.deepEqual(
    missing.refused.issues.map((i) => [i.field, i.code]),
    [['organizationId', 'reference_not_found']],
  );
  assert.ok(first && 'id' in first && second && 'id' in second);
  const numbers = await Promise.all(
    [first.id, second.id].map(async (id) => ok(await api.get(`/api/v1/contacts/${id}`)).number as string),
  );
  const sequence = (n: string) => Number(n.split('-')[1]);
  assert.deepEqual(numbers.map(sequence), [sequence(before) + 1, sequence(before) + 2]);
  const stored = ok(
    await api.post('/api/v1/contacts/query', { filter: { field: 'lastName', op: 'eq', value: 'ناموجود' } }),
  );
  assert.equal(stored.data.length, 0);
});
