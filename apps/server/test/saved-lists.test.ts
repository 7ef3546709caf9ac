import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { expectProblem, missingId, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

const PERSIAN = /[\u0600-\u06FF]/;
const LISTS = '/api/v1/saved-lists';

let server: TestServer;
let admin: ApiClient;
let ali: { id: string; api: ApiClient };
let sara: { id: string; api: ApiClient };

const inTehran = { field: 'addresses.city', op: 'eq', value: 'تهران' };

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  ali = await plainUserClient(server.url, admin);
  sara = await plainUserClient(server.url, admin);
  ok(
    await admin.post('/api/v1/metadata/modules/contacts/fields', {
      name: 'region',
      type: 'text',
      label: { fa: 'منطقه', en: 'Region' },
    }),
    201,
  );
});
after(() => server.stop());

const namesOf = (body: { data: { name: string }[] }) => body.data.map((l) => l.name);

describe('saving a list', () => {
  test('a list keeps its filter, columns, sort and owner, and its filter finds the records', async () => {
    const inside = ok(
      await ali.api.post('/api/v1/contacts', {
        lastName: 'تهرانی',
        addresses: [{ kind: 'work', city: 'تهران' }],
        custom: { region: 'شمال' },
      }),
      201,
    );
    ok(
      await ali.api.post('/api/v1/contacts', { lastName: 'اصفهانی', addresses: [{ kind: 'work', city: 'اصفهان' }] }),
      201,
    );

    const res = await ali.api.post(LISTS, {
      module: 'contacts',
      name: 'مخاطبان تهران',
      filter: { and: [inTehran, { field: 'custom.region', op: 'eq', value: 'شمال' }] },
      columns: ['lastName', 'number', 'custom.region'],
      sort: '-updatedAt,lastName',
    });
    const list = ok(res, 201);
    assert.equal(res.headers.get('location'), `${LISTS}/${list.id}`);
    assert.deepEqual(
      { ...list, id: undefined, createdAt: undefined, updatedAt: undefined },
      {
        id: undefined,
        module: 'contacts',
        name: 'مخاطبان تهران',
        filter: { and: [inTehran, { field: 'custom.region', op: 'eq', value: 'شمال' }] },
        columns: ['lastName', 'number', 'custom.region'],
        sort: '-updatedAt,lastName',
        shared: false,
        ownerId: ali.id,
        version: 1,
        createdAt: undefined,
        updatedAt: undefined,
      },
    );
    assert.ok(!Number.isNaN(Date.parse(list.createdAt)));
    assert.deepEqual(ok(await ali.api.get(`${LISTS}/${list.id}`)), list);

    const found = ok(await ali.api.post('/api/v1/contacts/query', { filter: list.filter, sort: list.sort }));
    assert.deepEqual(
      found.data.map((c: { id: string }) => c.id),
      [inside.id],
    );
  });

  test('with only a module and a name, filter, columns and sort are null', async () => {
    const list = ok(await ali.api.post(LISTS, { module: 'leads', name: 'همه سرنخ‌ها' }), 201);
    assert.equal(list.filter, null);
    assert.equal(list.columns, null);
    assert.equal(list.sort, null);
    assert.equal(list.shared, false);
    ok(await ali.api.post(LISTS, { module: 'leads', name: 'بدون فیلتر', filter: null, sort: null }), 201);
  });

  test('a filter is checked as POST /{module}/query checks it, custom fields included', async () => {
    const save = (filter: unknown) =>
      ali.api.post(LISTS, { module: 'contacts', name: `نادرست ${Math.random()}`, filter });
    expectProblem(await save({ field: 'shoeSize', op: 'eq', value: 42 }), 400, {
      field: 'filter.field',
      code: 'unknown_filter_field',
    });
    expectProblem(await save({ field: 'custom.nope', op: 'eq', value: 'x' }), 400, {
      field: 'filter.field',
      code: 'unknown_filter_field',
    });
    expectProblem(await save({ and: [inTehran, { field: 'birthDate', op: 'contains', value: 'x' }] }), 400, {
      field: 'filter.and.1.op',
      code: 'operator_not_allowed',
    });
    expectProblem(await save({ field: 'birthDate', op: 'gt', value: 'دیروز' }), 400, {
      field: 'filter.value',
      code: 'invalid_date',
    });
    expectProblem(await save({ field: 'lastName', op: 'like', value: 'x' }), 400, { field: 'filter.op' });
    // The value of an isEmpty condition is never parsed, yet it would be stored.
    expectProblem(await save({ field: 'lastName', op: 'isEmpty', value: 'a\u0000b' }), 400, {
      field: 'filter',
      code: 'invalid_text',
    });
  });

  test('a filter nested thousands deep is a 400, here and on the query route, not a stack overflow', async () => {
    const filter = `${'{"and":['.repeat(5_000)}${JSON.stringify(inTehran)}${']}'.repeat(5_000)}`;
    const body = `{"module":"contacts","name":"عمیق","filter":${filter}}`;
    for (const path of [LISTS, '/api/v1/contacts/query']) {
      expectProblem(await ali.api.post(path, undefined, { rawBody: body }), 400, {
        field: 'body',
        code: 'nested_too_deep',
      });
    }
  });

  test('columns are field names of the module, each once; sort is checked as the list’s sort', async () => {
    const save = (extra: Record<string, unknown>) =>
      ali.api.post(LISTS, { module: 'contacts', name: `ستون ${Math.random()}`, ...extra });
    expectProblem(await save({ columns: ['lastName', 'shoeSize'] }), 400, {
      field: 'columns.1',
      code: 'unknown_field',
    });
    expectProblem(await save({ columns: ['custom.nope'] }), 400, { field: 'columns.0', code: 'unknown_field' });
    expectProblem(await save({ columns: ['addresses.city'] }), 400, { field: 'columns.0', code: 'unknown_field' });
    expectProblem(await save({ columns: ['lastName', 'lastName'] }), 400, { field: 'columns.1', code: 'listed_twice' });
    expectProblem(await save({ columns: [] }), 400, { field: 'columns' });
    expectProblem(await save({ sort: 'shoeSize' }), 400, { field: 'sort', code: 'unknown_sort_field' });
    expectProblem(await save({ sort: 'phones' }), 400, { field: 'sort', code: 'unknown_sort_field' });
    ok(await save({ columns: ['custom.region', 'createdAt', 'ownerId'], sort: 'custom.region' }), 201);
  });

  test('module, name and unknown properties are checked', async () => {
    expectProblem(await ali.api.post(LISTS, { module: 'spaceships', name: 'x' }), 400, { field: 'module' });
    expectProblem(await ali.api.post(LISTS, { name: 'x' }), 400, { field: 'module' });
    expectProblem(await ali.api.post(LISTS, { module: 'contacts', name: '   ' }), 400, { field: 'name' });
    expectProblem(await ali.api.post(LISTS, { module: 'contacts', name: 'x'.repeat(101) }), 400, { field: 'name' });
    expectProblem(await ali.api.post(LISTS, { module: 'contacts', name: 'x', ownerId: sara.id }), 400, {
      field: 'ownerId',
      code: 'unknown_field',
    });
    expectProblem(await new ApiClient(server.url, null).post(LISTS, { module: 'contacts', name: 'x' }), 401);
  });

  test('one owner cannot use a name twice in a module, whatever its case; 409 names the field in fa and en', async () => {
    ok(await ali.api.post(LISTS, { module: 'organizations', name: 'Key Accounts' }), 201);
    const fa = await ali.api.post(LISTS, { module: 'organizations', name: 'key accounts' });
    const match = expectProblem(fa, 409, { field: 'name', code: 'name_taken' });
    assert.match(match!.message, PERSIAN);
    const en = expectProblem(
      await ali.api.post(LISTS, { module: 'organizations', name: 'KEY ACCOUNTS' }, { language: 'en' }),
      409,
      {
        field: 'name',
        code: 'name_taken',
      },
    );
    assert.doesNotMatch(en!.message, PERSIAN);
    ok(await ali.api.post(LISTS, { module: 'contacts', name: 'Key Accounts' }), 201); // another module
    ok(await sara.api.post(LISTS, { module: 'organizations', name: 'Key Accounts' }), 201); // another owner
  });
});

