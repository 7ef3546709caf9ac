import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
});
after(() => server.stop());

test('the seed 004 lead is stored with its phones in E.164 and found by its Arabic-letter spelling', async () => {
  const created = await api.post('/api/v1/leads', {
    firstName: 'احمد',
    lastName: 'صادقی',
    company: 'پرتو گستر امید',
    phone: '03191007879',
    mobile: '09138086200',
  });
  assert.equal(created.status, 201);
  assert.equal(created.body.mobile, '+989138086200');
  assert.equal(created.body.phone, '+983191007879');
  assert.match(created.body.number, /^LEAD-\d+$/);

  const found = await api.get(`/api/v1/search?q=${encodeURIComponent('احمد صادقي')}`);
  assert.equal(found.status, 200);
  assert.deepEqual(found.body.data.map((r: { id: string }) => r.id), [created.body.id]);
});
