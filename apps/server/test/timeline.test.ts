import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createSeedLead, tehran } from './support/activity-helpers.js';
import { ApiClient } from './support/api-client.js';
import { expectProblem, missingId, ok } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;
let lead: { id: string };
const made: { kind: string; id: string }[] = [];

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  lead = await createSeedLead(api);
  made.push({ kind: 'change', id: '' });
  const links = [{ module: 'leads', id: lead.id }];
  for (let i = 0; i < 4; i++) {
    const note = ok(await api.post('/api/v1/notes', { body: `یادداشت ${i}`, links }), 201);
    made.push({ kind: 'note', id: note.id });
    const call = ok(
      await api.post('/api/v1/activities', {
        type: 'call',
        subject: `تماس ${i}`,
        startsAt: tehran('2030-01-01', '11:00'),
        links,
      }),
      201,
    );
    made.push({ kind: 'activity', id: call.id });
  }
  ok(await api.patch(`/api/v1/leads/${lead.id}`, { leadStatus: 'contacted' }));
  made.push({ kind: 'change', id: '' });
  // Not on this lead's timeline: unlinked, and linked then deleted.
  ok(await api.post('/api/v1/notes', { body: 'یادداشت دیگر' }), 201);
  const gone = ok(await api.post('/api/v1/notes', { body: 'حذف شده', links }), 201);
  ok(await api.delete(`/api/v1/notes/${gone.id}`));
});
after(() => server.stop());

async function walk(query: string, limit: number) {
  const entries: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = ok(
      await api.get(`/api/v1/leads/${lead.id}/timeline?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`),
    );
    entries.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

test('the timeline lists notes, activities and changes of the lead, newest first, across pages', async () => {
  const entries = await walk('', 3);
  assert.deepEqual(
    entries.map((e) => e.kind),
    made.map((m) => m.kind).reverse(),
  );
  const linked = entries.filter((e) => e.kind !== 'change').map((e) => e.id);
  assert.deepEqual(
    linked,
    made
      .filter((m) => m.kind !== 'change')
      .map((m) => m.id)
      .reverse(),
  );
  assert.equal(entries[0].change.changes.find((c: any) => c.field === 'leadStatus').to, 'contacted');
  assert.equal(entries[1].record.subject, 'تماس 3');
  assert.equal(entries[2].record.body, 'یادداشت 3');
  const times = entries.map((e) => Date.parse(e.at));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => b - a),
  );
  assert.deepEqual(await walk('', 50), entries, 'page size does not change the order');
});

test('kinds filter the timeline', async () => {
  const notes = await walk('&kinds=note', 2);
  assert.equal(notes.length, 4);
  assert.ok(notes.every((e) => e.kind === 'note'));
  const mixed = await walk('&kinds=activity,change', 50);
  assert.deepEqual(new Set(mixed.map((e) => e.kind)), new Set(['activity', 'change']));
  assert.equal(mixed.length, 6);
});

test('bad input names the parameter; an unknown record is 404', async () => {
  expectProblem(await api.get(`/api/v1/leads/${lead.id}/timeline?kinds=tweet`), 400, { field: 'kinds.0' });
  expectProblem(await api.get(`/api/v1/leads/${lead.id}/timeline?cursor=bm9wZQ`), 400, {
    field: 'cursor',
    code: 'invalid_cursor',
  });
  expectProblem(await api.get(`/api/v1/leads/${missingId()}/timeline`), 404);
});