describe('who sees and changes a list', () => {
  let privateList: { id: string; version: number };
  let sharedList: { id: string; version: number };

  before(async () => {
    privateList = ok(await ali.api.post(LISTS, { module: 'contacts', name: 'فقط برای من', filter: inTehran }), 201);
    sharedList = ok(
      await ali.api.post(LISTS, { module: 'contacts', name: 'برای همه', filter: inTehran, shared: true }),
      201,
    );
  });

  test('a private list is its owner’s alone: to anyone else, admins included, it does not exist (404)', async () => {
    assert.ok(namesOf(ok(await ali.api.get(`${LISTS}?module=contacts`))).includes('فقط برای من'));
    for (const other of [sara.api, admin]) {
      assert.ok(!namesOf(ok(await other.get(`${LISTS}?module=contacts`))).includes('فقط برای من'));
      expectProblem(await other.get(`${LISTS}/${privateList.id}`), 404);
      expectProblem(await other.patch(`${LISTS}/${privateList.id}`, { version: 1, name: 'دزدیده' }), 404);
      expectProblem(await other.delete(`${LISTS}/${privateList.id}`), 404);
    }
    assert.equal(ok(await ali.api.get(`${LISTS}/${privateList.id}`)).name, 'فقط برای من');
    expectProblem(await ali.api.get(`${LISTS}/${missingId()}`), 404);
    expectProblem(await ali.api.get(`${LISTS}/not-an-id`), 400, { field: 'id' });
  });

  test('a shared list is seen by everyone but changed or deleted only by its owner or an admin (403)', async () => {
    assert.ok(namesOf(ok(await sara.api.get(`${LISTS}?module=contacts`))).includes('برای همه'));
    assert.equal(ok(await sara.api.get(`${LISTS}/${sharedList.id}`)).ownerId, ali.id);
    const refused = await sara.api.patch(
      `${LISTS}/${sharedList.id}`,
      { version: 1, name: 'مال من' },
      { language: 'en' },
    );
    expectProblem(refused, 403);
    assert.match(refused.body.detail, /owner of this list or an administrator/);
    expectProblem(await sara.api.delete(`${LISTS}/${sharedList.id}`), 403);
    assert.equal(ok(await ali.api.get(`${LISTS}/${sharedList.id}`)).name, 'برای همه', 'nothing changed');

    const renamed = ok(await admin.patch(`${LISTS}/${sharedList.id}`, { version: 1, name: 'برای همه (ویرایش مدیر)' }));
    assert.equal(renamed.ownerId, ali.id, 'the list stays its owner’s');
    assert.equal(renamed.version, 2);
    assert.equal((await admin.delete(`${LISTS}/${sharedList.id}`)).status, 204);
    expectProblem(await ali.api.get(`${LISTS}/${sharedList.id}`), 404);
  });

  test('the owner may stop sharing a list; it then disappears for the others', async () => {
    const list = ok(await ali.api.post(LISTS, { module: 'contacts', name: 'موقتاً عمومی', shared: true }), 201);
    assert.equal(ok(await sara.api.get(`${LISTS}/${list.id}`)).shared, true);
    ok(await ali.api.patch(`${LISTS}/${list.id}`, { version: 1, shared: false }));
    expectProblem(await sara.api.get(`${LISTS}/${list.id}`), 404);
  });
});

