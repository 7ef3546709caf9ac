import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type RunningServer, startServer } from '../src/server.js';
import { ApiClient } from './support/api-client.js';
import { testConfig, usingPostgres } from './support/auth-helpers.js';
import { expectProblem, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

const PERSIAN = /[\u0600-\u06FF]/;
const CONTACTS = '/api/v1/metadata/modules/contacts';
const FIELDS = `${CONTACTS}/fields`;

let server: TestServer;
let admin: ApiClient;
let plain: ApiClient;

type Block = { name: string; label: { fa: string; en: string } };
type Field = Record<string, any> & { name: string };

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  plain = (await plainUserClient(server.url, admin)).api;
});
after(() => server.stop());

const contactsMeta = async (api = admin) => ok(await api.get(CONTACTS));
const blockNames = (meta: { blocks: Block[] }) => meta.blocks.map((b) => b.name);
const fieldOf = async (name: string, module = 'contacts'): Promise<Field> =>
  ok(await admin.get(`/api/v1/metadata/modules/${module}`)).fields.find((f: Field) => f.name === name);

describe('arranging blocks', () => {
  test('an admin reorders, relabels and adds blocks; every reader sees them in that order', async () => {
    const before = await contactsMeta();
    assert.deepEqual(blockNames(before), ['details', 'channels', 'customer', 'addresses', 'description']);
    const byName = new Map<string, Block>(before.blocks.map((b: Block) => [b.name, b]));
    const blocks = [
      byName.get('channels')!,
      { name: 'details', label: { fa: 'مشخصات فردی', en: 'Personal details' } },
      { name: 'billing', label: { fa: 'صورتحساب', en: 'Billing' } },
      byName.get('description')!,
      byName.get('addresses')!,
      byName.get('customer')!,
    ];
    const res = ok(await admin.patch(CONTACTS, { blocks }));
    assert.deepEqual(res.blocks, blocks, 'the answer is the module as it now is');
    for (const reader of [admin, plain]) {
      const meta = await contactsMeta(reader);
      assert.deepEqual(meta.blocks, blocks);
    }
    const all = ok(await plain.get('/api/v1/metadata/modules'));
    assert.deepEqual(all.data.find((m: { name: string }) => m.name === 'contacts').blocks, blocks);
  });

  test('a field moves into a new block, and a block a field names must exist', async () => {
    const moved = ok(await admin.patch(`${FIELDS}/paymentTerms`, { block: 'billing' }));
    assert.equal(moved.block, 'billing');
    assert.equal((await fieldOf('paymentTerms')).block, 'billing');
    const wrong = expectProblem(await admin.patch(`${FIELDS}/paymentTerms`, { block: 'nowhere' }), 400, {
      field: 'block',
      code: 'unknown_block',
    });
    assert.match(wrong!.message, /billing/, 'the message lists the blocks there are');
    expectProblem(
      await admin.post(FIELDS, { name: 'vatNumber', type: 'text', label: { fa: 'شماره مالیاتی' }, block: 'nowhere' }),
      400,
      {
        field: 'block',
        code: 'unknown_block',
      },
    );
    ok(
      await admin.post(FIELDS, { name: 'vatNumber', type: 'text', label: { fa: 'شماره مالیاتی' }, block: 'billing' }),
      201,
    );
    assert.equal((await fieldOf('vatNumber')).block, 'billing');
  });

  test('a block that still holds fields cannot be dropped: 422 names it, in fa and en, and nothing changes', async () => {
    const before = await contactsMeta();
    const withoutBilling = before.blocks.filter((b: Block) => b.name !== 'billing');
    const fa = await admin.patch(CONTACTS, { blocks: withoutBilling });
    const issue = expectProblem(fa, 422, { field: 'blocks', code: 'block_not_empty' });
    assert.match(issue!.message, PERSIAN);
    assert.match(issue!.message, /billing/);
    assert.match(issue!.message, /paymentTerms/);
    assert.match(issue!.message, /vatNumber/);
    const en = await admin.patch(CONTACTS, { blocks: withoutBilling }, { language: 'en' });
    assert.match(en.body.detail, /Billing/);
    assert.doesNotMatch(en.body.errors[0].message, PERSIAN);
    assert.deepEqual((await contactsMeta()).blocks, before.blocks);
  });

  test('once empty, a block can be dropped', async () => {
    ok(await admin.patch(`${FIELDS}/paymentTerms`, { block: 'customer' }));
    ok(await admin.patch(`${FIELDS}/vatNumber`, { block: 'customer' }));
    const blocks = (await contactsMeta()).blocks.filter((b: Block) => b.name !== 'billing');
    assert.deepEqual(ok(await admin.patch(CONTACTS, { blocks })).blocks, blocks);
    assert.ok(!blockNames(await contactsMeta()).includes('billing'));
  });

  test('a block left out of the layout still shows while a field holds it (custom fields’ block)', async () => {
    const blocks = (await contactsMeta()).blocks;
    assert.ok(!blockNames({ blocks }).includes('custom'));
    ok(await admin.post(FIELDS, { name: 'region', type: 'text', label: { fa: 'منطقه', en: 'Region' } }), 201);
    const after = await contactsMeta();
    assert.deepEqual(after.blocks.slice(0, blocks.length), blocks);
    assert.deepEqual(after.blocks.at(-1), {
      name: 'custom',
      label: { fa: 'اطلاعات تکمیلی', en: 'Additional information' },
    });
    expectProblem(await admin.patch(CONTACTS, { blocks }), 422, { field: 'blocks', code: 'block_not_empty' });
  });

  test('names are checked: unique, camelCase; labels need Persian', async () => {
    const blocks = (await contactsMeta()).blocks;
    expectProblem(await admin.patch(CONTACTS, { blocks: [...blocks, blocks[0]] }), 400, {
      field: `blocks.${blocks.length}.name`,
      code: 'listed_twice',
    });
    expectProblem(
      await admin.patch(CONTACTS, { blocks: [...blocks, { name: 'Bad Name', label: { fa: 'بد' } }] }),
      400,
      {
        field: `blocks.${blocks.length}.name`,
        code: 'invalid_name',
      },
    );
    expectProblem(await admin.patch(CONTACTS, { blocks: [...blocks, { name: 'noLabel' }] }), 400, {
      field: `blocks.${blocks.length}.label`,
    });
    expectProblem(
      await admin.patch(CONTACTS, { blocks: [...blocks, { name: 'x', label: { fa: 'x' }, icon: 'y' }] }),
      400,
      {
        field: `blocks.${blocks.length}.icon`,
        code: 'unknown_field',
      },
    );
    const onlyFa = ok(
      await admin.patch(CONTACTS, { blocks: [...blocks, { name: 'notes', label: { fa: 'یادداشت‌ها' } }] }),
    );
    assert.deepEqual(onlyFa.blocks.at(-1).label, { fa: 'یادداشت‌ها', en: 'یادداشت‌ها' });
  });

  test('only admins arrange blocks; an unknown module is 404', async () => {
    const blocks = (await contactsMeta()).blocks;
    expectProblem(await plain.patch(CONTACTS, { blocks }), 403);
    expectProblem(await admin.patch('/api/v1/metadata/modules/spaceships', { blocks }), 404);
  });
});

