import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiClient } from './support/api-client.js';
import { expectProblem, missingId, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;
let adminId: string;
let otherUserId: string;

type Rec = Record<string, any> & { id: string };
const orgs: Record<string, Rec> = {};
const contacts: Record<string, Rec> = {};
const leads: Record<string, Rec> = {};

async function create(module: string, body: Record<string, unknown>): Promise<Rec> {
  const res = await api.post(`/api/v1/${module}`, body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  // Distinct creation instants, so createdAt filters have exact expectations.
  await sleep(15);
  return res.body;
}

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  adminId = ok(await api.get('/api/v1/me')).id;
  otherUserId = (await plainUserClient(server.url, api)).id;

  orgs.A = await create('organizations', {
    name: 'پارس نفت',
    industry: 'oil_gas',
    employees: 50,
    annualRevenue: 5_000_000_000,
    billingAddress: { city: 'تهران', street: 'خیابان ولیعصر' },
    phone: '02188776655',
    emailOptOut: true,
  });
  orgs.B = await create('organizations', {
    name: 'صنایع غذایی بهار',
    industry: 'food',
    employees: 200,
    annualRevenue: 1_200_000,
    billingAddress: { city: 'اصفهان' },
  });
  orgs.C = await create('organizations', { name: 'Atlas Consulting' });
  orgs.D = await create('organizations', {
    name: 'پارسیان',
    industry: 'it',
    employees: 10,
    annualRevenue: 800_000_000,
    emailOptOut: false,
    shippingAddress: { city: 'تهران' },
  });

  contacts.c1 = await create('contacts', {
    firstName: 'علی',
    lastName: 'رضایی',
    birthDate: '1370/06/15', // 1991-09-06
    tags: ['vip', 'تهران'],
    phones: [
      { kind: 'mobile', number: '09121111111' },
      { kind: 'work', number: '021 8877 6655' },
    ],
    emails: [{ kind: 'work', address: 'ali@example.ir' }],
    socials: [{ network: 'telegram', handle: 'ali_rezaei' }],
    addresses: [{ kind: 'main', city: 'تهران', street: 'میدان ونک' }],
    emailOptOut: true,
    organizationId: orgs.A!.id,
    leadSource: 'website',
    totalPurchases: 1000,
  });
  contacts.c2 = await create('contacts', {
    firstName: 'زهرا',
    lastName: 'کریمی',
    birthDate: '1365/01/01', // 1986-03-21
    tags: ['vip'],
    phones: [{ kind: 'mobile', number: '09122222222' }],
    addresses: [
      { kind: 'main', city: 'شیراز' },
      { kind: 'shipping', city: 'تهران' },
    ],
    emailOptOut: false,
    leadSource: 'referral',
    totalPurchases: 5000,
    organizationId: orgs.B!.id,
  });
  contacts.c3 = await create('contacts', { firstName: 'Ali', lastName: 'Rezaei', birthDate: '2000-01-01', tags: [] });
  contacts.c4 = await create('contacts', {
    lastName: 'محمدی',
    tags: ['عمده'],
    phones: [{ kind: 'mobile', number: '09133333333' }],
    birthDate: '1380/12/29', // 2002-03-20
    leadSource: 'website',
  });
  contacts.c5 = await create('contacts', {
    firstName: 'رضا',
    lastName: 'رضایی‌فر',
    title: 'مدیر فروش 100%',
    ownerId: otherUserId,
  });

  leads.l1 = await create('leads', { lastName: 'صادقی', mobile: '09138086200', leadStatus: 'new', annualRevenue: 100 });
  leads.l2 = await create('leads', {
    lastName: 'احمدی',
    mobile: '09121234567',
    phone: '03191007879',
    leadStatus: 'contacted',
  });
  leads.l3 = await create('leads', { company: 'بی‌شماره' });
});
after(() => server.stop());

async function query(module: string, filter: unknown, extra: Record<string, unknown> = {}) {
  return api.post(`/api/v1/${module}/query`, { filter, limit: 200, ...extra });
}

