import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { expectProblem, idsOf, missingId, ok, plainUserClient, sortedIds } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;
let adminId: string;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  adminId = ok(await api.get('/api/v1/me')).id;
});
after(() => server.stop());

const numberOf = (n: string) => Number(n.split('-')[1]);

async function createContact(body: Record<string, unknown>) {
  return ok(await api.post('/api/v1/contacts', body), 201);
}

describe('create and read', () => {
  test('the first organization of a fresh database is ORG-1001 and numbers then go up by one', async () => {
    const first = await api.post('/api/v1/organizations', { name: 'پرتو گستر امید' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.number, 'ORG-1001');
    const second = ok(await api.post('/api/v1/organizations', { name: 'نوآوران پارس' }), 201);
    assert.equal(second.number, 'ORG-1002');
  });

  test('a created organization has id, version 1, stamps, creator and owner, and GET returns the same', async () => {
    const started = Date.now();
    const created = await api.post('/api/v1/organizations', {
      name: 'فولاد سپاهان',
      industry: 'manufacturing',
      employees: 120,
      website: 'https://sepahan.example.ir',
    });
    assert.equal(created.status, 201);
    const org = created.body;
    assert.match(org.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.match(org.number, /^ORG-\d+$/);
    assert.equal(org.version, 1);
    assert.equal(org.createdBy, adminId);
    assert.equal(org.ownerId, adminId, 'the owner defaults to the creator');
    assert.equal(org.ownerGroupId, null);
    assert.equal(org.name, 'فولاد سپاهان');
    assert.equal(org.employees, 120);
    assert.deepEqual(org.custom, {});
    const createdAt = Date.parse(org.createdAt);
    assert.ok(createdAt >= started - 5_000 && createdAt <= Date.now() + 5_000, org.createdAt);
    assert.equal(org.updatedAt, org.createdAt);
    assert.equal(created.headers.get('location'), `/api/v1/organizations/${org.id}`);

    const fetched = await api.get(`/api/v1/organizations/${org.id}`);
    assert.equal(fetched.status, 200);
    assert.deepEqual(fetched.body, org);
  });

  test('contacts and leads get CON- and LEAD- numbers, one after the other', async () => {
    const a = await createContact({ firstName: 'سارا', lastName: 'احمدی' });
    const b = await createContact({ lastName: 'کریمی' });
    assert.match(a.number, /^CON-\d+$/);
    assert.equal(numberOf(b.number), numberOf(a.number) + 1);
    assert.equal(a.ownerId, adminId);
    assert.equal(a.version, 1);

    const lead1 = ok(await api.post('/api/v1/leads', { company: 'تجارت نوین' }), 201);
    const lead2 = ok(await api.post('/api/v1/leads', { firstName: 'مهدی' }), 201);
    assert.match(lead1.number, /^LEAD-\d+$/);
    assert.equal(numberOf(lead2.number), numberOf(lead1.number) + 1);
    assert.equal(lead1.converted, false, 'a new lead is not converted');
    assert.equal(lead1.createdBy, adminId);
  });

  test('numbers stay unique when many records are created at once', async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api.post('/api/v1/leads', { lastName: `هم‌زمان ${i}` })),
    );
    for (const r of created) assert.equal(r.status, 201, JSON.stringify(r.body));
    const numbers = created.map((r) => numberOf(r.body.number)).sort((x, y) => x - y);
    assert.equal(new Set(numbers).size, 12);
    assert.equal(numbers.at(-1)! - numbers[0]!, 11, 'consecutive numbers');
  });

  test('an unknown or malformed id is 404 or 400, not 500', async () => {
    expectProblem(await api.get(`/api/v1/contacts/${missingId()}`), 404);
    expectProblem(await api.get('/api/v1/contacts/not-a-uuid'), 400, { field: 'id' });
    expectProblem(await api.patch(`/api/v1/contacts/${missingId()}`, { title: 'x' }), 404);
    expectProblem(await api.delete(`/api/v1/contacts/${missingId()}`), 404);
    // An organization's id is not a contact.
    const org = ok(await api.post('/api/v1/organizations', { name: 'سازمان دیگر' }), 201);
    expectProblem(await api.get(`/api/v1/contacts/${org.id}`), 404);
  });

  test('an owner can be another user or a group; a missing user as owner is refused', async () => {
    const other = await plainUserClient(server.url, api);
    const contact = await createContact({ lastName: 'واگذار شده', ownerId: other.id });
    assert.equal(contact.ownerId, other.id);
    assert.equal(contact.createdBy, adminId);
    const group = ok(await api.post('/api/v1/groups', { name: 'تیم فروش تهران' }), 201);
    const byGroup = await createContact({ lastName: 'گروهی', ownerGroupId: group.id });
    assert.equal(byGroup.ownerGroupId, group.id);
    assert.equal(byGroup.ownerId, null, 'a record assigned to a group has no owning user');
    const bad = await api.post('/api/v1/contacts', { lastName: 'بی‌صاحب', ownerId: missingId() });
    expectProblem(bad, 400, { field: 'ownerId', code: 'reference_not_found' });
  });
});

