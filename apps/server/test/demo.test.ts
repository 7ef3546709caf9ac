import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadDemo } from '../src/demo/demo-loader.js';
import { ApiClient } from './support/api-client.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
});
after(() => server.stop());

/** Every live record of a module, page by page, as a client would read them. */
async function all(module: string): Promise<Record<string, any>[]> {
  const records: Record<string, any>[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { data: Record<string, any>[]; nextCursor: string | null } } = await api.post(
      `/api/v1/${module}/query`,
      { limit: 200, cursor },
    );
    assert.equal(page.status, 200);
    records.push(...page.body.data);
    cursor = page.body.nextCursor;
  } while (cursor);
  return records;
}

const seedLeadQuery = {
  filter: {
    and: [
      { field: 'mobile', op: 'eq', value: '09138086200' },
      { field: 'company', op: 'eq', value: 'پرتو گستر امید' },
    ],
  },
};

test('the demo loads the requested records through the API’s validation, with the seed 004 lead', async () => {
  const summary = await loadDemo(server.server.ctx, { organizations: 12, contacts: 40, leads: 15, seed: 'test' });
  assert.equal(summary.seedLead?.created, true);

  const [organizations, contacts, leads] = await Promise.all([all('organizations'), all('contacts'), all('leads')]);
  assert.equal(organizations.length, 12);
  assert.equal(contacts.length, 40);
  assert.equal(leads.length, 15);

  const ids = new Set(organizations.map((o) => o.id));
  assert.ok(
    contacts.some((c) => c.organizationId),
    'some contacts belong to an organization',
  );
  for (const c of contacts) {
    if (c.organizationId) assert.ok(ids.has(c.organizationId));
    for (const phone of c.phones) assert.match(phone.number, /^\+98\d{10}$/);
  }
  // The administrator is the only user, so every record is theirs.
  const me = await api.get('/api/v1/me');
  assert.ok([...organizations, ...contacts, ...leads].every((r) => r.ownerId === me.body.id));

  const found = await api.get(`/api/v1/search?q=${encodeURIComponent('احمد صادقي')}&modules=leads`);
  assert.equal(found.status, 200);
  const lead = found.body.data.find((r: any) => r.record.company === 'پرتو گستر امید')?.record;
  assert.ok(lead, 'the seed lead is found by its Arabic-letter spelling');
  assert.equal(lead.id, summary.seedLead?.id);
  assert.equal(lead.firstName, 'احمد');
  assert.equal(lead.lastName, 'صادقی');
  assert.equal(lead.phone, '+983191007879');
  assert.equal(lead.mobile, '+989138086200');
  assert.deepEqual(lead.typed, { phone: '03191007879', mobile: '09138086200' });

  const byPhone = await api.get(`/api/v1/search?q=${encodeURIComponent('0319 100 7879')}`);
  assert.deepEqual(
    byPhone.body.data.map((r: any) => r.id),
    [lead.id],
    'the landline typed with spaces finds the lead',
  );
});

test('running the demo again adds records but not a second seed 004 lead', async () => {
  const summary = await loadDemo(server.server.ctx, { organizations: 2, contacts: 3, leads: 4, seed: 'again' });
  assert.equal(summary.seedLead?.created, false);
  const matches = await api.post('/api/v1/leads/query', seedLeadQuery);
  assert.equal(matches.status, 200);
  assert.equal(matches.body.data.length, 1);
  assert.equal((await all('leads')).length, 19);
  assert.equal((await all('contacts')).length, 43);
});