describe('listing', () => {
  test('mine and the shared ones of the module, in Persian alphabetical order', async () => {
    const own = await plainUserClient(server.url, admin);
    for (const name of ['تهران', 'پارس', 'بازار']) ok(await own.api.post(LISTS, { module: 'leads', name }), 201);
    ok(await sara.api.post(LISTS, { module: 'leads', name: 'ثبت‌نامی‌ها', shared: true }), 201);
    ok(await sara.api.post(LISTS, { module: 'leads', name: 'آرشیو سارا' }), 201);
    ok(await own.api.post(LISTS, { module: 'contacts', name: 'الف' }), 201);

    const leads = ok(await own.api.get(`${LISTS}?module=leads`));
    // Code-point order would put پ after ت; Persian puts it between ب and ت.
    assert.deepEqual(namesOf(leads), ['بازار', 'پارس', 'تهران', 'ثبت‌نامی‌ها']);
    assert.ok(leads.data.every((l: { module: string }) => l.module === 'leads'));
    assert.deepEqual(namesOf(ok(await own.api.get(LISTS))), ['الف', 'بازار', 'پارس', 'تهران', 'ثبت‌نامی‌ها']);
    expectProblem(await own.api.get(`${LISTS}?module=spaceships`), 400, { field: 'module' });
  });
});