describe('ownership', () => {
  test('a record never ends up without an owner: clearing both ownerId and ownerGroupId is refused', async () => {
    const contact = await createContact({ firstName: 'بی‌صاحب‌نشو' });
    const res = await api.patch(`/api/v1/contacts/${contact.id}`, { ownerId: null, ownerGroupId: null });
    expectProblem(res, 400, { field: 'ownerId' });
    assert.equal(ok(await api.get(`/api/v1/contacts/${contact.id}`)).ownerId, adminId);
    const created = await api.post('/api/v1/contacts', { firstName: 'بی‌صاحب', ownerId: null });
    if (created.status === 201) assert.equal(created.body.ownerId, adminId, 'an explicit null owner defaults to the creator');
    else expectProblem(created, 400, { field: 'ownerId' });
  });

  test('assigning a user-owned record to a group leaves the group as its owner, as on create', async () => {
    const group = ok(await api.post('/api/v1/groups', { name: 'تیم پشتیبانی' }), 201);
    const contact = await createContact({ firstName: 'واگذاری' });
    assert.equal(contact.ownerId, adminId);
    const patched = ok(await api.patch(`/api/v1/contacts/${contact.id}`, { ownerGroupId: group.id }));
    assert.equal(patched.ownerGroupId, group.id);
    assert.equal(patched.ownerId, null, 'the previous user should no longer own it');
    const back = ok(await api.patch(`/api/v1/contacts/${contact.id}`, { ownerId: adminId, ownerGroupId: null }));
    assert.equal(back.ownerId, adminId);
    assert.equal(back.ownerGroupId, null);
  });
});