/** The names of the records a filter matches, as keys of the fixture maps. */
async function match(module: 'contacts' | 'organizations' | 'leads', filter: unknown): Promise<string[]> {
  const res = await query(module, filter);
  assert.equal(res.status, 200, `${JSON.stringify(filter)} → ${res.status} ${JSON.stringify(res.body)}`);
  const fixtures = module === 'contacts' ? contacts : module === 'organizations' ? orgs : leads;
  const byId = new Map(Object.entries(fixtures).map(([name, r]) => [r.id, name]));
  return res.body.data.map((r: Rec) => byId.get(r.id) ?? `?${r.id}`).sort();
}

async function expectMatch(module: 'contacts' | 'organizations' | 'leads', filter: unknown, expected: string[]) {
  assert.deepEqual(await match(module, filter), [...expected].sort(), JSON.stringify(filter));
}

const cond = (field: string, op: string, value?: unknown) => (value === undefined ? { field, op } : { field, op, value });

describe('text fields', () => {
  test('eq matches the whole value only; ne and nin keep records without a value', async () => {
    await expectMatch('contacts', cond('lastName', 'eq', 'رضایی'), ['c1']);
    await expectMatch('contacts', cond('lastName', 'ne', 'رضایی'), ['c2', 'c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('firstName', 'ne', 'علی'), ['c2', 'c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('lastName', 'in', ['رضایی', 'کریمی', 'ناموجود']), ['c1', 'c2']);
    await expectMatch('contacts', cond('lastName', 'nin', ['رضایی', 'کریمی']), ['c3', 'c4', 'c5']);
  });

  test('contains and startsWith find substrings, case-insensitively for Latin text', async () => {
    await expectMatch('contacts', cond('lastName', 'contains', 'رضایی'), ['c1', 'c5']);
    await expectMatch('contacts', cond('lastName', 'contains', 'REZ'), ['c3']);
    await expectMatch('contacts', cond('lastName', 'startsWith', 'رضا'), ['c1', 'c5']);
    await expectMatch('contacts', cond('lastName', 'startsWith', 'ضایی'), []);
    await expectMatch('contacts', cond('firstName', 'startsWith', 'al'), ['c3']);
    await expectMatch('organizations', cond('name', 'contains', 'پارس'), ['A', 'D']);
  });

  test('% and _ in contains are literal characters, not wildcards', async () => {
    await expectMatch('contacts', cond('title', 'contains', '0%'), ['c5']);
    await expectMatch('contacts', cond('title', 'contains', '%'), ['c5']);
    await expectMatch('contacts', cond('lastName', 'contains', '_'), []);
    await expectMatch('contacts', cond('lastName', 'startsWith', '%'), []);
    await expectMatch('contacts', cond('title', 'contains', '\\'), []);
  });

  test('isEmpty and isNotEmpty on text, lists, dates and references', async () => {
    await expectMatch('contacts', cond('firstName', 'isEmpty'), ['c4']);
    await expectMatch('contacts', cond('firstName', 'isNotEmpty'), ['c1', 'c2', 'c3', 'c5']);
    await expectMatch('contacts', cond('tags', 'isEmpty'), ['c3', 'c5']);
    await expectMatch('contacts', cond('tags', 'isNotEmpty'), ['c1', 'c2', 'c4']);
    await expectMatch('contacts', cond('phones', 'isNotEmpty'), ['c1', 'c2', 'c4']);
    await expectMatch('contacts', cond('addresses', 'isEmpty'), ['c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('birthDate', 'isEmpty'), ['c5']);
    await expectMatch('contacts', cond('organizationId', 'isNotEmpty'), ['c1', 'c2']);
    await expectMatch('organizations', cond('billingAddress', 'isEmpty'), ['C', 'D']);
    await expectMatch('organizations', cond('annualRevenue', 'isEmpty'), ['C']);
  });

  test('e-mail lists match whatever the case typed; socials by handle with or without @', async () => {
    await expectMatch('contacts', cond('emails', 'eq', 'ALI@Example.ir'), ['c1']);
    await expectMatch('contacts', cond('emails', 'contains', 'example'), ['c1']);
    await expectMatch('contacts', cond('socials', 'eq', 'ali_rezaei'), ['c1']);
    await expectMatch('contacts', cond('socials.network', 'eq', 'telegram'), ['c1']);
  });
});

describe('numbers and currency', () => {
  test('eq, ne, lt, lte, gt, gte, between, in and nin on a number', async () => {
    await expectMatch('organizations', cond('employees', 'eq', 200), ['B']);
    await expectMatch('organizations', cond('employees', 'eq', '۲۰۰'), ['B']);
    await expectMatch('organizations', cond('employees', 'ne', 200), ['A', 'C', 'D']);
    await expectMatch('organizations', cond('employees', 'lt', 50), ['D']);
    await expectMatch('organizations', cond('employees', 'lte', 50), ['A', 'D']);
    await expectMatch('organizations', cond('employees', 'gt', 50), ['B']);
    await expectMatch('organizations', cond('employees', 'gte', '۵۰'), ['A', 'B']);
    await expectMatch('organizations', cond('employees', 'between', [10, 50]), ['A', 'D']);
    await expectMatch('organizations', cond('employees', 'in', [10, '200']), ['B', 'D']);
    await expectMatch('organizations', cond('employees', 'nin', [10]), ['A', 'B', 'C']);
  });

  test('currency compares numerically (not as text), with Persian digits and separators in the value', async () => {
    await expectMatch('organizations', cond('annualRevenue', 'gt', '۱٬۰۰۰٬۰۰۰'), ['A', 'B', 'D']);
    await expectMatch('organizations', cond('annualRevenue', 'lt', 1_000_000_000), ['B', 'D']);
    await expectMatch('organizations', cond('annualRevenue', 'between', ['1,000,000', '۱٬۰۰۰٬۰۰۰٬۰۰۰']), ['B', 'D']);
    await expectMatch('organizations', cond('annualRevenue', 'gte', 5_000_000_000), ['A']);
    await expectMatch('contacts', cond('totalPurchases', 'lte', 1000), ['c1']);
  });
});

describe('dates and instants', () => {
  test('a date filter takes a Jalali value and compares as a date', async () => {
    await expectMatch('contacts', cond('birthDate', 'lt', '1370/01/01'), ['c2']);
    await expectMatch('contacts', cond('birthDate', 'gte', '1370/06/15'), ['c1', 'c3', 'c4']);
    await expectMatch('contacts', cond('birthDate', 'gt', '1370/06/15'), ['c3', 'c4']);
    await expectMatch('contacts', cond('birthDate', 'lte', '۱۳۷۰/۰۶/۱۵'), ['c1', 'c2']);
    await expectMatch('contacts', cond('birthDate', 'between', ['1365/01/01', '1370/06/15']), ['c1', 'c2']);
    await expectMatch('contacts', cond('birthDate', 'eq', '1380/12/29'), ['c4']);
    await expectMatch('contacts', cond('birthDate', 'eq', '2002-03-20'), ['c4']);
    await expectMatch('contacts', cond('birthDate', 'ne', '2002-03-20'), ['c1', 'c2', 'c3', 'c5']);
    await expectMatch('contacts', cond('birthDate', 'in', ['2000-01-01', '1365/01/01']), ['c2', 'c3']);
  });

  test('createdAt filters by instant, whatever offset the value is written with', async () => {
    const { c1, c2, c3 } = contacts as Record<string, Rec>;
    await expectMatch('contacts', cond('createdAt', 'lt', c2!.createdAt), ['c1']);
    await expectMatch('contacts', cond('createdAt', 'lte', c2!.createdAt), ['c1', 'c2']);
    await expectMatch('contacts', cond('createdAt', 'gte', c3!.createdAt), ['c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('createdAt', 'between', [c1!.createdAt, c2!.createdAt]), ['c1', 'c2']);
    // The same instant written in Tehran time.
    const tehran = new Date(Date.parse(c2!.createdAt) + 3.5 * 3600_000).toISOString().replace('Z', '+03:30');
    await expectMatch('contacts', cond('createdAt', 'eq', tehran), ['c2']);
    await expectMatch('contacts', cond('updatedAt', 'gt', '2000-01-01T00:00:00Z'), ['c1', 'c2', 'c3', 'c4', 'c5']);
  });
});

describe('booleans, picklists, tags and references', () => {
  test('boolean eq true, and eq false also matching records that never had a value', async () => {
    await expectMatch('contacts', cond('emailOptOut', 'eq', true), ['c1']);
    await expectMatch('contacts', cond('emailOptOut', 'eq', false), ['c2', 'c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('emailOptOut', 'ne', true), ['c2', 'c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('emailOptOut', 'ne', false), ['c1']);
    await expectMatch('organizations', cond('emailOptOut', 'eq', false), ['B', 'C', 'D']);
  });

  test('a picklist is matched by its value or by either label', async () => {
    await expectMatch('contacts', cond('leadSource', 'eq', 'website'), ['c1', 'c4']);
    await expectMatch('contacts', cond('leadSource', 'eq', 'وب‌سایت'), ['c1', 'c4']);
    await expectMatch('contacts', cond('leadSource', 'eq', 'Website'), ['c1', 'c4']);
    await expectMatch('contacts', cond('leadSource', 'in', ['website', 'معرفی مشتریان']), ['c1', 'c2', 'c4']);
    await expectMatch('contacts', cond('leadSource', 'nin', ['website']), ['c2', 'c3', 'c5']);
    await expectMatch('contacts', cond('leadSource', 'ne', 'website'), ['c2', 'c3', 'c5']);
    await expectMatch('contacts', cond('leadSource', 'isEmpty'), ['c3', 'c5']);
    await expectMatch('organizations', cond('industry', 'eq', 'نفت و گاز'), ['A']);
    await expectMatch('leads', cond('leadStatus', 'eq', 'Contacted'), ['l2']);
  });

  test('tags: contains one tag, in any of several, nin none of them', async () => {
    await expectMatch('contacts', cond('tags', 'contains', 'vip'), ['c1', 'c2']);
    await expectMatch('contacts', cond('tags', 'contains', 'تهران'), ['c1']);
    await expectMatch('contacts', cond('tags', 'contains', 'vi'), []);
    await expectMatch('contacts', cond('tags', 'in', ['vip', 'عمده']), ['c1', 'c2', 'c4']);
    await expectMatch('contacts', cond('tags', 'nin', ['vip']), ['c3', 'c4', 'c5']);
  });

  test('references: eq, in, ne on organizationId', async () => {
    await expectMatch('contacts', cond('organizationId', 'eq', orgs.A!.id), ['c1']);
    await expectMatch('contacts', cond('organizationId', 'in', [orgs.A!.id, orgs.B!.id]), ['c1', 'c2']);
    await expectMatch('contacts', cond('organizationId', 'ne', orgs.A!.id), ['c2', 'c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('organizationId', 'eq', missingId()), []);
  });
});

describe('phones and addresses', () => {
  test('a single phone field matches in any typed format', async () => {
    for (const typed of ['09138086200', '+989138086200', '0913 808 6200', '۰۹۱۳۸۰۸۶۲۰۰', '0098-913-808-6200']) {
      await expectMatch('leads', cond('mobile', 'eq', typed), ['l1']);
    }
    await expectMatch('leads', cond('mobile', 'in', ['09138086200', '۰۹۱۲ ۱۲۳ ۴۵۶۷']), ['l1', 'l2']);
    await expectMatch('leads', cond('mobile', 'ne', '09138086200'), ['l2', 'l3']);
    await expectMatch('leads', cond('phone', 'eq', '031 9100 7879'), ['l2']);
    await expectMatch('leads', cond('mobile', 'contains', '808 62'), ['l1']);
    await expectMatch('leads', cond('mobile', 'contains', '۸۰۸۶'), ['l1']);
    await expectMatch('leads', cond('mobile', 'isEmpty'), ['l3']);
  });

  test('a phones list matches any of its numbers, in any format, and by kind', async () => {
    await expectMatch('contacts', cond('phones', 'eq', '0912 111 1111'), ['c1']);
    await expectMatch('contacts', cond('phones', 'eq', '+982188776655'), ['c1']);
    await expectMatch('contacts', cond('phones', 'eq', '۰۹۱۲۲۲۲۲۲۲۲'), ['c2']);
    await expectMatch('contacts', cond('phones', 'contains', '2222'), ['c2']);
    await expectMatch('contacts', cond('phones', 'contains', '0913'), ['c4']);
    await expectMatch('contacts', cond('phones.number', 'eq', '09133333333'), ['c4']);
    await expectMatch('contacts', cond('phones.kind', 'eq', 'work'), ['c1']);
  });

  test('addresses.city matches any of a contact’s addresses; billingAddress.city the organization’s', async () => {
    await expectMatch('contacts', cond('addresses.city', 'eq', 'تهران'), ['c1', 'c2']);
    await expectMatch('contacts', cond('addresses.city', 'eq', 'شیراز'), ['c2']);
    await expectMatch('contacts', cond('addresses.city', 'contains', 'شیر'), ['c2']);
    await expectMatch('contacts', cond('addresses.city', 'in', ['شیراز', 'مشهد']), ['c2']);
    await expectMatch('contacts', cond('addresses.kind', 'eq', 'shipping'), ['c2']);
    await expectMatch('organizations', cond('billingAddress.city', 'eq', 'تهران'), ['A']);
    await expectMatch('organizations', cond('billingAddress.city', 'ne', 'تهران'), ['B', 'C', 'D']);
    await expectMatch('organizations', cond('billingAddress.city', 'isEmpty'), ['C', 'D']);
    await expectMatch('organizations', cond('billingAddress.street', 'startsWith', 'خیابان'), ['A']);
    await expectMatch('organizations', cond('shippingAddress.city', 'eq', 'تهران'), ['D']);
  });
});

describe('system fields', () => {
  test('ownerId, createdBy, number and id filter like fields', async () => {
    await expectMatch('contacts', cond('ownerId', 'eq', otherUserId), ['c5']);
    await expectMatch('contacts', cond('ownerId', 'ne', otherUserId), ['c1', 'c2', 'c3', 'c4']);
    await expectMatch('contacts', cond('ownerId', 'in', [adminId, otherUserId]), ['c1', 'c2', 'c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('ownerGroupId', 'isEmpty'), ['c1', 'c2', 'c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('createdBy', 'eq', adminId), ['c1', 'c2', 'c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('number', 'eq', contacts.c2!.number), ['c2']);
    await expectMatch('contacts', cond('number', 'in', [contacts.c1!.number, contacts.c3!.number]), ['c1', 'c3']);
    await expectMatch('contacts', cond('number', 'startsWith', 'CON-'), ['c1', 'c2', 'c3', 'c4', 'c5']);
    await expectMatch('contacts', cond('number', 'eq', orgs.A!.number), []);
    await expectMatch('contacts', cond('id', 'in', [contacts.c4!.id, orgs.A!.id]), ['c4']);
    await expectMatch('contacts', cond('version', 'eq', 1), ['c1', 'c2', 'c3', 'c4', 'c5']);
  });
});

describe('filter trees', () => {
  test('nested and/or trees combine conditions', async () => {
    await expectMatch(
      'contacts',
      {
        or: [
          { and: [cond('tags', 'contains', 'vip'), cond('emailOptOut', 'eq', true)] },
          cond('lastName', 'eq', 'محمدی'),
        ],
      },
      ['c1', 'c4'],
    );
    await expectMatch(
      'contacts',
      {
        and: [
          { or: [cond('leadSource', 'eq', 'website'), cond('leadSource', 'eq', 'referral')] },
          cond('birthDate', 'lt', '1370/01/01'),
        ],
      },
      ['c2'],
    );
    await expectMatch(
      'contacts',
      { and: [cond('addresses.city', 'eq', 'تهران'), { or: [cond('phones', 'contains', '1111'), cond('tags', 'nin', ['vip'])] }] },
      ['c1'],
    );
  });

  test('an empty and matches everything, an empty or nothing', async () => {
    await expectMatch('contacts', { and: [] }, ['c1', 'c2', 'c3', 'c4', 'c5']);
    await expectMatch('contacts', { or: [] }, []);
    await expectMatch('contacts', { and: [{ or: [] }, cond('lastName', 'eq', 'رضایی')] }, []);
  });

  test('a tree eight levels deep is accepted; nine is 400 filter_too_deep', async () => {
    const nest = (levels: number): unknown => {
      let node: unknown = cond('lastName', 'eq', 'رضایی');
      for (let i = 0; i < levels; i++) node = { and: [node] };
      return node;
    };
    await expectMatch('contacts', nest(7), ['c1']);
    expectProblem(await query('contacts', nest(8)), 400, { code: 'filter_too_deep' });
    expectProblem(await query('contacts', nest(40)), 400);
  });

  test('more than 100 conditions in a tree is 400', async () => {
    const many = Array.from({ length: 60 }, () => cond('lastName', 'eq', 'x'));
    expectProblem(await query('contacts', { or: [{ and: many }, { and: many }] }), 400);
    expectProblem(await query('contacts', { or: Array.from({ length: 101 }, () => cond('lastName', 'eq', 'x')) }), 400);
    const res = await query('contacts', { or: Array.from({ length: 100 }, (_, i) => cond('lastName', 'eq', i === 99 ? 'کریمی' : `x${i}`)) });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data.map((r: Rec) => r.id), [contacts.c2!.id]);
  });
});

describe('filter errors', () => {
  test('an unknown field is 400 unknown_filter_field naming its path in the tree', async () => {
    expectProblem(await query('contacts', cond('favouriteColour', 'eq', 'x')), 400, {
      field: 'filter.field',
      code: 'unknown_filter_field',
    });
    expectProblem(await query('contacts', { and: [cond('shoeSize', 'eq', 42)] }), 400, {
      field: 'filter.and.0.field',
      code: 'unknown_filter_field',
    });
    expectProblem(
      await query('contacts', { or: [cond('lastName', 'eq', 'x'), { and: [cond('lastName', 'eq', 'x'), cond('nope', 'isEmpty')] }] }),
      400,
      { field: 'filter.or.1.and.1.field', code: 'unknown_filter_field' },
    );
    for (const field of ['addresses.zip', 'lastName.first', 'custom.nothing', 'custom', 'addresses.city.name', 'name', 'data', '']) {
      const res = await query('contacts', cond(field, 'eq', 'x'));
      expectProblem(res, 400);
      assert.ok(res.body.errors.some((e: { field: string }) => e.field.startsWith('filter')), JSON.stringify(res.body));
    }
  });

  test('the users password cannot be filtered on', async () => {
    expectProblem(await query('users', cond('password', 'isNotEmpty')), 400, { field: 'filter.field', code: 'unknown_filter_field' });
  });

  test('an operator the field type does not allow is 400 operator_not_allowed on the op', async () => {
    for (const [module, field, op, value] of [
      ['contacts', 'lastName', 'lt', 'x'],
      ['contacts', 'lastName', 'between', ['a', 'b']],
      ['contacts', 'emailOptOut', 'contains', 'true'],
      ['contacts', 'emailOptOut', 'gt', true],
      ['contacts', 'tags', 'eq', 'vip'],
      ['contacts', 'tags', 'startsWith', 'v'],
      ['contacts', 'leadSource', 'contains', 'web'],
      ['contacts', 'leadSource', 'lt', 'website'],
      ['contacts', 'addresses', 'eq', 'تهران'],
      ['contacts', 'organizationId', 'contains', 'abc'],
      ['contacts', 'number', 'lt', 'CON-2000'],
      ['organizations', 'employees', 'contains', '5'],
      ['organizations', 'billingAddress', 'eq', 'تهران'],
      ['organizations', 'billingAddress.city', 'lt', 'تهران'],
      ['contacts', 'createdAt', 'contains', '2024'],
    ] as const) {
      const res = await query(module, cond(field, op, value));
      const error = expectProblem(res, 400, { field: 'filter.op', code: 'operator_not_allowed' });
      assert.ok(error!.message.includes(op), error!.message);
    }
  });

  test('a value the field cannot hold is 400 naming filter.value', async () => {
    for (const [module, field, op, value] of [
      ['organizations', 'employees', 'gt', 'many'],
      ['organizations', 'employees', 'eq', true],
      ['organizations', 'annualRevenue', 'between', [1]],
      ['organizations', 'annualRevenue', 'between', 5],
      ['contacts', 'birthDate', 'eq', '1400/12/30'],
      ['contacts', 'birthDate', 'lt', 'yesterday'],
      ['contacts', 'createdAt', 'gte', '2024-01-01'],
      ['contacts', 'createdAt', 'gte', 'now'],
      ['contacts', 'emailOptOut', 'eq', 'yes'],
      ['contacts', 'leadSource', 'eq', 'carrier pigeon'],
      ['contacts', 'leadSource', 'in', 'website'],
      ['contacts', 'leadSource', 'in', []],
      ['contacts', 'ownerId', 'eq', 'abc'],
      ['contacts', 'organizationId', 'eq', 42],
      ['contacts', 'lastName', 'eq', { $ne: 1 }],
      ['contacts', 'lastName', 'eq', ['a']],
      ['contacts', 'lastName', 'contains', ''],
      ['contacts', 'lastName', 'eq', null],
      ['contacts', 'lastName', 'eq', undefined],
      ['contacts', 'lastName', 'contains', 'a\u0000b'],
      ['leads', 'mobile', 'eq', '123'],
      ['contacts', 'phones', 'eq', 'not a phone'],
      ['contacts', 'version', 'gt', 'x'],
    ] as const) {
      const res = await query(module, cond(field, op, value));
      expectProblem(res, 400);
      assert.ok(
        res.body.errors.some((e: { field: string }) => e.field.startsWith('filter.value')),
        `${field} ${op} ${JSON.stringify(value)}: ${JSON.stringify(res.body)}`,
      );
    }
    const between = await query('organizations', cond('annualRevenue', 'between', [1, 'lots']));
    expectProblem(between, 400, { field: 'filter.value.1' });
  });

  test('a malformed tree is 400: unknown operator, extra keys, wrong shapes', async () => {
    for (const filter of [
      cond('lastName', 'like', 'x'),
      { field: 'lastName', op: 'eq', value: 'x', extra: 1 },
      { and: cond('lastName', 'eq', 'x') },
      { and: [], or: [] },
      { field: 'lastName' },
      { not: cond('lastName', 'eq', 'x') },
      'lastName = x',
      [cond('lastName', 'eq', 'x')],
      42,
    ]) {
      expectProblem(await query('contacts', filter), 400);
    }
    expectProblem(await api.post('/api/v1/contacts/query', { filter: {}, limit: 10 }), 400);
    expectProblem(await api.post('/api/v1/contacts/query', { where: {} }), 400, { field: 'where', code: 'unknown_field' });
  });

  test('no combination of field, operator and value answers 500', async () => {
    const metadata = ok(await api.get('/api/v1/metadata/modules'));
    // Values a field of the type would accept, including edge cases, and some that no field would.
    const plausible: Record<string, unknown[]> = {
      number: [1.5, 3_000_000_000, '۱۲', -0.001],
      currency: [1.5, '۱٬۲۰۰٬۰۰۰'],
      percent: [99.5],
      date: ['1403/05/12', '0001-01-01'],
      datetime: ['2024-08-02T10:00:00+03:30', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999999Z'],
      boolean: [true, false],
      phone: ['09138086200', '+44 20 7946 0958'],
      phoneList: ['09138086200'],
      reference: [missingId()],
      picklist: ['website', 'oil_gas'],
      text: ['x', '%_\\', "'; drop table records; --"],
    };
    const cases: [string, unknown][] = [];
    // Every field of contacts; from organizations and leads the types contacts lack.
    const scope: Record<string, (type: string) => boolean> = {
      contacts: () => true,
      organizations: (type) => type === 'address' || type === 'number' || type === 'legalNationalId',
      leads: (type) => type === 'phone' || type === 'postalCode',
    };
    for (const [moduleName, wanted] of Object.entries(scope)) {
      const module = metadata.data.find((m: { name: string }) => m.name === moduleName);
      const fields = [...(moduleName === 'contacts' ? module.systemFields : []), ...module.fields] as {
        filterPath?: string;
        name: string;
        type: string;
        operators: string[];
        subFields?: string[];
      }[];
      // `version` has a test of its own below (a known 500), so this one can catch anything else.
      for (const field of fields.filter((f) => wanted(f.type) && f.name !== 'version')) {
        const path = field.filterPath ?? field.name;
        const values = [...(plausible[field.type] ?? plausible.text!), field.type === 'text' ? 1e300 : 'x'];
        for (const op of field.operators) {
          for (const value of op === 'isEmpty' || op === 'isNotEmpty' ? [undefined] : values) {
            const shaped = op === 'in' || op === 'nin' ? [value] : op === 'between' ? [value, value] : value;
            cases.push([moduleName, cond(path, op, shaped)]);
          }
        }
        for (const sub of field.subFields ?? []) {
          for (const op of ['eq', 'contains', 'in', 'isEmpty']) cases.push([moduleName, cond(`${path}.${sub}`, op, op === 'in' ? ['x', '%'] : '%')]);
        }
      }
    }
    const failures: string[] = [];
    // A few at a time: enough to keep the server busy, few enough sockets.
    for (let i = 0; i < cases.length; i += 16) {
      await Promise.all(
        cases.slice(i, i + 16).map(async ([module, filter]) => {
          const res = await query(module, filter);
          if (res.status !== 200 && res.status !== 400) failures.push(`${module} ${JSON.stringify(filter)} → ${res.status}`);
        }),
      );
    }
    assert.ok(cases.length > 500, String(cases.length));
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} of ${cases.length} filters failed`);
  });

  test('numeric system fields: a fraction or a huge version is 400, not a database error', async () => {
    await expectMatch('contacts', cond('version', 'lt', '۲'), ['c1', 'c2', 'c3', 'c4', 'c5']);
    expectProblem(await query('contacts', cond('version', 'eq', 1.5)), 400, { field: 'filter.value' });
    expectProblem(await query('contacts', cond('version', 'gt', 3_000_000_000)), 400, { field: 'filter.value' });
    expectProblem(await query('contacts', cond('version', 'in', [1, -0.5])), 400, { field: 'filter.value.1' });
  });
});

describe('query body', () => {
  test('sort, limit, cursor and fields work in the query body', async () => {
    const first = ok(await query('contacts', cond('ownerId', 'eq', adminId), { sort: 'number', limit: 2 }));
    assert.deepEqual(
      first.data.map((r: Rec) => r.id),
      [contacts.c1!.id, contacts.c2!.id],
    );
    const second = ok(await query('contacts', cond('ownerId', 'eq', adminId), { sort: 'number', limit: 2, cursor: first.nextCursor }));
    assert.deepEqual(
      second.data.map((r: Rec) => r.id),
      [contacts.c3!.id, contacts.c4!.id],
    );
    assert.equal(second.nextCursor, null);

    const slim = ok(await query('contacts', cond('id', 'eq', contacts.c1!.id), { fields: ['firstName'] }));
    assert.equal(slim.data[0].firstName, 'علی');
    assert.equal(slim.data[0].id, contacts.c1!.id);
    assert.ok(!('lastName' in slim.data[0]), JSON.stringify(slim.data[0]));
    expectProblem(await query('contacts', cond('id', 'eq', contacts.c1!.id), { sort: 'shoeSize' }), 400, { field: 'sort' });
    expectProblem(await query('contacts', undefined, { limit: 0 }), 400, { field: 'limit' });
    expectProblem(await query('contacts', undefined, { limit: 201 }), 400, { field: 'limit' });
  });

  test('a filter and a quick search combine', async () => {
    const res = ok(await query('contacts', cond('tags', 'contains', 'vip'), { q: 'زهرا' }));
    assert.deepEqual(
      res.data.map((r: Rec) => r.id),
      [contacts.c2!.id],
    );
  });

  test('a plain user can query too', async () => {
    const plain = await plainUserClient(server.url, api);
    const res = await plain.api.post('/api/v1/contacts/query', { filter: cond('lastName', 'eq', 'کریمی') });
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.data.map((r: Rec) => r.id),
      [contacts.c2!.id],
    );
  });
});
