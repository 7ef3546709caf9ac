import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { expectProblem, ok, q, walkPages } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;

type Rec = Record<string, any> & { id: string };
/** In creation order. */
const contacts: Rec[] = [];
const organizations: Rec[] = [];

// Repeated surnames and a few records without one, so sorts have ties and empty values to page through.
const SURNAMES = ['رضایی', 'احمدی', 'کریمی', 'Zand', 'ابراهیمی', 'یزدانی', 'رضایی', 'محمدی', 'Abbasi', 'احمدی'];

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  for (let i = 0; i < 46; i++) {
    const body: Record<string, unknown> = { firstName: `مخاطب ${i}` };
    if (i % 9 !== 4) body.lastName = SURNAMES[i % SURNAMES.length];
    if (i % 3 === 0) body.tags = ['صفحه'];
    contacts.push(ok(await api.post('/api/v1/contacts', body), 201));
  }
  for (let i = 0; i < 23; i++) {
    const body: Record<string, unknown> = { name: `سازمان ${i}` };
    // Ties, zero, and gaps; 1e12 against 9e11 catches a sort that compares digits as text.
    if (i % 5 !== 2) body.annualRevenue = [1_000_000, 9e11, 1e12, 0, 1_000_000, 25_000][i % 6];
    organizations.push(ok(await api.post('/api/v1/organizations', body), 201));
  }
});
after(() => server.stop());

const listPage = (module: string, params: Record<string, string | number | undefined>) => (cursor: string | null) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  if (cursor) search.set('cursor', cursor);
  return api.get(`/api/v1/${module}?${search}`);
};

async function onePage(module: string, sort?: string): Promise<Rec[]> {
  const page = ok(await listPage(module, { limit: 200, sort })(null));
  assert.equal(page.nextCursor, null);
  return page.data;
}

function assertEachOnce(ids: string[], expected: string[]) {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n > 1);
  assert.deepEqual(repeated, [], 'no record twice');
  const missing = expected.filter((id) => !counts.has(id));
  assert.deepEqual(missing, [], 'no record skipped');
}

