import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { expectProblem, missingId, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

const PERSIAN = /[\u0600-\u06FF]/;

let server: TestServer;
let admin: ApiClient;
let adminId: string;
let ali: { id: string; api: ApiClient };
let sara: { id: string; api: ApiClient };

type Rec = Record<string, any> & { id: string; version: number };

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  adminId = ok(await admin.get('/api/v1/me')).id;
  ali = await plainUserClient(server.url, admin);
  sara = await plainUserClient(server.url, admin);
});
after(() => server.stop());

const contacts = async (api: ApiClient, count: number): Promise<Rec[]> => {
  const created: Rec[] = [];
  for (let i = 0; i < count; i++) created.push(ok(await api.post('/api/v1/contacts', { lastName: `گروهی ${i}` }), 201));
  return created;
};

const isLive = async (module: string, id: string) => (await admin.get(`/api/v1/${module}/${id}`)).status === 200;

describe('bulk delete', () => {
  test('the chosen records go to the recycle bin, each with its history entry; the others stay', async () => {
    const [a, b, c] = await contacts(ali.api, 3);
    assert.deepEqual(ok(await ali.api.post('/api/v1/contacts/bulk-delete', { ids: [a!.id, b!.id] })), { deleted: 2 });
    expectProblem(await ali.api.get(`/api/v1/contacts/${a!.id}`), 404);
    expectProblem(await ali.api.get(`/api/v1/contacts/${b!.id}`), 404);
    assert.ok(await isLive('contacts', c!.id));

    const bin = ok(await ali.api.get('/api/v1/recycle-bin?module=contacts'));
    const binned = bin.data.map((r: Rec) => r.id);
    assert.ok(binned.includes(a!.id) && binned.includes(b!.id) && !binned.includes(c!.id));
    const history = ok(await ali.api.get(`/api/v1/contacts/${a!.id}/history`));
    assert.equal(history.data[0].action, 'deleted');
    assert.equal(history.data[0].changedBy, ali.id);
    assert.equal(history.data[0].version, a!.version + 1);

    ok(await ali.api.post(`/api/v1/contacts/${a!.id}/restore`));
    assert.ok(await isLive('contacts', a!.id), 'restorable like any deleted record');
  });

  test('an id that is unknown or already deleted is a 422 naming it, and nothing is deleted', async () => {
    const [a, b] = await contacts(ali.api, 2);
    ok(await ali.api.delete(`/api/v1/contacts/${b!.id}`));
    const res = await ali.api.post(
      '/api/v1/contacts/bulk-delete',
      { ids: [a!.id, missingId(), b!.id] },
      { language: 'en' },
    );
    expectProblem(res, 422, { field: 'ids.1', code: 'record_not_found' });
    expectProblem(res, 422, { field: 'ids.2', code: 'record_not_found' });
    assert.equal(res.body.errors.length, 2);
    assert.match(res.body.detail, /nothing was changed/);
    assert.doesNotMatch(res.body.errors[0].message, PERSIAN);
    const fa = await ali.api.post('/api/v1/contacts/bulk-delete', { ids: [missingId()] });
    assert.match(fa.body.errors[0].message, PERSIAN);
    assert.ok(await isLive('contacts', a!.id), 'the live one was not deleted');

    const org = ok(await ali.api.post('/api/v1/organizations', { name: 'سازمان نه مخاطب' }), 201);
    expectProblem(await ali.api.post('/api/v1/contacts/bulk-delete', { ids: [org.id] }), 422, { field: 'ids.0' });
    assert.ok(await isLive('organizations', org.id), 'a record of another module is not found here');
  });

  test('one record that may not go stops them all: the transaction is all or nothing', async () => {
    const other = ok(
      await admin.post('/api/v1/users', {
        email: 'doomed@peyvand.test',
        password: 'Doomed-user-1403',
        firstName: 'رفتنی',
        lastName: 'کاربر',
      }),
      201,
    );
    // The only administrator cannot be deleted; the other user, in the same request, is not deleted either.
    const res = await admin.post('/api/v1/users/bulk-delete', { ids: [other.id, adminId] });
    expectProblem(res, 409, { field: 'role', code: 'last_admin' });
    assert.ok(await isLive('users', other.id));
    assert.deepEqual(ok(await admin.post('/api/v1/users/bulk-delete', { ids: [other.id] })), { deleted: 1 });
  });

  test('the permission checks of a single DELETE apply to each record', async () => {
    expectProblem(await ali.api.post('/api/v1/users/bulk-delete', { ids: [sara.id] }), 403);
    assert.ok(await isLive('users', sara.id));

    const mine = ok(await ali.api.post('/api/v1/notes', { body: 'یادداشت علی' }), 201);
    const hers = ok(await sara.api.post('/api/v1/notes', { body: 'یادداشت سارا' }), 201);
    expectProblem(await ali.api.post('/api/v1/notes/bulk-delete', { ids: [mine.id, hers.id] }), 403);
    assert.ok(await isLive('notes', mine.id), 'nothing deleted when one note is someone else’s');
    assert.deepEqual(ok(await admin.post('/api/v1/notes/bulk-delete', { ids: [mine.id, hers.id] })), { deleted: 2 });
  });

  test('ids: 1 to 500 record ids; the same id twice counts once', async () => {
    expectProblem(await ali.api.post('/api/v1/contacts/bulk-delete', { ids: [] }), 400, {
      field: 'ids',
      code: 'too_small',
    });
    const tooMany = Array.from({ length: 501 }, () => missingId());
    expectProblem(await ali.api.post('/api/v1/contacts/bulk-delete', { ids: tooMany }), 400, {
      field: 'ids',
      code: 'too_big',
    });
    expectProblem(await ali.api.post('/api/v1/contacts/bulk-delete', { ids: ['nope'] }), 400, {
      field: 'ids.0',
      code: 'invalid_id',
    });
    expectProblem(await ali.api.post('/api/v1/contacts/bulk-delete', {}), 400, { field: 'ids', code: 'required' });
    const [a] = await contacts(ali.api, 1);
    assert.deepEqual(ok(await ali.api.post('/api/v1/contacts/bulk-delete', { ids: [a!.id, a!.id.toUpperCase()] })), {
      deleted: 1,
    });
    expectProblem(await new ApiClient(server.url, null).post('/api/v1/contacts/bulk-delete', { ids: [a!.id] }), 401);
  });

  test('500 records at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 500; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, (_, j) => ali.api.post('/api/v1/leads', { lastName: `انبوه ${i + j}` })),
      );
      ids.push(...batch.map((res) => ok(res, 201).id));
    }
    assert.deepEqual(ok(await ali.api.post('/api/v1/leads/bulk-delete', { ids })), { deleted: 500 });
    assert.equal(
      ok(await ali.api.post('/api/v1/leads/query', { filter: { field: 'lastName', op: 'startsWith', value: 'انبوه' } }))
        .data.length,
      0,
    );
  });
});

