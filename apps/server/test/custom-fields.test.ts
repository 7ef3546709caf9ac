import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { expectProblem, idsOf, missingId, ok, plainUserClient, q, sortedIds, walkPages } from './support/records-helpers.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;
let plain: ApiClient;

const FIELDS = '/api/v1/metadata/modules/contacts/fields';
type Rec = Record<string, any> & { id: string };

async function addField(body: Record<string, unknown>, module = 'contacts') {
  return ok(await api.post(`/api/v1/metadata/modules/${module}/fields`, body), 201);
}

async function contactFields(): Promise<Rec[]> {
  const modules = ok(await api.get('/api/v1/metadata/modules'));
  return modules.data.find((m: { name: string }) => m.name === 'contacts').fields;
}

const query = (filter: unknown, extra: Record<string, unknown> = {}) =>
  api.post('/api/v1/contacts/query', { filter, limit: 200, ...extra });

async function matchIds(filter: unknown): Promise<string[]> {
  const res = await query(filter);
  assert.equal(res.status, 200, `${JSON.stringify(filter)}: ${JSON.stringify(res.body)}`);
  return sortedIds(idsOf(res.body));
}

let org: Rec;
let early: Rec;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  plain = (await plainUserClient(server.url, api)).api;
  org = ok(await api.post('/api/v1/organizations', { name: 'سازمان مرجع' }), 201);
  // A contact from before any custom field existed.
  early = ok(await api.post('/api/v1/contacts', { firstName: 'قدیمی' }), 201);

  await addField({ name: 'region', type: 'text', label: { fa: 'منطقه', en: 'Region' } });
  await addField({ name: 'score', type: 'number', label: { fa: 'امتیاز', en: 'Score' }, min: 0, max: 1000 });
  await addField({ name: 'since', type: 'date', label: { fa: 'مشتری از', en: 'Customer since' } });
  await addField({ name: 'lastVisit', type: 'datetime', label: { fa: 'آخرین مراجعه', en: 'Last visit' } });
  await addField({
    name: 'tier',
    type: 'picklist',
    label: { fa: 'سطح باشگاه', en: 'Club tier' },
    options: [
      { value: 'gold', label: { fa: 'طلایی', en: 'Gold' } },
      { value: 'silver', label: { fa: 'نقره‌ای', en: 'Silver' } },
      { value: 'bronze', label: { fa: 'برنزی', en: 'Bronze' } },
    ],
  });
  await addField({ name: 'vip', type: 'boolean', label: { fa: 'ویژه', en: 'VIP' } });
  await addField({ name: 'interests', type: 'tags', label: { fa: 'علاقه‌مندی‌ها', en: 'Interests' } });
  await addField({ name: 'partnerOrg', type: 'reference', target: 'organizations', label: { fa: 'سازمان همکار', en: 'Partner organization' } });
  await addField({ name: 'emergencyPhone', type: 'phone', label: { fa: 'تلفن اضطراری', en: 'Emergency phone' } });
});
after(() => server.stop());