describe('walking every page', () => {
  test('the default order is newest first, and the pages hold every contact exactly once', async () => {
    const walk = await walkPages(listPage('contacts', { limit: 7 }));
    assert.equal(walk.pages, Math.ceil(contacts.length / 7));
    assert.deepEqual(walk.ids, [...contacts].reverse().map((c) => c.id));
  });

  test('without a limit a page holds 50 records', async () => {
    const page = ok(await api.get('/api/v1/contacts'));
    assert.equal(page.data.length, 46);
    assert.equal(page.nextCursor, null);
    const orgs = ok(await api.get('/api/v1/organizations?limit=200'));
    assert.equal(orgs.data.length, 23);
  });

  for (const sort of ['lastName', '-lastName', 'number', '-number', 'createdAt', 'firstName', 'lastName,-number', '-lastName,firstName', 'id', '-updatedAt,lastName']) {
    test(`sort=${sort}: paging gives the same order as one big page, each record once`, async () => {
      const whole = await onePage('contacts', sort);
      assert.equal(whole.length, contacts.length);
      for (const limit of [1, 4, 13]) {
        const walk = await walkPages(listPage('contacts', { limit, sort }));
        assert.deepEqual(walk.ids, whole.map((r) => r.id), `limit ${limit}`);
      }
    });
  }

  test('sort=number orders CON-1009 before CON-1010 (numerically, not as text)', async () => {
    const walk = await walkPages(listPage('contacts', { limit: 6, sort: 'number' }));
    const numbers = walk.records.map((r) => Number(r.number.split('-')[1]));
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
    assert.deepEqual(walk.ids, contacts.map((c) => c.id));
    const desc = await walkPages(listPage('contacts', { limit: 6, sort: '-number' }));
    assert.deepEqual(desc.ids, [...contacts].reverse().map((c) => c.id));
  });

  test('sort=lastName keeps equal surnames together and puts records without one together', async () => {
    const walk = await walkPages(listPage('contacts', { limit: 5, sort: 'lastName' }));
    const names = walk.records.map((r) => r.lastName as string | null);
    const seen = new Set<string | null>();
    for (let i = 0; i < names.length; i++) {
      if (i > 0 && names[i] !== names[i - 1]) assert.ok(!seen.has(names[i]!), `${names[i]} appears in two runs`);
      seen.add(names[i]!);
    }
    const nulls = names.map((n, i) => (n === null ? i : -1)).filter((i) => i >= 0);
    assert.ok(nulls.length > 0);
    assert.ok(nulls[0] === 0 || nulls.at(-1) === names.length - 1, 'empty values at one end');
  });

  test('sort=-annualRevenue on organizations: numerically descending, every organization once', async () => {
    const walk = await walkPages(listPage('organizations', { limit: 4, sort: '-annualRevenue' }));
    assertEachOnce(walk.ids, organizations.map((o) => o.id));
    assert.equal(walk.ids.length, organizations.length);
    const values = walk.records.map((r) => r.annualRevenue as number | null);
    const numbers = values.filter((v): v is number => v !== null);
    assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a), 'descending by amount');
    assert.equal(numbers[0], 1e12);
    const firstEmpty = values.indexOf(null);
    assert.ok(firstEmpty > 0, 'organizations without revenue come after those with one');
    assert.ok(values.slice(firstEmpty).every((v) => v === null));
    const asc = await walkPages(listPage('organizations', { limit: 4, sort: 'annualRevenue' }));
    const ascNumbers = asc.records.map((r) => r.annualRevenue).filter((v) => v !== null);
    assert.deepEqual(ascNumbers, [...ascNumbers].sort((a, b) => a - b));
    assert.deepEqual(asc.ids, (await onePage('organizations', 'annualRevenue')).map((r) => r.id));
  });

  test('a quick search pages too', async () => {
    const walk = await walkPages(listPage('contacts', { limit: 3, q: 'رضایی' }));
    const expected = contacts.filter((c) => c.lastName === 'رضایی').map((c) => c.id);
    assert.ok(expected.length >= 4);
    assert.deepEqual([...walk.ids].sort(), [...expected].sort());
  });

  test('a filtered query pages through POST /query with the cursor in the body', async () => {
    const expected = contacts.filter((c) => c.tags.includes('صفحه')).map((c) => c.id);
    const walk = await walkPages((cursor) =>
      api.post('/api/v1/contacts/query', { filter: { field: 'tags', op: 'contains', value: 'صفحه' }, sort: 'lastName', limit: 4, cursor }),
    );
    assertEachOnce(walk.ids, expected);
    assert.equal(walk.ids.length, expected.length);
  });
});

describe('paging while records are added', () => {
  test('default order: records created between page fetches cause no duplicate and no skip', async () => {
    const before = (await onePage('contacts')).map((r) => r.id);
    let added = 0;
    const walk = await walkPages(async (cursor) => {
      const page = await listPage('contacts', { limit: 6 })(cursor);
      for (let i = 0; i < 2; i++) {
        ok(await api.post('/api/v1/contacts', { firstName: `تازه ${added++}`, lastName: SURNAMES[added % SURNAMES.length] }), 201);
      }
      return page;
    });
    assertEachOnce(walk.ids, before);
    assert.deepEqual(walk.ids, before, 'newer records sort before the cursor, so the walk is exactly the old list');
  });

  test('sort=lastName: records created between page fetches cause no duplicate and no skip of existing ones', async () => {
    const before = (await onePage('contacts', 'lastName')).map((r) => r.id);
    let added = 0;
    const walk = await walkPages(async (cursor) => {
      const page = await listPage('contacts', { limit: 5, sort: 'lastName' })(cursor);
      for (let i = 0; i < 3; i++) {
        const body: Record<string, unknown> = { firstName: `میانی ${added}` };
        if (added % 4 !== 0) body.lastName = SURNAMES[(added * 7) % SURNAMES.length];
        added++;
        ok(await api.post('/api/v1/contacts', body), 201);
      }
      return page;
    });
    assertEachOnce(walk.ids, before);
    const after = (await onePage('contacts', 'lastName')).map((r) => r.id);
    // Whatever new records the walk saw, it saw them in their final place.
    assert.deepEqual(walk.ids, after.filter((id) => walk.ids.includes(id)));
  });

  test('sort=-annualRevenue: organizations created between page fetches cause no duplicate and no skip', async () => {
    const before = (await onePage('organizations', '-annualRevenue')).map((r) => r.id);
    let added = 0;
    const walk = await walkPages(async (cursor) => {
      const page = await listPage('organizations', { limit: 3, sort: '-annualRevenue' })(cursor);
      ok(await api.post('/api/v1/organizations', { name: `جدید ${added}`, annualRevenue: [1_000_000, 5e11, 0][added++ % 3] }), 201);
      return page;
    });
    assertEachOnce(walk.ids, before);
  });
});

