import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { expectProblem, nationalCode, ok, walkPages } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

type Rec = Record<string, any> & { id: string; version: number };

let server: TestServer;
let admin: ApiClient;
let org: Rec;
let other: Rec;
let maryam: Rec;

const CODE = nationalCode('004356781');

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  org = ok(await admin.post('/api/v1/organizations', { name: 'شرکت نمونه' }), 201);
  other = ok(await admin.post('/api/v1/organizations', { name: 'شرکت دیگر' }), 201);
  maryam = ok(
    await admin.post('/api/v1/contacts', {
      firstName: 'مریم',
      lastName: 'رضایی',
      organizationId: org.id,
      nationalCode: CODE,
      phones: [{ kind: 'mobile', number: '09121234567' }],
      emails: [{ kind: 'work', address: 'maryam@example.ir' }],
    }),
    201,
  );
  ok(await admin.post('/api/v1/contacts', { firstName: 'مریم', lastName: 'احمدی', organizationId: org.id }), 201);
  ok(await admin.post('/api/v1/contacts', { firstName: 'علی', lastName: 'رضایی', emails: [{ kind: 'work', address: 'ali@example.ir' }] }), 201);
});
after(() => server.stop());

const check = async (values: Record<string, unknown>) =>
  ok(await admin.post('/api/v1/contacts/duplicates/check', { values })).data as { record: Rec; reasons: string[] }[];

describe('duplicate check before saving', () => {
  test('each kind of match is found with its reason, however the value is typed', async () => {
    assert.deepEqual((await check({ lastName: 'تازه', nationalCode: CODE.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!) })).map((d) => [d.record.id, d.reasons]), [[maryam.id, ['nationalCode']]]);
    assert.deepEqual((await check({ lastName: 'تازه', phones: [{ kind: 'mobile', number: '+98 912 123 4567' }] })).map((d) => [d.record.id, d.reasons]), [[maryam.id, ['mobile']]]);
    assert.deepEqual((await check({ lastName: 'تازه', emails: [{ kind: 'personal', address: 'maryam@example.ir' }] })).map((d) => [d.record.id, d.reasons]), [[maryam.id, ['email']]]);
    // Arabic yeh and a different spelling of the same letters, in the same organization.
    assert.deepEqual((await check({ firstName: 'مريم', lastName: 'رضايي', organizationId: org.id })).map((d) => [d.record.id, d.reasons]), [[maryam.id, ['name']]]);
  });

  test('unrelated records, the same name in another organization, and the record itself are not duplicates', async () => {
    assert.deepEqual(await check({ firstName: 'مریم', lastName: 'رضایی', organizationId: other.id }), []);
    assert.deepEqual(await check({ firstName: 'سارا', lastName: 'کریمی', emails: [{ kind: 'work', address: 'sara@example.ir' }] }), []);
    const self = ok(await admin.post('/api/v1/contacts/duplicates/check', { values: { nationalCode: CODE }, excludeId: maryam.id }));
    assert.deepEqual(self.data, []);
    const all = await check({ firstName: 'مریم', lastName: 'رضایی', organizationId: org.id, nationalCode: CODE, emails: [{ kind: 'work', address: 'maryam@example.ir' }] });
    assert.deepEqual(all.map((d) => [d.record.id, d.reasons.sort()]), [[maryam.id, ['email', 'name', 'nationalCode']]]);
  });

  test('a name written with other spacing is near-identical: «محمدرضا» and «محمد رضا», a company’s «پرتوگستر» and «پرتو گستر»', async () => {
    const mohammadreza = ok(
      await admin.post('/api/v1/contacts', { firstName: 'محمدرضا', lastName: 'کاظمی', organizationId: org.id }),
      201,
    );
    const found = async (values: Record<string, unknown>) => (await check(values)).map((d) => [d.record.id, d.reasons]);
    assert.deepEqual(await found({ firstName: 'محمد رضا', lastName: 'کاظمی', organizationId: org.id }), [
      [mohammadreza.id, ['name']],
    ]);
    // A zero-width non-joiner between the parts, and Arabic letters.
    assert.deepEqual(await found({ firstName: 'محمد\u200cرضا', lastName: 'كاظمي', organizationId: org.id }), [
      [mohammadreza.id, ['name']],
    ]);
    assert.deepEqual(await found({ firstName: 'محمد رضا', lastName: 'کاظمی', organizationId: other.id }), []);
    assert.deepEqual(await found({ firstName: 'محمد', lastName: 'کاظمی', organizationId: org.id }), []);

    const company = ok(await admin.post('/api/v1/organizations', { name: 'پرتو گستر امید' }), 201);
    const organizations = ok(
      await admin.post('/api/v1/organizations/duplicates/check', { values: { name: 'پرتوگستر امید' } }),
    ).data;
    assert.deepEqual(
      organizations.map((d: { record: Rec; reasons: string[] }) => [d.record.id, d.reasons]),
      [[company.id, ['name']]],
    );
  });

  test('a bad value is named like on create', async () => {
    expectProblem(await admin.post('/api/v1/contacts/duplicates/check', { values: { emails: [{ kind: 'work', address: 'nope' }] } }), 400, {
      field: 'values.emails.0.address',
    });
  });
});

describe('find duplicates', () => {
  test('groups records sharing a key, oldest first, paged', async () => {
    const twin = ok(await admin.post('/api/v1/contacts', { firstName: 'مريم', lastName: 'رضايي', organizationId: org.id, emails: [{ kind: 'personal', address: 'MARYAM@example.ir' }] }), 201);
    // Near-identical: the same name but for its spacing, both in no organization.
    const amir = ok(await admin.post('/api/v1/contacts', { firstName: 'امیرحسین', lastName: 'صادقی' }), 201);
    const amirSpaced = ok(await admin.post('/api/v1/contacts', { firstName: 'امير حسين', lastName: 'صادقی' }), 201);
    const walked = await walkPages((cursor) =>
      admin.get(`/api/v1/contacts/duplicates?limit=1${cursor ? `&cursor=${cursor}` : ''}`),
    );
    assert.equal(walked.pages, 3);
    const groups = walked.records.map((g) => [g.key, g.value, g.records.map((r: Rec) => r.id)]);
    assert.deepEqual(groups, [
      ['email', 'maryam@example.ir', [maryam.id, twin.id]],
      ['name', 'امیرحسین صادقی', [amir.id, amirSpaced.id]],
      ['name', 'مریم رضایی', [maryam.id, twin.id]],
    ]);
    expectProblem(await admin.get('/api/v1/contacts/duplicates?cursor=nonsense'), 400, { field: 'cursor' });
  });
});