describe('bulk assign', () => {
  test('to a user: each record gets the owner, a new version and a history entry; those already theirs are left alone', async () => {
    const [a, b] = await contacts(ali.api, 2);
    const alreadySaras = ok(await ali.api.post('/api/v1/contacts', { lastName: 'از پیش', ownerId: sara.id }), 201);
    const res = ok(
      await ali.api.post('/api/v1/contacts/bulk-assign', { ids: [a!.id, b!.id, alreadySaras.id], ownerId: sara.id }),
    );
    assert.deepEqual(res, { updated: 2 });
    for (const before of [a!, b!]) {
      const after = ok(await ali.api.get(`/api/v1/contacts/${before.id}`));
      assert.equal(after.ownerId, sara.id);
      assert.equal(after.ownerGroupId, null);
      assert.equal(after.version, before.version + 1);
      const change = ok(await ali.api.get(`/api/v1/contacts/${before.id}/history`)).data[0];
      assert.equal(change.action, 'updated');
      assert.equal(change.changedBy, ali.id);
      assert.deepEqual(change.changes, [{ field: 'ownerId', from: ali.id, to: sara.id }]);
    }
    assert.equal(ok(await ali.api.get(`/api/v1/contacts/${alreadySaras.id}`)).version, alreadySaras.version);
  });

  test('to a group: the group owns them and no user does', async () => {
    const group = ok(await admin.post('/api/v1/groups', { name: 'فروش تهران', memberIds: [ali.id] }), 201);
    const [a] = await contacts(ali.api, 1);
    assert.deepEqual(ok(await ali.api.post('/api/v1/contacts/bulk-assign', { ids: [a!.id], ownerGroupId: group.id })), {
      updated: 1,
    });
    const after = ok(await ali.api.get(`/api/v1/contacts/${a!.id}`));
    assert.equal(after.ownerGroupId, group.id);
    assert.equal(after.ownerId, null);
  });

  test('exactly one owner, an active user or an existing group; otherwise 400 names it and nothing changes', async () => {
    const [a] = await contacts(ali.api, 1);
    const group = ok(await admin.post('/api/v1/groups', { name: 'پشتیبانی' }), 201);
    const assign = (body: Record<string, unknown>) =>
      ali.api.post('/api/v1/contacts/bulk-assign', { ids: [a!.id], ...body });
    expectProblem(await assign({ ownerId: sara.id, ownerGroupId: group.id }), 400, {
      field: 'ownerGroupId',
      code: 'one_owner',
    });
    expectProblem(await assign({}), 400, { field: 'ownerId', code: 'required' });
    expectProblem(await assign({ ownerId: missingId() }), 400, { field: 'ownerId', code: 'reference_not_found' });
    expectProblem(await assign({ ownerGroupId: missingId() }), 400, {
      field: 'ownerGroupId',
      code: 'reference_not_found',
    });
    expectProblem(await assign({ ownerId: a!.id }), 400, { field: 'ownerId', code: 'reference_not_found' });

    const leaving = ok(
      await admin.post('/api/v1/users', {
        email: 'leaving@peyvand.test',
        password: 'Leaving-user-1403',
        firstName: 'رفته',
        lastName: 'کاربر',
      }),
      201,
    );
    ok(await admin.patch(`/api/v1/users/${leaving.id}`, { active: false }));
    const inactive = expectProblem(await assign({ ownerId: leaving.id }), 400, {
      field: 'ownerId',
      code: 'inactive_user',
    });
    assert.match(inactive!.message, PERSIAN);
    assert.equal(ok(await ali.api.get(`/api/v1/contacts/${a!.id}`)).version, a!.version, 'nothing changed');
  });

  test('unknown or deleted ids are a 422 naming them, and no record changes owner', async () => {
    const [a, b] = await contacts(ali.api, 2);
    ok(await ali.api.delete(`/api/v1/contacts/${b!.id}`));
    const res = await ali.api.post('/api/v1/contacts/bulk-assign', { ids: [a!.id, b!.id], ownerId: sara.id });
    expectProblem(res, 422, { field: 'ids.1', code: 'record_not_found' });
    assert.equal(ok(await ali.api.get(`/api/v1/contacts/${a!.id}`)).ownerId, ali.id);
  });

  test('users and groups have no owner, so they have no bulk assign', async () => {
    expectProblem(await admin.post('/api/v1/users/bulk-assign', { ids: [sara.id], ownerId: adminId }), 404);
    expectProblem(await admin.post('/api/v1/groups/bulk-assign', { ids: [missingId()], ownerId: adminId }), 404);
  });
});