describe('validation', () => {
  test('an unknown field is refused with 400 naming it (unknown_field), standard and custom', async () => {
    const res = await api.post('/api/v1/contacts', { firstName: 'علی', favouriteColour: 'آبی' });
    expectProblem(res, 400, { field: 'favouriteColour', code: 'unknown_field' });
    const custom = await api.post('/api/v1/contacts', { firstName: 'علی', custom: { nope: 1 } });
    expectProblem(custom, 400, { field: 'custom.nope', code: 'unknown_field' });
    const contact = await createContact({ firstName: 'علی' });
    const patch = await api.patch(`/api/v1/contacts/${contact.id}`, { firstname: 'علی' });
    expectProblem(patch, 400, { field: 'firstname', code: 'unknown_field' });
  });

  test('a read-only field (leads.converted) cannot be written, on create or on PATCH', async () => {
    expectProblem(await api.post('/api/v1/leads', { lastName: 'تبدیلی', converted: true }), 400, {
      field: 'converted',
      code: ['read_only', 'unknown_field'],
    });
    const lead = ok(await api.post('/api/v1/leads', { lastName: 'تبدیلی' }), 201);
    expectProblem(await api.patch(`/api/v1/leads/${lead.id}`, { converted: true }), 400, {
      field: 'converted',
      code: ['read_only', 'unknown_field'],
    });
    assert.equal(ok(await api.get(`/api/v1/leads/${lead.id}`)).converted, false);
  });

  test('system fields cannot be written: number, id, createdAt, createdBy', async () => {
    for (const [field, value] of [
      ['number', 'CON-1'],
      ['id', missingId()],
      ['createdAt', '2020-01-01T00:00:00Z'],
      ['createdBy', adminId],
    ] as const) {
      const res = await api.post('/api/v1/contacts', { lastName: 'سیستمی', [field]: value });
      expectProblem(res, 400, { field });
    }
  });

  test('a reference to a missing organization is 400 reference_not_found on organizationId', async () => {
    const res = await api.post('/api/v1/contacts', { firstName: 'رضا', organizationId: missingId() });
    expectProblem(res, 400, { field: 'organizationId', code: 'reference_not_found' });
    const malformed = await api.post('/api/v1/contacts', { firstName: 'رضا', organizationId: '42' });
    expectProblem(malformed, 400, { field: 'organizationId' });
    // A contact is not an organization.
    const other = await createContact({ firstName: 'مرجع' });
    const wrongModule = await api.post('/api/v1/contacts', { firstName: 'رضا', organizationId: other.id });
    expectProblem(wrongModule, 400, { field: 'organizationId', code: 'reference_not_found' });
  });

  test('a reference to an organization in the recycle bin is refused', async () => {
    const org = ok(await api.post('/api/v1/organizations', { name: 'حذف‌شده' }), 201);
    ok(await api.delete(`/api/v1/organizations/${org.id}`));
    const res = await api.post('/api/v1/contacts', { firstName: 'رضا', organizationId: org.id });
    expectProblem(res, 400, { field: 'organizationId', code: 'reference_not_found' });
  });

  test('a contact needs a first or last name (required_one_of), on create and when a PATCH removes both', async () => {
    const none = await api.post('/api/v1/contacts', { title: 'مدیر فروش' });
    expectProblem(none, 400, { code: 'required_one_of' });
    const blank = await api.post('/api/v1/contacts', { firstName: '', lastName: null, title: 'مدیر' });
    expectProblem(blank, 400, { code: 'required_one_of' });

    const contact = await createContact({ firstName: 'نرگس', lastName: 'محمدی' });
    const patch = await api.patch(`/api/v1/contacts/${contact.id}`, { firstName: null, lastName: '' });
    expectProblem(patch, 400, { code: 'required_one_of' });
    const after = ok(await api.get(`/api/v1/contacts/${contact.id}`));
    assert.equal(after.firstName, 'نرگس');
    assert.equal(after.lastName, 'محمدی');
    assert.equal(after.version, 1);
    // Removing one of the two is fine.
    const ok1 = ok(await api.patch(`/api/v1/contacts/${contact.id}`, { firstName: null }));
    assert.equal(ok1.firstName, null);
    assert.equal(ok1.lastName, 'محمدی');
  });

  test('an organization needs a name', async () => {
    expectProblem(await api.post('/api/v1/organizations', { phone: '02188776655' }), 400, { field: 'name', code: 'required' });
    expectProblem(await api.post('/api/v1/organizations', { name: '' }), 400, { field: 'name', code: 'required' });
  });

  test('values of the wrong type are 400 naming the field', async () => {
    expectProblem(await api.post('/api/v1/organizations', { name: 'x', employees: 'بسیار' }), 400, { field: 'employees' });
    expectProblem(await api.post('/api/v1/organizations', { name: 'x', employees: -3 }), 400, { field: 'employees' });
    expectProblem(await api.post('/api/v1/organizations', { name: 'x', industry: 'شیرینی‌پزی' }), 400, {
      field: 'industry',
      code: 'invalid_option',
    });
    expectProblem(await api.post('/api/v1/contacts', { lastName: 'x', emailOptOut: 'yes' }), 400, { field: 'emailOptOut' });
    expectProblem(await api.post('/api/v1/contacts', { lastName: 'x', tags: 'vip' }), 400, { field: 'tags' });
    expectProblem(await api.post('/api/v1/contacts', { lastName: 'x', emails: [{ kind: 'work', address: 'nope' }] }), 400, {
      field: 'emails.0.address',
      code: 'invalid_email',
    });
    expectProblem(await api.post('/api/v1/contacts', { lastName: 'x'.repeat(256) }), 400, { field: 'lastName', code: 'too_big' });
  });

  test('a body that is not an object, or not JSON, is 400', async () => {
    expectProblem(await api.request('POST', '/api/v1/contacts', undefined, { rawBody: '[1,2]' }), 400);
    expectProblem(await api.request('POST', '/api/v1/contacts', undefined, { rawBody: '{"firstName":' }), 400);
  });
});