describe('bad paging input', () => {
  test('a cursor made under one sort is refused under another (400 invalid_cursor)', async () => {
    const page = ok(await listPage('contacts', { limit: 3, sort: 'lastName' })(null));
    assert.ok(page.nextCursor);
    for (const sort of [undefined, '-lastName', 'firstName', 'lastName,number']) {
      const res = await listPage('contacts', { limit: 3, sort })(page.nextCursor);
      expectProblem(res, 400, { field: 'cursor', code: 'invalid_cursor' });
    }
    const same = await listPage('contacts', { limit: 3, sort: 'lastName' })(page.nextCursor);
    assert.equal(same.status, 200);
  });

  test('a garbage cursor is 400 invalid_cursor', async () => {
    for (const cursor of ['garbage', '!!!', 'eyJ4IjoxfQ', Buffer.from('[1,2]').toString('base64url'), 'a'.repeat(1000)]) {
      const res = await api.get(`/api/v1/contacts?cursor=${q(cursor)}`);
      expectProblem(res, 400, { field: 'cursor', code: 'invalid_cursor' });
    }
    const tooLong = await api.get(`/api/v1/contacts?cursor=${'a'.repeat(3000)}`);
    expectProblem(tooLong, 400, { field: 'cursor' });
    expectProblem(await api.post('/api/v1/contacts/query', { cursor: 'garbage' }), 400, { field: 'cursor', code: 'invalid_cursor' });
  });

  test('a tampered cursor (right sort, wrong key values) is 400, not a database error', async () => {
    const id = contacts[0]!.id;
    const wrong: string[] = [];
    const forge = (sort: string, keys: unknown[]) => Buffer.from(JSON.stringify([sort, keys, id])).toString('base64url');
    for (const [sort, keys] of [
      ['-createdAt', ['not a date']],
      ['-createdAt', [null]],
      ['-createdAt', [{ a: 1 }]],
      ['version', ['many']],
    ] as const) {
      const res = await api.get(`/api/v1/contacts?sort=${q(sort)}&cursor=${forge(sort, [...keys])}`);
      if (res.status !== 400) wrong.push(`sort=${sort} keys=${JSON.stringify(keys)} → ${res.status}`);
      else expectProblem(res, 400, { field: 'cursor' });
    }
    assert.deepEqual(wrong, []);
    const badId = Buffer.from(JSON.stringify(['-createdAt', [new Date().toISOString()], 'not-a-uuid'])).toString('base64url');
    expectProblem(await api.get(`/api/v1/contacts?cursor=${badId}`), 400, { field: 'cursor', code: 'invalid_cursor' });
  });

  test('sorting on an unknown or unsortable field is 400 on sort', async () => {
    for (const sort of ['shoeSize', '-shoeSize', 'phones', 'addresses', 'tags', 'addresses.city', 'custom.nothing', 'lastName;drop', 'a,b,c,d,e', '-', 'organizationId']) {
      const res = await api.get(`/api/v1/contacts?sort=${q(sort)}`);
      expectProblem(res, 400, { field: 'sort' });
    }
    expectProblem(await api.get('/api/v1/organizations?sort=billingAddress'), 400, { field: 'sort', code: 'unknown_sort_field' });
    expectProblem(await api.get('/api/v1/users?sort=password'), 400, { field: 'sort' });
  });

  test('a limit outside 1..200 or not a number is 400 on limit; unknown parameters are refused', async () => {
    for (const limit of ['0', '201', '-1', 'ten', '1.5']) {
      expectProblem(await api.get(`/api/v1/contacts?limit=${limit}`), 400, { field: 'limit' });
    }
    expectProblem(await api.get('/api/v1/contacts?page=2'), 400, { field: 'page', code: 'unknown_field' });
  });
});