describe('standard fields an admin may change', () => {
  test('label, position, block, quickCreate and hidden of a standard field', async () => {
    const changed = ok(
      await admin.patch('/api/v1/metadata/modules/organizations/fields/website', {
        label: { fa: 'تارنما', en: 'Site' },
        position: 5,
        block: 'description',
        quickCreate: true,
        hidden: true,
      }),
    );
    assert.equal(changed.label.en, 'Site');
    const field = await fieldOf('website', 'organizations');
    assert.deepEqual(
      {
        label: field.label,
        position: field.position,
        block: field.block,
        quickCreate: field.quickCreate,
        hidden: field.hidden,
      },
      { label: { fa: 'تارنما', en: 'Site' }, position: 5, block: 'description', quickCreate: true, hidden: true },
    );
    const organizations = ok(await admin.get('/api/v1/metadata/modules/organizations'));
    assert.equal(organizations.fields[0].name, 'website', 'fields come in position order');
    ok(await admin.patch('/api/v1/metadata/modules/organizations/fields/website', { hidden: false }));
    assert.equal((await fieldOf('website', 'organizations')).hidden, false);
  });

  test('a required field cannot be hidden: no form would let anyone fill it in', async () => {
    expectProblem(await admin.patch('/api/v1/metadata/modules/organizations/fields/name', { hidden: true }), 400, {
      field: 'hidden',
      code: 'required_field_hidden',
    });
    ok(await admin.post(FIELDS, { name: 'badge', type: 'text', label: { fa: 'نشان' }, required: true }), 201);
    expectProblem(await admin.patch(`${FIELDS}/badge`, { hidden: true }), 400, { field: 'hidden' });
    ok(await admin.patch(`${FIELDS}/badge`, { hidden: true, required: false }));
  });
});