describe('update', () => {
  test('PATCH changes only the fields sent and bumps the version', async () => {
    const contact = await createContact({
      firstName: 'مریم',
      lastName: 'حسینی',
      title: 'کارشناس',
      tags: ['vip'],
      emails: [{ kind: 'work', address: 'maryam@example.ir' }],
    });
    const patched = await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'مدیر فروش' });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.title, 'مدیر فروش');
    assert.equal(patched.body.firstName, 'مریم');
    assert.equal(patched.body.lastName, 'حسینی');
    assert.deepEqual(patched.body.tags, ['vip']);
    assert.deepEqual(patched.body.emails, contact.emails);
    assert.equal(patched.body.version, 2);
    assert.equal(patched.body.number, contact.number);
    assert.equal(patched.body.createdAt, contact.createdAt);
    assert.equal(patched.body.createdBy, contact.createdBy);
    assert.ok(Date.parse(patched.body.updatedAt) >= Date.parse(contact.updatedAt));
    assert.deepEqual(ok(await api.get(`/api/v1/contacts/${contact.id}`)), patched.body);
  });

  test('PATCH with the current version applies; with a stale one is 409 on version and changes nothing', async () => {
    const contact = await createContact({ firstName: 'حمید', title: 'اول' });
    const v2 = ok(await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'دوم', version: 1 }));
    assert.equal(v2.version, 2);
    const stale = await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'سوم', lastName: 'کهنه', version: 1 });
    const error = expectProblem(stale, 409, { field: 'version' });
    assert.equal(stale.body.errors[0].field, 'version');
    assert.equal(error?.code, 'version_conflict');
    const staleEn = await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'سوم', version: 1 }, { language: 'en' });
    assert.match(staleEn.body.errors[0].message, /changed meanwhile/);
    const now = ok(await api.get(`/api/v1/contacts/${contact.id}`));
    assert.equal(now.title, 'دوم');
    assert.equal(now.lastName, null);
    assert.equal(now.version, 2);
    const future = await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'آینده', version: 9 });
    expectProblem(future, 409, { field: 'version' });
    const history = ok(await api.get(`/api/v1/contacts/${contact.id}/history`));
    assert.equal(history.data.length, 2, 'a refused PATCH leaves no history');
  });

  test('ten concurrent PATCHes with the same version: exactly one wins, the rest get 409, the winner stays', async () => {
    const contact = await createContact({ firstName: 'رقابت', title: 'آغاز' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.patch(`/api/v1/contacts/${contact.id}`, { title: `نسخه ${i}`, version: 1 }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, 1, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 409).length, 9, JSON.stringify(statuses));
    const winner = responses.find((r) => r.status === 200)!.body;
    for (const loser of responses.filter((r) => r.status === 409)) expectProblem(loser, 409, { field: 'version' });
    const final = ok(await api.get(`/api/v1/contacts/${contact.id}`));
    assert.equal(final.title, winner.title);
    assert.equal(final.version, 2);
    const history = ok(await api.get(`/api/v1/contacts/${contact.id}/history`));
    assert.equal(history.data.filter((h: { action: string }) => h.action === 'updated').length, 1);
  });

  test('concurrent PATCHes without a version all apply, each bumping the version once', async () => {
    const contact = await createContact({ firstName: 'بدون نسخه' });
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => api.patch(`/api/v1/contacts/${contact.id}`, { title: `t${i}` })),
    );
    for (const r of responses) assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(
      responses.map((r) => r.body.version).sort((a, b) => a - b),
      [2, 3, 4, 5, 6, 7],
    );
    assert.equal(ok(await api.get(`/api/v1/contacts/${contact.id}`)).version, 7);
  });

  test('null or an empty string removes a value, [] empties a list', async () => {
    const contact = await createContact({
      firstName: 'پاک',
      lastName: 'کن',
      title: 'مدیر',
      description: 'توضیح',
      birthDate: '1370/01/01',
      tags: ['a', 'b'],
      phones: [{ kind: 'mobile', number: '09121234567' }],
    });
    const patched = ok(
      await api.patch(`/api/v1/contacts/${contact.id}`, {
        title: null,
        description: '',
        birthDate: null,
        tags: [],
        phones: null,
      }),
    );
    assert.equal(patched.title, null);
    assert.equal(patched.description, null);
    assert.equal(patched.birthDate, null);
    assert.deepEqual(patched.tags, []);
    assert.deepEqual(patched.phones, []);
    assert.equal(patched.lastName, 'کن');
    const isEmpty = ok(
      await api.post('/api/v1/contacts/query', {
        filter: { and: [{ field: 'id', op: 'eq', value: contact.id }, { field: 'title', op: 'isEmpty' }] },
      }),
    );
    assert.deepEqual(idsOf(isEmpty), [contact.id]);
  });

  test('a PATCH that changes nothing keeps the version and adds no history', async () => {
    const contact = await createContact({ firstName: 'ثابت', title: 'همان' });
    const same = ok(await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'همان', firstName: 'ثابت' }));
    assert.equal(same.version, 1);
    const history = ok(await api.get(`/api/v1/contacts/${contact.id}/history`));
    assert.deepEqual(
      history.data.map((h: { action: string }) => h.action),
      ['created'],
    );
  });

  test('a refused PATCH (bad value) changes nothing', async () => {
    const contact = await createContact({ firstName: 'سالم', title: 'قبل' });
    const bad = await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'بعد', emails: [{ address: 'not-an-email' }] });
    expectProblem(bad, 400, { field: 'emails.0.address' });
    const now = ok(await api.get(`/api/v1/contacts/${contact.id}`));
    assert.equal(now.title, 'قبل');
    assert.equal(now.version, 1);
  });
});