describe('changing a list', () => {
  test('PATCH needs the current version: a stale one is 409 and nothing changes', async () => {
    const list = ok(await ali.api.post(LISTS, { module: 'contacts', name: 'نسخه‌دار', filter: inTehran }), 201);
    expectProblem(await ali.api.patch(`${LISTS}/${list.id}`, { name: 'بی‌نسخه' }), 400, {
      field: 'version',
      code: 'required',
    });

    const changed = ok(
      await ali.api.patch(`${LISTS}/${list.id}`, { version: 1, name: 'نسخه دوم', columns: ['lastName'], filter: null }),
    );
    assert.equal(changed.version, 2);
    assert.equal(changed.name, 'نسخه دوم');
    assert.deepEqual(changed.columns, ['lastName']);
    assert.equal(changed.filter, null, 'null clears the filter');
    assert.equal(changed.sort, null);
    assert.ok(Date.parse(changed.updatedAt) >= Date.parse(list.updatedAt));

    const stale = expectProblem(await ali.api.patch(`${LISTS}/${list.id}`, { version: 1, name: 'دیرهنگام' }), 409, {
      field: 'version',
      code: 'version_conflict',
    });
    assert.match(stale!.message, /2/);
    assert.equal(ok(await ali.api.get(`${LISTS}/${list.id}`)).name, 'نسخه دوم');
  });

  test('PATCH checks what it changes as POST does; the module cannot change', async () => {
    const list = ok(await ali.api.post(LISTS, { module: 'contacts', name: 'بررسی تغییر' }), 201);
    expectProblem(
      await ali.api.patch(`${LISTS}/${list.id}`, { version: 1, filter: { field: 'nope', op: 'eq', value: 1 } }),
      400,
      {
        field: 'filter.field',
      },
    );
    expectProblem(await ali.api.patch(`${LISTS}/${list.id}`, { version: 1, columns: ['nope'] }), 400, {
      field: 'columns.0',
    });
    expectProblem(await ali.api.patch(`${LISTS}/${list.id}`, { version: 1, module: 'leads' }), 400, {
      field: 'module',
      code: 'unknown_field',
    });
    ok(await ali.api.post(LISTS, { module: 'contacts', name: 'نام گرفته‌شده' }), 201);
    expectProblem(await ali.api.patch(`${LISTS}/${list.id}`, { version: 1, name: 'نام گرفته‌شده' }), 409, {
      field: 'name',
      code: 'name_taken',
    });
    assert.equal(ok(await ali.api.get(`${LISTS}/${list.id}`)).version, 1);
  });

  test('DELETE removes the list for good', async () => {
    const list = ok(await ali.api.post(LISTS, { module: 'contacts', name: 'رفتنی' }), 201);
    const res = await ali.api.delete(`${LISTS}/${list.id}`);
    assert.equal(res.status, 204);
    expectProblem(await ali.api.get(`${LISTS}/${list.id}`), 404);
    expectProblem(await ali.api.delete(`${LISTS}/${list.id}`), 404);
    ok(await ali.api.post(LISTS, { module: 'contacts', name: 'رفتنی' }), 201); // the name is free again
  });
});