describe('picklist values', () => {
  const SALUTATION = `${FIELDS}/salutation`;
  const salutation = () => fieldOf('salutation');
  const option = (value: string, fa: string, en: string, hidden = false) => ({
    value,
    label: { fa, en },
    ...(hidden ? { hidden } : {}),
  });

  test('an admin adds, relabels and hides values of a standard picklist; records use the new ones', async () => {
    const declared = (await salutation()).options;
    const options = [
      ...declared.map((o: { value: string; label: { fa: string; en: string } }) =>
        o.value === 'mrs'
          ? { ...o, label: { fa: 'سرکار خانم', en: 'Mrs.' } }
          : o.value === 'eng'
            ? { ...o, hidden: true }
            : o,
      ),
      option('prof', 'استاد', 'Prof.'),
    ];
    ok(await admin.patch(SALUTATION, { options }));
    const after = (await salutation()).options;
    assert.deepEqual(
      after.map((o: { value: string }) => o.value),
      ['mr', 'mrs', 'dr', 'eng', 'prof'],
    );
    assert.equal(after.find((o: { value: string }) => o.value === 'mrs').label.fa, 'سرکار خانم');
    assert.equal(after.find((o: { value: string }) => o.value === 'eng').hidden, true);
    const contact = ok(await admin.post('/api/v1/contacts', { lastName: 'رضایی', salutation: 'prof' }), 201);
    assert.equal(contact.salutation, 'prof');
  });

  test('Peyvand’s own values are never removed, only hidden (422 names them)', async () => {
    const options = (await salutation()).options.filter((o: { value: string }) => o.value !== 'dr' && o.value !== 'mr');
    const res = await admin.patch(SALUTATION, { options });
    const issue = expectProblem(res, 422, { field: 'options', code: 'option_declared' });
    assert.match(issue!.message, /mr, dr/);
    assert.match(issue!.message, PERSIAN);
    assert.ok(
      (await salutation()).options.some((o: { value: string }) => o.value === 'dr'),
      'nothing changed',
    );
  });

  test('a value a record holds cannot be removed, even from the recycle bin; an unused one can', async () => {
    const current = (await salutation()).options;
    ok(
      await admin.patch(SALUTATION, {
        options: [...current, option('hajj', 'حاج', 'Hajj'), option('spare', 'یدکی', 'Spare')],
      }),
    );
    const holder = ok(await admin.post('/api/v1/contacts', { lastName: 'کریمی', salutation: 'hajj' }), 201);
    ok(await admin.delete(`/api/v1/contacts/${holder.id}`));

    const withoutBoth = (await salutation()).options.filter(
      (o: { value: string }) => o.value !== 'hajj' && o.value !== 'spare',
    );
    const res = await admin.patch(SALUTATION, { options: withoutBoth }, { language: 'en' });
    const issue = expectProblem(res, 422, { field: 'options', code: 'option_in_use' });
    assert.match(issue!.message, /hajj/);
    assert.doesNotMatch(issue!.message, /spare/);
    assert.match(issue!.message, /hide them instead/);

    const withoutSpare = (await salutation()).options.filter((o: { value: string }) => o.value !== 'spare');
    ok(await admin.patch(SALUTATION, { options: withoutSpare }));
    assert.ok(!(await salutation()).options.some((o: { value: string }) => o.value === 'spare'));
    const hidden = withoutSpare.map((o: { value: string }) => (o.value === 'hajj' ? { ...o, hidden: true } : o));
    ok(await admin.patch(SALUTATION, { options: hidden }));
  });

  test('the same holds for custom picklists and multi-picklists', async () => {
    ok(
      await admin.post(FIELDS, {
        name: 'tier',
        type: 'picklist',
        label: { fa: 'سطح' },
        options: [
          option('gold', 'طلایی', 'Gold'),
          option('silver', 'نقره‌ای', 'Silver'),
          option('bronze', 'برنزی', 'Bronze'),
        ],
      }),
      201,
    );
    ok(
      await admin.post(FIELDS, {
        name: 'interests',
        type: 'multiPicklist',
        label: { fa: 'علاقه‌ها' },
        options: [
          option('books', 'کتاب', 'Books'),
          option('music', 'موسیقی', 'Music'),
          option('sport', 'ورزش', 'Sport'),
        ],
      }),
      201,
    );
    ok(
      await admin.post('/api/v1/contacts', {
        lastName: 'طلایی',
        custom: { tier: 'gold', interests: ['music', 'books'] },
      }),
      201,
    );

    expectProblem(await admin.patch(`${FIELDS}/tier`, { options: [option('silver', 'نقره‌ای', 'Silver')] }), 422, {
      field: 'options',
      code: 'option_in_use',
    });
    ok(
      await admin.patch(`${FIELDS}/tier`, {
        options: [option('gold', 'طلایی', 'Gold'), option('silver', 'نقره‌ای', 'Silver')],
      }),
    );
    const music = expectProblem(
      await admin.patch(`${FIELDS}/interests`, { options: [option('books', 'کتاب', 'Books')] }),
      422,
      {
        code: 'option_in_use',
      },
    );
    assert.match(music!.message, /music/);
    assert.doesNotMatch(music!.message, /sport/);
    ok(
      await admin.patch(`${FIELDS}/interests`, {
        options: [option('books', 'کتاب', 'Books'), option('music', 'موسیقی', 'Music')],
      }),
    );
  });
});

// Several app servers share one database only on PostgreSQL.
if (usingPostgres()) {
  describe('two app servers', () => {
    let second: RunningServer;

    before(async () => {
      second = await startServer(testConfig({ databaseUrl: server.server.ctx.config.databaseUrl }));
    });
    after(() => second.stop());

    test('a layout saved on one server is served by the other on its next request', async () => {
      const other = new ApiClient(second.url, server.adminToken);
      const blocks = ok(await other.get('/api/v1/metadata/modules/leads')).blocks as Block[];
      const reordered = [...blocks].reverse();
      ok(await admin.patch('/api/v1/metadata/modules/leads', { blocks: reordered }));
      assert.deepEqual(ok(await other.get('/api/v1/metadata/modules/leads')).blocks, reordered);
    });
  });
}