describe('history', () => {
  test('history lists created, updated, deleted and restored entries newest first, with field changes', async () => {
    const contact = await createContact({ firstName: 'تاریخچه', title: 'کارشناس' });
    ok(await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'سرپرست', lastName: 'دار' }));
    ok(await api.patch(`/api/v1/contacts/${contact.id}`, { title: null }));
    ok(await api.delete(`/api/v1/contacts/${contact.id}`));
    ok(await api.post(`/api/v1/contacts/${contact.id}/restore`));

    const history = ok(await api.get(`/api/v1/contacts/${contact.id}/history`));
    const entries = history.data as { action: string; version: number; changedAt: string; changedBy: string; changes: any[] }[];
    assert.deepEqual(
      entries.map((e) => e.action),
      ['restored', 'deleted', 'updated', 'updated', 'created'],
    );
    assert.deepEqual(
      entries.map((e) => e.version),
      [5, 4, 3, 2, 1],
    );
    for (const e of entries) {
      assert.equal(e.changedBy, adminId);
      assert.ok(!Number.isNaN(Date.parse(e.changedAt)));
    }
    for (let i = 1; i < entries.length; i++) {
      assert.ok(Date.parse(entries[i - 1]!.changedAt) >= Date.parse(entries[i]!.changedAt), 'newest first');
    }
    const byField = (changes: any[]) => Object.fromEntries(changes.map((c) => [c.field, c]));
    const firstUpdate = byField(entries[3]!.changes);
    assert.deepEqual(firstUpdate.title, { field: 'title', from: 'کارشناس', to: 'سرپرست' });
    assert.deepEqual(firstUpdate.lastName, { field: 'lastName', from: null, to: 'دار' });
    assert.equal(entries[3]!.changes.length, 2, JSON.stringify(entries[3]!.changes));
    assert.deepEqual(entries[2]!.changes, [{ field: 'title', from: 'سرپرست', to: null }]);
    const created = byField(entries[4]!.changes);
    assert.deepEqual(created.firstName, { field: 'firstName', from: null, to: 'تاریخچه' });
    assert.deepEqual(created.title, { field: 'title', from: null, to: 'کارشناس' });
    // Listed as the form lists the fields, owner last, however the database keeps them.
    assert.deepEqual(
      entries[4]!.changes.map((c) => c.field),
      ['firstName', 'title', 'ownerId'],
    );
  });

  test('a phone change in history shows the E.164 numbers', async () => {
    const lead = ok(await api.post('/api/v1/leads', { lastName: 'تلفنی', mobile: '09138086200' }), 201);
    ok(await api.patch(`/api/v1/leads/${lead.id}`, { mobile: '0912 111 2233' }));
    const history = ok(await api.get(`/api/v1/leads/${lead.id}/history`));
    const change = history.data[0].changes.find((c: { field: string }) => c.field === 'mobile');
    assert.deepEqual(change, { field: 'mobile', from: '+989138086200', to: '+989121112233' });
  });

  test('history pages with limit and cursor, without gaps or repeats', async () => {
    const contact = await createContact({ firstName: 'صفحه' });
    for (let i = 1; i <= 4; i++) ok(await api.patch(`/api/v1/contacts/${contact.id}`, { title: `t${i}` }));
    const first = ok(await api.get(`/api/v1/contacts/${contact.id}/history?limit=2`));
    assert.deepEqual(
      first.data.map((e: { version: number }) => e.version),
      [5, 4],
    );
    assert.ok(first.nextCursor);
    const second = ok(await api.get(`/api/v1/contacts/${contact.id}/history?limit=2&cursor=${first.nextCursor}`));
    assert.deepEqual(
      second.data.map((e: { version: number }) => e.version),
      [3, 2],
    );
    const third = ok(await api.get(`/api/v1/contacts/${contact.id}/history?limit=2&cursor=${second.nextCursor}`));
    assert.deepEqual(
      third.data.map((e: { version: number }) => e.version),
      [1],
    );
    assert.equal(third.nextCursor, null);
    expectProblem(await api.get(`/api/v1/contacts/${contact.id}/history?cursor=abc`), 400, { field: 'cursor' });
  });

  test('history of a missing record is 404', async () => {
    expectProblem(await api.get(`/api/v1/contacts/${missingId()}/history`), 404);
  });
});

