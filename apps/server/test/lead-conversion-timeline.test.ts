import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createSeedLead, tehran } from './support/activity-helpers.js';
import { ApiClient } from './support/api-client.js';
import { ok } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
});
after(() => server.stop());

const timelineIds = async (module: string, id: string) =>
  (ok(await api.get(`/api/v1/${module}/${id}/timeline?kinds=note,activity`)).data as { id: string }[]).map(
    (entry) => entry.id,
  );

test('a converted lead’s notes and follow-up call show on what it became, and still on the lead', async () => {
  const lead = await createSeedLead(api);
  const links = [{ module: 'leads', id: lead.id }];
  const note = ok(await api.post('/api/v1/notes', { body: 'مشتری به کاشی صنعتی علاقه دارد.', links }), 201);
  const call = ok(
    await api.post('/api/v1/activities', {
      type: 'call',
      subject: 'پیگیری پیش‌فاکتور',
      startsAt: tehran('2030-01-02', '11:00'),
      links,
    }),
    201,
  );

  const converted = ok(await api.post(`/api/v1/leads/${lead.id}/convert`, {}));
  for (const [module, id] of [
    ['organizations', converted.organizationId],
    ['contacts', converted.contactId],
    ['opportunities', converted.opportunityId],
    ['leads', lead.id],
  ]) {
    assert.deepEqual((await timelineIds(module, id)).sort(), [note.id, call.id].sort(), `${module} timeline`);
  }

  const movedNote = ok(await api.get(`/api/v1/notes/${note.id}`));
  assert.equal(movedNote.version, note.version + 1);
  const history = ok(await api.get(`/api/v1/notes/${note.id}/history`));
  assert.equal(history.data[0].changes[0].field, 'links');
});