describe('defining custom fields', () => {
  test('a new field is described with its filter path and operators, and listed by the metadata API', async () => {
    const created = await api.post(FIELDS, { name: 'nickname', type: 'text', label: { fa: 'لقب', en: 'Nickname' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.name, 'nickname');
    assert.equal(created.body.type, 'text');
    assert.equal(created.body.custom, true);
    assert.equal(created.body.filterPath, 'custom.nickname');
    assert.deepEqual(created.body.label, { fa: 'لقب', en: 'Nickname' });
    assert.ok(created.body.operators.includes('contains'));

    const listed = (await contactFields()).find((f) => f.name === 'nickname');
    assert.ok(listed, 'listed under contacts');
    assert.equal(listed.custom, true);
    assert.equal(listed.filterPath, 'custom.nickname');
    const fields = ok(await api.get(FIELDS));
    assert.ok(fields.data.some((f: Rec) => f.name === 'nickname' && f.custom === true));
    const orgFields = ok(await api.get('/api/v1/metadata/modules/organizations/fields'));
    assert.ok(!orgFields.data.some((f: Rec) => f.name === 'nickname'), 'only on the module it was added to');
    // Every custom field of the set-up is there too.
    const names = (await contactFields()).filter((f) => f.custom).map((f) => f.name);
    for (const name of ['region', 'score', 'since', 'lastVisit', 'tier', 'vip', 'interests', 'partnerOrg', 'emergencyPhone']) {
      assert.ok(names.includes(name), name);
    }
  });

  test('a label without English falls back to the Persian one', async () => {
    const created = ok(await api.post(FIELDS, { name: 'faOnly', type: 'longText', label: { fa: 'یادداشت داخلی' } }), 201);
    assert.deepEqual(created.label, { fa: 'یادداشت داخلی', en: 'یادداشت داخلی' });
  });

  test('bad definitions are 400 naming the problem; a taken name is 409', async () => {
    expectProblem(await api.post(FIELDS, { name: 'region', type: 'text', label: { fa: 'دوباره' } }), 409, { field: 'name', code: 'field_exists' });
    for (const name of ['Bad', '1abc', 'has-dash', 'has space', 'نام', '', 'a'.repeat(61)]) {
      expectProblem(await api.post(FIELDS, { name, type: 'text', label: { fa: 'بد' } }), 400, { field: 'name' });
    }
    expectProblem(await api.post(FIELDS, { name: 'kind', type: 'spaceship', label: { fa: 'نوع' } }), 400, { field: 'type' });
    expectProblem(await api.post(FIELDS, { name: 'kind', type: 'password', label: { fa: 'رمز' } }), 400, { field: 'type' });
    expectProblem(await api.post(FIELDS, { name: 'kind', type: 'picklist', label: { fa: 'نوع' } }), 400, {
      field: 'options',
      code: 'options_required',
    });
    expectProblem(
      await api.post(FIELDS, {
        name: 'kind',
        type: 'picklist',
        label: { fa: 'نوع' },
        options: [
          { value: 'a', label: { fa: 'الف' } },
          { value: 'a', label: { fa: 'ب' } },
        ],
      }),
      400,
      { field: 'options', code: 'duplicate_value' },
    );
    expectProblem(await api.post(FIELDS, { name: 'ref', type: 'reference', label: { fa: 'مرجع' } }), 400, { field: 'target' });
    expectProblem(await api.post(FIELDS, { name: 'ref', type: 'reference', target: 'planets', label: { fa: 'مرجع' } }), 400, {
      field: 'target',
    });
    expectProblem(await api.post(FIELDS, { name: 'nolabel', type: 'text' }), 400, { field: 'label' });
    expectProblem(await api.post(FIELDS, { name: 'extra', type: 'text', label: { fa: 'ا' }, colour: 'red' }), 400, {
      field: 'colour',
      code: 'unknown_field',
    });
    expectProblem(await api.post(FIELDS, { name: 'range', type: 'number', label: { fa: 'بازه' }, min: 10, max: 1 }), 400, { field: 'min' });
    expectProblem(await api.post('/api/v1/metadata/modules/planets/fields', { name: 'x', type: 'text', label: { fa: 'x' } }), 404);
    assert.ok(!(await contactFields()).some((f) => f.name === 'kind' || f.name === 'ref'), 'nothing half-created');
  });
});

describe('custom values on records', () => {
  test('values of every type are validated, normalised and returned under custom', async () => {
    const created = await api.post('/api/v1/contacts', {
      firstName: 'سفارشی',
      custom: {
        region: 'شمال‌غرب',
        score: '۴۲',
        since: '1402/01/01',
        lastVisit: '2024-08-02T10:30:00+03:30',
        tier: 'طلایی',
        vip: true,
        interests: ['کوهنوردی', 'کتاب', 'کتاب'],
        partnerOrg: org.id,
        emergencyPhone: '۰۹۱۳ ۸۰۸ ۶۲۰۰',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const c = created.body.custom;
    assert.equal(c.region, 'شمال‌غرب');
    assert.equal(c.score, 42);
    assert.equal(c.since, '2023-03-21');
    assert.equal(c.lastVisit, '2024-08-02T07:00:00.000Z');
    assert.equal(c.tier, 'gold');
    assert.equal(c.vip, true);
    assert.deepEqual(c.interests, ['کوهنوردی', 'کتاب']);
    assert.equal(c.partnerOrg, org.id);
    assert.equal(c.emergencyPhone, '+989138086200');
    assert.deepEqual(ok(await api.get(`/api/v1/contacts/${created.body.id}`)).custom, c);
  });

  test('a record without values shows every custom field empty, also one created before the fields existed', async () => {
    const fetched = ok(await api.get(`/api/v1/contacts/${early.id}`));
    assert.equal(fetched.custom.region, null);
    assert.equal(fetched.custom.score, null);
    assert.deepEqual(fetched.custom.interests, []);
    assert.equal(fetched.custom.vip, false);
    const patched = ok(await api.patch(`/api/v1/contacts/${early.id}`, { custom: { region: 'جنوب' } }));
    assert.equal(patched.custom.region, 'جنوب');
    assert.equal(patched.version, 2);
  });

  test('bad custom values are 400 on custom.<name> with the type’s code', async () => {
    for (const [name, value, code] of [
      ['score', 'زیاد', undefined],
      ['score', 5000, 'too_big'],
      ['score', -1, 'too_small'],
      ['since', '1400/12/30', 'invalid_date'],
      ['lastVisit', '2024-08-02 10:30', 'invalid_datetime'],
      ['tier', 'platinum', 'invalid_option'],
      ['vip', 'بله', undefined],
      ['interests', 'کتاب', undefined],
      ['partnerOrg', missingId(), 'reference_not_found'],
      ['partnerOrg', 'not-an-id', undefined],
      ['emergencyPhone', '12345', 'invalid_phone'],
      ['region', 'x'.repeat(300), 'too_big'],
    ] as const) {
      const res = await api.post('/api/v1/contacts', { firstName: 'بد', custom: { [name]: value } });
      expectProblem(res, 400, { field: `custom.${name}`, ...(code ? { code } : {}) });
    }
    const contact = ok(await api.post('/api/v1/contacts', { firstName: 'سالم', custom: { score: 1 } }), 201);
    const bad = await api.patch(`/api/v1/contacts/${contact.id}`, { custom: { score: 'هیچ' } });
    expectProblem(bad, 400, { field: 'custom.score' });
    assert.equal(ok(await api.get(`/api/v1/contacts/${contact.id}`)).custom.score, 1);
    expectProblem(await api.post('/api/v1/contacts', { firstName: 'بد', custom: 'region=x' }), 400, { field: 'custom' });
  });

  test('PATCH of one custom value keeps the others; null removes one; history names custom.<name>', async () => {
    const contact = ok(
      await api.post('/api/v1/contacts', { firstName: 'تکه‌ای', custom: { region: 'مرکز', score: 10, interests: ['فوتبال'] } }),
      201,
    );
    const patched = ok(await api.patch(`/api/v1/contacts/${contact.id}`, { custom: { score: 20 } }));
    assert.equal(patched.custom.region, 'مرکز');
    assert.equal(patched.custom.score, 20);
    assert.deepEqual(patched.custom.interests, ['فوتبال']);
    const removed = ok(await api.patch(`/api/v1/contacts/${contact.id}`, { custom: { region: null, interests: [] } }));
    assert.equal(removed.custom.region, null);
    assert.deepEqual(removed.custom.interests, []);
    assert.equal(removed.custom.score, 20);

    const history = ok(await api.get(`/api/v1/contacts/${contact.id}/history`));
    assert.deepEqual(history.data[1].changes, [{ field: 'custom.score', from: 10, to: 20 }]);
    const last = Object.fromEntries(history.data[0].changes.map((c: Rec) => [c.field, c]));
    assert.deepEqual(last['custom.region'], { field: 'custom.region', from: 'مرکز', to: null });
  });

  test('a plain user can write custom values', async () => {
    const res = await plain.post('/api/v1/contacts', { firstName: 'کاربری', custom: { tier: 'silver', score: '۷' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.custom.tier, 'silver');
    assert.equal(res.body.custom.score, 7);
  });

  test('custom fields work on other modules too', async () => {
    await addField({ name: 'budget', type: 'currency', label: { fa: 'بودجه', en: 'Budget' } }, 'leads');
    const lead = ok(await api.post('/api/v1/leads', { lastName: 'بودجه‌دار', custom: { budget: '۲٬۵۰۰٬۰۰۰' } }), 201);
    assert.equal(lead.custom.budget, 2_500_000);
    const found = ok(await api.post('/api/v1/leads/query', { filter: { field: 'custom.budget', op: 'gte', value: 2_000_000 } }));
    assert.deepEqual(idsOf(found), [lead.id]);
    expectProblem(await api.post('/api/v1/contacts', { firstName: 'x', custom: { budget: 1 } }), 400, { field: 'custom.budget', code: 'unknown_field' });
  });
});

describe('filtering and sorting by custom fields', () => {
  const people: Record<string, Rec> = {};

  before(async () => {
    const make = async (key: string, custom: Record<string, unknown>) => {
      people[key] = ok(await api.post('/api/v1/contacts', { firstName: `فیلتر ${key}`, lastName: 'سفارشی‌ها', custom }), 201);
    };
    await make('p1', { region: 'تهران بزرگ', score: 90, since: '1399/05/01', tier: 'gold', vip: true, interests: ['کتاب', 'سفر'], partnerOrg: org.id, lastVisit: '2024-01-01T00:00:00Z', emergencyPhone: '09121112233' });
    await make('p2', { region: 'اصفهان', score: 9, since: '1402/10/10', tier: 'silver', vip: false, interests: ['سفر'] });
    await make('p3', { region: 'تهران', score: 100, tier: 'bronze', lastVisit: '2024-06-01T12:00:00+03:30' });
    await make('p4', {});
  });

  const within = (filter: unknown) => ({ and: [{ field: 'lastName', op: 'eq', value: 'سفارشی‌ها' }, filter] });
  const expect = async (filter: unknown, keys: string[]) =>
    assert.deepEqual(await matchIds(within(filter)), sortedIds(keys.map((k) => people[k]!.id)), JSON.stringify(filter));

  test('text: eq is exact, contains finds a part, isEmpty finds records without it', async () => {
    await expect({ field: 'custom.region', op: 'eq', value: 'تهران' }, ['p3']);
    await expect({ field: 'custom.region', op: 'contains', value: 'تهران' }, ['p1', 'p3']);
    await expect({ field: 'custom.region', op: 'startsWith', value: 'اصف' }, ['p2']);
    await expect({ field: 'custom.region', op: 'in', value: ['اصفهان', 'تهران'] }, ['p2', 'p3']);
    await expect({ field: 'custom.region', op: 'ne', value: 'تهران' }, ['p1', 'p2', 'p4']);
    await expect({ field: 'custom.region', op: 'isEmpty' }, ['p4']);
  });

  test('number: compared numerically', async () => {
    await expect({ field: 'custom.score', op: 'gt', value: 10 }, ['p1', 'p3']);
    await expect({ field: 'custom.score', op: 'lt', value: '۹۰' }, ['p2']);
    await expect({ field: 'custom.score', op: 'between', value: [9, 90] }, ['p1', 'p2']);
    await expect({ field: 'custom.score', op: 'eq', value: 100 }, ['p3']);
  });

  test('date with a Jalali value, datetime by instant', async () => {
    await expect({ field: 'custom.since', op: 'lt', value: '1400/01/01' }, ['p1']);
    await expect({ field: 'custom.since', op: 'gte', value: '۱۴۰۰/۰۱/۰۱' }, ['p2']);
    await expect({ field: 'custom.since', op: 'isEmpty' }, ['p3', 'p4']);
    await expect({ field: 'custom.lastVisit', op: 'gt', value: '2024-03-01T00:00:00Z' }, ['p3']);
    await expect({ field: 'custom.lastVisit', op: 'eq', value: '2024-06-01T08:30:00Z' }, ['p3']);
  });

  test('picklist by value or label, boolean false including no value, tags, reference, phone', async () => {
    await expect({ field: 'custom.tier', op: 'eq', value: 'نقره‌ای' }, ['p2']);
    await expect({ field: 'custom.tier', op: 'in', value: ['gold', 'Bronze'] }, ['p1', 'p3']);
    await expect({ field: 'custom.vip', op: 'eq', value: true }, ['p1']);
    await expect({ field: 'custom.vip', op: 'eq', value: false }, ['p2', 'p3', 'p4']);
    await expect({ field: 'custom.interests', op: 'contains', value: 'سفر' }, ['p1', 'p2']);
    await expect({ field: 'custom.interests', op: 'contains', value: 'کتاب' }, ['p1']);
    await expect({ field: 'custom.partnerOrg', op: 'eq', value: org.id }, ['p1']);
    await expect({ field: 'custom.emergencyPhone', op: 'eq', value: '+98 912 111 2233' }, ['p1']);
  });

  test('a custom field mixes with standard ones in a tree', async () => {
    await expect(
      { or: [{ and: [{ field: 'custom.vip', op: 'eq', value: false }, { field: 'custom.score', op: 'gte', value: 50 }] }, { field: 'custom.tier', op: 'eq', value: 'gold' }] },
      ['p1', 'p3'],
    );
  });

  test('operators and values are checked against the custom field’s type', async () => {
    expectProblem(await query({ field: 'custom.region', op: 'gt', value: 'x' }), 400, { field: 'filter.op', code: 'operator_not_allowed' });
    expectProblem(await query({ field: 'custom.vip', op: 'contains', value: 'x' }), 400, { field: 'filter.op', code: 'operator_not_allowed' });
    expectProblem(await query({ field: 'custom.score', op: 'gt', value: 'lots' }), 400, { field: 'filter.value' });
    expectProblem(await query({ field: 'custom.since', op: 'lt', value: '1400/13/01' }), 400, { field: 'filter.value', code: 'invalid_date' });
    expectProblem(await query({ field: 'custom.tier', op: 'eq', value: 'platinum' }), 400, { field: 'filter.value', code: 'invalid_option' });
    expectProblem(await query({ field: 'custom.nope', op: 'eq', value: 'x' }), 400, { field: 'filter.field', code: 'unknown_filter_field' });
  });

  test('sort by a custom number or text, paging through every record once', async () => {
    const ours = Object.values(people).map((p) => p.id);
    const walk = await walkPages((cursor) =>
      api.post('/api/v1/contacts/query', {
        filter: { field: 'lastName', op: 'eq', value: 'سفارشی‌ها' },
        sort: '-custom.score',
        limit: 1,
        cursor,
      }),
    );
    assert.deepEqual(walk.ids.slice(0, 3), [people.p3!.id, people.p1!.id, people.p2!.id]);
    assert.deepEqual(sortedIds(walk.ids), sortedIds(ours));
    const byScore = ok(await api.get(`/api/v1/contacts?sort=custom.score&q=${q('سفارشی‌ها')}`));
    const scores = byScore.data.map((r: Rec) => r.custom.score).filter((s: unknown) => s !== null);
    assert.deepEqual(scores, [9, 90, 100]);
    const byRegion = ok(await api.get(`/api/v1/contacts?sort=custom.region,id&limit=2&q=${q('سفارشی‌ها')}`));
    assert.equal(byRegion.data.length, 2);
    expectProblem(await api.get('/api/v1/contacts?sort=custom.interests'), 400, { field: 'sort' });
    expectProblem(await api.get('/api/v1/contacts?sort=custom.nope'), 400, { field: 'sort' });
  });

  test('a custom text value is found by the quick search and global search', async () => {
    const contact = ok(await api.post('/api/v1/contacts', { firstName: 'جستجوپذیر', custom: { region: 'کوهستان‌های زاگرس' } }), 201);
    assert.deepEqual(idsOf(ok(await api.get(`/api/v1/contacts?q=${q('زاگرس')}`))), [contact.id]);
    const global = ok(await api.get(`/api/v1/search?q=${q('زاگرس')}`));
    assert.deepEqual(global.data.map((r: Rec) => r.id), [contact.id]);
  });
});

describe('changing and deleting field definitions', () => {
  test('PATCH changes a label and picklist options; the new option is usable at once', async () => {
    const res = await api.patch(`${FIELDS}/tier`, {
      label: { fa: 'رده باشگاه', en: 'Club level' },
      options: [
        { value: 'gold', label: { fa: 'طلایی', en: 'Gold' } },
        { value: 'silver', label: { fa: 'نقره‌ای', en: 'Silver' } },
        { value: 'bronze', label: { fa: 'برنزی', en: 'Bronze' } },
        { value: 'platinum', label: { fa: 'پلاتینی', en: 'Platinum' } },
      ],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.label, { fa: 'رده باشگاه', en: 'Club level' });
    const listed = (await contactFields()).find((f) => f.name === 'tier')!;
    assert.equal(listed.label.en, 'Club level');
    assert.equal(listed.type, 'picklist');
    assert.deepEqual(
      listed.options.map((o: Rec) => o.value),
      ['gold', 'silver', 'bronze', 'platinum'],
    );
    const contact = await api.post('/api/v1/contacts', { firstName: 'پلاتینی', custom: { tier: 'پلاتینی' } });
    assert.equal(contact.status, 201, JSON.stringify(contact.body));
    assert.equal(contact.body.custom.tier, 'platinum');
  });

  test('PATCH can make a field required for new records without locking old ones', async () => {
    await addField({ name: 'source2', type: 'text', label: { fa: 'منبع دوم' } });
    const old = ok(await api.post('/api/v1/contacts', { firstName: 'پیش از الزام' }), 201);
    ok(await api.patch(`${FIELDS}/source2`, { required: true }));
    expectProblem(await api.post('/api/v1/contacts', { firstName: 'بدون منبع' }), 400, { field: 'custom.source2', code: 'required' });
    const ok1 = await api.post('/api/v1/contacts', { firstName: 'با منبع', custom: { source2: 'نمایشگاه' } });
    assert.equal(ok1.status, 201, JSON.stringify(ok1.body));
    const patched = await api.patch(`/api/v1/contacts/${old.id}`, { title: 'ویرایش' });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    // Leave the module as other tests expect it.
    ok(await api.delete(`${FIELDS}/source2`), 204);
  });

  test('changing a field’s type is 400 type_change_not_allowed; the field stays as it was', async () => {
    expectProblem(await api.patch(`${FIELDS}/score`, { type: 'text' }), 400, { field: 'type', code: 'type_change_not_allowed' });
    const same = await api.patch(`${FIELDS}/score`, { type: 'number', label: { fa: 'امتیاز', en: 'Points' } });
    assert.equal(same.status, 200, JSON.stringify(same.body));
    const listed = (await contactFields()).find((f) => f.name === 'score')!;
    assert.equal(listed.type, 'number');
    assert.equal(listed.label.en, 'Points');
    expectProblem(await api.patch(`${FIELDS}/tier`, { options: [] }), 400, { field: 'options' });
    expectProblem(await api.patch(`${FIELDS}/nope`, { label: { fa: 'x' } }), 404);
  });

  test('a standard field can be relabelled but not retyped or deleted', async () => {
    const res = await api.patch(`${FIELDS}/title`, { label: { fa: 'سمت سازمانی', en: 'Position' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal((await contactFields()).find((f) => f.name === 'title')!.label.en, 'Position');
    expectProblem(await api.patch(`${FIELDS}/title`, { type: 'number' }), 400, { field: 'type' });
    expectProblem(await api.patch(`${FIELDS}/title`, { maxLength: 5 }), 400, { field: 'maxLength', code: 'read_only' });
    expectProblem(await api.delete(`${FIELDS}/title`), 400, { field: 'name' });
    const contact = ok(await api.post('/api/v1/contacts', { firstName: 'سمت‌دار', title: 'مدیر' }), 201);
    assert.equal(contact.title, 'مدیر');
  });

  test('DELETE removes the field and its values: gone from records, filters, sorts, writes and metadata', async () => {
    await addField({ name: 'doomed', type: 'text', label: { fa: 'موقت' } });
    const contact = ok(await api.post('/api/v1/contacts', { firstName: 'حذف فیلد', custom: { doomed: 'موقت', region: 'ماندنی' } }), 201);
    assert.equal(contact.custom.doomed, 'موقت');

    const deleted = await api.delete(`${FIELDS}/doomed`);
    assert.equal(deleted.status, 204);
    const after = ok(await api.get(`/api/v1/contacts/${contact.id}`));
    assert.ok(!('doomed' in after.custom), JSON.stringify(after.custom));
    assert.equal(after.custom.region, 'ماندنی');
    assert.ok(!(await contactFields()).some((f) => f.name === 'doomed'));
    expectProblem(await query({ field: 'custom.doomed', op: 'isNotEmpty' }), 400, { field: 'filter.field', code: 'unknown_filter_field' });
    expectProblem(await api.patch(`/api/v1/contacts/${contact.id}`, { custom: { doomed: 'x' } }), 400, { field: 'custom.doomed', code: 'unknown_field' });
    expectProblem(await api.get('/api/v1/contacts?sort=custom.doomed'), 400, { field: 'sort' });
    expectProblem(await api.delete(`${FIELDS}/doomed`), 404);

    // A new field of the same name starts empty.
    await addField({ name: 'doomed', type: 'text', label: { fa: 'دوباره' } });
    assert.equal(ok(await api.get(`/api/v1/contacts/${contact.id}`)).custom.doomed, null);
    ok(await api.delete(`${FIELDS}/doomed`), 204);
  });

  test('after a custom field is deleted, its old values no longer find records in search', async () => {
    await addField({ name: 'secretCode', type: 'text', label: { fa: 'رمز پروژه' } });
    const contact = ok(await api.post('/api/v1/contacts', { firstName: 'پروژه', custom: { secretCode: 'سیمرغ‌طلایی' } }), 201);
    assert.deepEqual(idsOf(ok(await api.get(`/api/v1/contacts?q=${q('سیمرغ‌طلایی')}`))), [contact.id], 'found while the field exists');
    ok(await api.delete(`${FIELDS}/secretCode`), 204);
    assert.deepEqual(idsOf(ok(await api.get(`/api/v1/contacts?q=${q('سیمرغ‌طلایی')}`))), [], 'quick search');
    const search = ok(await api.get(`/api/v1/search?q=${q('سیمرغ‌طلایی')}`));
    assert.deepEqual(search.data.map((r: Rec) => r.id), [], 'global search');
  });
});

describe('field names that are also JavaScript property names', () => {
  test('a custom field named constructor, toString or valueOf is refused or works like any other', async () => {
    const created: string[] = [];
    for (const name of ['constructor', 'toString', 'valueOf']) {
      const res = await api.post(FIELDS, { name, type: 'text', label: { fa: name } });
      if (res.status === 201) created.push(name);
      else expectProblem(res, 400, { field: 'name' });
    }
    if (created.length === 0) return;
    try {
      const contact = ok(await api.post('/api/v1/contacts', { firstName: 'ویژگی‌ها' }), 201);
      for (const name of created) {
        assert.ok(Object.hasOwn(contact.custom, name), `custom.${name} is missing from ${JSON.stringify(contact.custom)}`);
        assert.equal(contact.custom[name], null);
      }
      const history = ok(await api.get(`/api/v1/contacts/${contact.id}/history`));
      const bogus = history.data[0].changes.filter((c: Rec) => c.field.startsWith('custom.'));
      assert.deepEqual(bogus, [], 'no change recorded for fields that were not set');
      const search = ok(await api.get(`/api/v1/search?q=${q('native code')}`));
      assert.deepEqual(search.data, [], 'no JavaScript source in the search text');
      ok(await api.patch(`${FIELDS}/${created[0]}`, { required: true }));
      expectProblem(await api.post('/api/v1/contacts', { firstName: 'بدون مقدار' }), 400, { field: `custom.${created[0]}`, code: 'required' });
    } finally {
      for (const name of created) assert.equal((await api.delete(`${FIELDS}/${name}`)).status, 204);
    }
  });
});

describe('who may change metadata', () => {
  test('a plain user reads metadata but gets 403 on every change', async () => {
    const modules = await plain.get('/api/v1/metadata/modules');
    assert.equal(modules.status, 200);
    assert.ok(modules.body.data.some((m: Rec) => m.name === 'contacts'));
    expectProblem(await plain.post(FIELDS, { name: 'sneaky', type: 'text', label: { fa: 'پنهان' } }), 403);
    expectProblem(await plain.patch(`${FIELDS}/region`, { label: { fa: 'تغییر' } }), 403);
    expectProblem(await plain.patch(`${FIELDS}/title`, { label: { fa: 'تغییر' } }), 403);
    expectProblem(await plain.delete(`${FIELDS}/region`), 403);
    const fields = await contactFields();
    assert.ok(!fields.some((f) => f.name === 'sneaky'));
    assert.equal(fields.find((f) => f.name === 'region')!.label.fa, 'منطقه');
  });

  test('with a session cookie, metadata changes need the CSRF token', async () => {
    const anonymous = new ApiClient(server.url, null);
    const login = await anonymous.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    assert.equal(login.status, 200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const csrf: string = login.body.csrfToken;
    assert.ok(csrf);
    const body = { name: 'viaCookie', type: 'text', label: { fa: 'کوکی' } };
    expectProblem(await anonymous.post(FIELDS, body, { cookie }), 403);
    expectProblem(await anonymous.post(FIELDS, body, { cookie, csrf: 'wrong' }), 403);
    assert.ok(!(await contactFields()).some((f) => f.name === 'viaCookie'));
    const res = await anonymous.post(FIELDS, body, { cookie, csrf });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    expectProblem(await anonymous.delete(`${FIELDS}/viaCookie`, { cookie }), 403);
    assert.equal((await anonymous.delete(`${FIELDS}/viaCookie`, { cookie, csrf })).status, 204);
  });

  test('without authentication metadata is 401', async () => {
    const anonymous = new ApiClient(server.url, null);
    expectProblem(await anonymous.get('/api/v1/metadata/modules'), 401);
    expectProblem(await anonymous.post(FIELDS, { name: 'anon', type: 'text', label: { fa: 'ناشناس' } }), 401);
  });
});