describe('recycle bin', () => {
  test('DELETE moves a record to the recycle bin: gone from GET and lists, listed in the bin, restorable', async () => {
    const keep = await createContact({ firstName: 'ماندگار', lastName: 'سطل' });
    const gone = await createContact({ firstName: 'رفتنی', lastName: 'سطل' });
    const deleted = await api.delete(`/api/v1/contacts/${gone.id}`);
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    assert.equal(deleted.body.id, gone.id);
    assert.ok(deleted.body.deletedAt);
    assert.equal(deleted.body.deletedBy, adminId);

    expectProblem(await api.get(`/api/v1/contacts/${gone.id}`), 404);
    expectProblem(await api.patch(`/api/v1/contacts/${gone.id}`, { title: 'x' }), 404);
    expectProblem(await api.delete(`/api/v1/contacts/${gone.id}`), 404, {});
    const list = ok(await api.post('/api/v1/contacts/query', { filter: { field: 'lastName', op: 'eq', value: 'سطل' } }));
    assert.deepEqual(idsOf(list), [keep.id]);
    const quick = ok(await api.get(`/api/v1/contacts?q=${encodeURIComponent('رفتنی')}`));
    assert.deepEqual(idsOf(quick), []);

    const bin = ok(await api.get('/api/v1/recycle-bin?module=contacts'));
    assert.ok(idsOf(bin).includes(gone.id));
    assert.ok(!idsOf(bin).includes(keep.id));
    const inBin = bin.data.find((r: { id: string }) => r.id === gone.id);
    assert.equal(inBin.firstName, 'رفتنی');
    assert.ok(inBin.deletedAt);
    const orgBin = ok(await api.get('/api/v1/recycle-bin?module=organizations'));
    assert.ok(!idsOf(orgBin).includes(gone.id), 'the bin is per module');

    const restored = await api.post(`/api/v1/contacts/${gone.id}/restore`);
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.equal(restored.body.firstName, 'رفتنی');
    assert.equal(restored.body.deletedAt, undefined);
    assert.equal(ok(await api.get(`/api/v1/contacts/${gone.id}`)).firstName, 'رفتنی');
    const listAgain = ok(await api.post('/api/v1/contacts/query', { filter: { field: 'lastName', op: 'eq', value: 'سطل' } }));
    assert.deepEqual(sortedIds(idsOf(listAgain)), sortedIds([keep.id, gone.id]));
    assert.ok(!idsOf(ok(await api.get('/api/v1/recycle-bin?module=contacts'))).includes(gone.id));
    expectProblem(await api.post(`/api/v1/contacts/${gone.id}/restore`), 404);
  });

  test('DELETE with a stale version is 409 and the record stays', async () => {
    const contact = await createContact({ firstName: 'نسخه‌دار' });
    ok(await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'x' }));
    expectProblem(await api.delete(`/api/v1/contacts/${contact.id}?version=1`), 409, { field: 'version' });
    assert.equal(ok(await api.get(`/api/v1/contacts/${contact.id}`)).version, 2);
    ok(await api.delete(`/api/v1/contacts/${contact.id}?version=2`));
  });

  test('purging from the bin deletes for good (admin only); a live record cannot be purged', async () => {
    const contact = await createContact({ firstName: 'نابود' });
    expectProblem(await api.delete(`/api/v1/recycle-bin/contacts/${contact.id}`), 404);
    ok(await api.delete(`/api/v1/contacts/${contact.id}`));

    const plain = await plainUserClient(server.url, api);
    expectProblem(await plain.api.delete(`/api/v1/recycle-bin/contacts/${contact.id}`), 403);
    assert.ok(idsOf(ok(await api.get('/api/v1/recycle-bin?module=contacts&limit=200'))).includes(contact.id));

    const purged = await api.delete(`/api/v1/recycle-bin/contacts/${contact.id}`);
    assert.equal(purged.status, 204);
    assert.ok(!idsOf(ok(await api.get('/api/v1/recycle-bin?module=contacts&limit=200'))).includes(contact.id));
    expectProblem(await api.post(`/api/v1/contacts/${contact.id}/restore`), 404);
    expectProblem(await api.get(`/api/v1/contacts/${contact.id}`), 404);
    expectProblem(await api.get(`/api/v1/contacts/${contact.id}/history`), 404);
    expectProblem(await api.delete(`/api/v1/recycle-bin/contacts/${contact.id}`), 404);
  });

  test('the recycle bin lists the most recently deleted first, and pages', async () => {
    const made: { id: string }[] = [];
    for (const name of ['اول', 'دوم', 'سوم']) made.push(await createContact({ firstName: name, lastName: 'ترتیب سطل' }));
    // Deleted in another order than created.
    for (const i of [1, 2, 0]) ok(await api.delete(`/api/v1/contacts/${made[i]!.id}`));
    const bin = ok(await api.get('/api/v1/recycle-bin?module=contacts&limit=200'));
    const ours = idsOf(bin).filter((id) => made.some((m) => m.id === id));
    assert.deepEqual(ours, [made[0]!.id, made[2]!.id, made[1]!.id]);
    const first = ok(await api.get('/api/v1/recycle-bin?module=contacts&limit=1'));
    assert.equal(first.data.length, 1);
    assert.ok(first.nextCursor);
    const second = ok(await api.get(`/api/v1/recycle-bin?module=contacts&limit=1&cursor=${first.nextCursor}`));
    assert.notEqual(second.data[0].id, first.data[0].id);
  });

  test('numbers are never reused, even after a purge', async () => {
    const a = await createContact({ firstName: 'شماره‌دار' });
    ok(await api.delete(`/api/v1/contacts/${a.id}`));
    assert.equal((await api.delete(`/api/v1/recycle-bin/contacts/${a.id}`)).status, 204);
    const b = await createContact({ firstName: 'بعدی' });
    assert.ok(numberOf(b.number) > numberOf(a.number), `${b.number} after ${a.number}`);
  });

  test('contacts of a deleted organization can still be read and edited', async () => {
    const org = ok(await api.post('/api/v1/organizations', { name: 'منحل' }), 201);
    const contact = await createContact({ firstName: 'کارمند', organizationId: org.id });
    ok(await api.delete(`/api/v1/organizations/${org.id}`));
    assert.equal(ok(await api.get(`/api/v1/contacts/${contact.id}`)).organizationId, org.id);
    const patched = await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'بازنشسته' });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    ok(await api.post(`/api/v1/organizations/${org.id}/restore`));
    const related = ok(await api.get(`/api/v1/organizations/${org.id}/related/contacts`));
    assert.deepEqual(idsOf(related), [contact.id]);
  });

  test('the recycle bin refuses an unknown module with 400', async () => {
    expectProblem(await api.get('/api/v1/recycle-bin?module=spaceships'), 400, { field: 'module' });
    expectProblem(await api.get('/api/v1/recycle-bin'), 400, { field: 'module' });
  });
});

describe('related lists', () => {
  test("GET /organizations/{id}/related/contacts lists that organization's live contacts only", async () => {
    const org = ok(await api.post('/api/v1/organizations', { name: 'مادر' }), 201);
    const otherOrg = ok(await api.post('/api/v1/organizations', { name: 'همسایه' }), 201);
    const mine = [];
    for (const name of ['یک', 'دو', 'سه']) mine.push(await createContact({ firstName: name, organizationId: org.id }));
    await createContact({ firstName: 'غریبه', organizationId: otherOrg.id });
    await createContact({ firstName: 'بی‌سازمان' });
    const gone = await createContact({ firstName: 'حذفی', organizationId: org.id });
    ok(await api.delete(`/api/v1/contacts/${gone.id}`));

    const related = ok(await api.get(`/api/v1/organizations/${org.id}/related/contacts`));
    assert.deepEqual(sortedIds(idsOf(related)), sortedIds(mine.map((c) => c.id)));
    for (const c of related.data) assert.equal(c.organizationId, org.id);

    const paged = ok(await api.get(`/api/v1/organizations/${org.id}/related/contacts?limit=2`));
    assert.equal(paged.data.length, 2);
    assert.ok(paged.nextCursor);
    const rest = ok(await api.get(`/api/v1/organizations/${org.id}/related/contacts?limit=2&cursor=${paged.nextCursor}`));
    assert.deepEqual(sortedIds([...idsOf(paged), ...idsOf(rest)]), sortedIds(mine.map((c) => c.id)));

    // Moving a contact to another organization moves it between the lists.
    ok(await api.patch(`/api/v1/contacts/${mine[0]!.id}`, { organizationId: otherOrg.id }));
    const after = ok(await api.get(`/api/v1/organizations/${org.id}/related/contacts`));
    assert.equal(after.data.length, 2);
  });

  test('branches of an organization, and 404 for a missing one', async () => {
    const parent = ok(await api.post('/api/v1/organizations', { name: 'هلدینگ' }), 201);
    const branch = ok(await api.post('/api/v1/organizations', { name: 'شعبه اصفهان', parentId: parent.id }), 201);
    const branches = ok(await api.get(`/api/v1/organizations/${parent.id}/related/branches`));
    assert.deepEqual(idsOf(branches), [branch.id]);
    expectProblem(await api.get(`/api/v1/organizations/${missingId()}/related/contacts`), 404);
  });
});
