import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { ApiClient } from './support/api-client.js';
import { expectProblem, ok } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;
let organizationId: string;
let saraId: string;

const ORGANIZATION = 'پرتو گستر امید';

async function download(target: TestServer, path: string) {
  const response = await fetch(`${target.url}${path}`, { headers: { authorization: `Bearer ${target.adminToken}` } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function startImport(target: TestServer, file: string, fileName = 'contacts.vcf', module = 'contacts') {
  const form = new FormData();
  form.set('module', module);
  form.set('file', new Blob([Buffer.from(file, 'utf8')]), fileName);
  const response = await fetch(`${target.url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.adminToken}`, 'accept-language': 'en' },
    body: form,
  });
  const body = (await response.json()) as { id: string; errors?: { field: string }[] };
  return { status: response.status, body };
}

async function importFile(target: TestServer, file: string) {
  const client = new ApiClient(target.url, target.adminToken);
  const started = await startImport(target, file);
  assert.equal(started.status, 202, JSON.stringify(started.body));
  for (let i = 0; i < 600; i++) {
    const state = ok(await client.get(`/api/v1/imports/${started.body.id}`));
    if (['completed', 'failed'].includes(state.status)) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

type Card = InstanceType<typeof ICAL.Component>;

/** The file read back with ical.js, one component per card. */
function cardsOf(text: string): Card[] {
  const parsed = ICAL.parse(text) as unknown[];
  const list = parsed[0] === 'vcard' ? [parsed] : parsed;
  return list.map((jCard) => new ICAL.Component(jCard as unknown[]));
}

const values = (card: Card, name: string) =>
  card.getAllProperties(name).map((p) => ({ types: [p.getParameter('type') ?? []].flat(), value: p.getFirstValue() }));

const allContacts = async (client: ApiClient) =>
  ok(await client.post('/api/v1/contacts/query', { limit: 200, sort: 'lastName' })).data as Record<string, unknown>[];

before(async () => {
  server = await startTestServer({ jobPollIntervalMs: 50 });
  api = new ApiClient(server.url, server.adminToken);
  organizationId = ok(await api.post('/api/v1/organizations', { name: ORGANIZATION }), 201).id;
  saraId = ok(
    await api.post('/api/v1/contacts', {
      firstName: 'سارا',
      lastName: 'احمدی‌نژاد',
      title: 'مدیر فروش, ارشد',
      organizationId,
      department: 'فروش',
      birthDate: '1370/01/15',
      phones: [
        { kind: 'mobile', number: '۰۹۱۲۱۲۳۴۵۶۷' },
        { kind: 'work', number: '021-8877 6655' },
      ],
      emails: [{ kind: 'personal', address: 'Sara@Example.ir' }],
      addresses: [
        {
          kind: 'work',
          street: 'خیابان ولیعصر; پلاک ۱۲, واحد ۳',
          city: 'تهران',
          province: 'تهران',
          postalCode: '1318914356',
          country: 'ایران',
        },
      ],
      description: 'مشتری قدیمی از سال ۱۳۹۵؛ پیگیری قرارداد پشتیبانی سالانه با واحد مالی.\nخط دوم \\ با بک‌اسلش',
    }),
    201,
  ).id;
  ok(
    await api.post('/api/v1/contacts', { firstName: 'رضا', lastName: 'کاظمی', phones: [{ number: '09351112233' }] }),
    201,
  );
});
after(() => server.stop());

describe('vCard export', () => {
  test('4.0: every property of a contact, read back with ical.js', async () => {
    const { response, bytes } = await download(server, '/api/v1/contacts/export?format=vcf&sort=lastName');
    assert.equal(response.status, 200, bytes.toString());
    assert.match(response.headers.get('content-type') ?? '', /^text\/vcard; charset=utf-8/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="contacts-.*\.vcf"/);
    const text = bytes.toString('utf8');
    const cards = cardsOf(text);
    assert.equal(cards.length, 2);
    const sara = cards.find((c) => c.getFirstPropertyValue('uid') === `urn:uuid:${saraId}`)!;
    assert.ok(sara, text);
    assert.equal(sara.getFirstPropertyValue('version'), '4.0');
    assert.equal(sara.getFirstPropertyValue('fn'), 'سارا احمدی‌نژاد');
    assert.deepEqual(sara.getFirstPropertyValue('n'), ['احمدی‌نژاد', 'سارا', '', '', '']);
    assert.deepEqual(sara.getFirstPropertyValue('org'), [ORGANIZATION, 'فروش']);
    assert.equal(sara.getFirstPropertyValue('title'), 'مدیر فروش, ارشد');
    assert.deepEqual(values(sara, 'tel'), [
      { types: ['cell'], value: 'tel:+989121234567' },
      { types: ['work', 'voice'], value: 'tel:+982188776655' },
    ]);
    assert.match(text, /\r\nTEL;VALUE=uri;TYPE=cell:tel:\+989121234567\r\n/);
    assert.deepEqual(values(sara, 'email'), [{ types: ['home'], value: 'sara@example.ir' }]);
    assert.deepEqual(values(sara, 'adr'), [
      {
        types: ['work'],
        value: ['', '', 'خیابان ولیعصر; پلاک ۱۲, واحد ۳', 'تهران', 'تهران', '1318914356', 'ایران'],
      },
    ]);
    assert.equal(String(sara.getFirstPropertyValue('bday')), '1991-04-04');
    assert.equal(
      sara.getFirstPropertyValue('note'),
      'مشتری قدیمی از سال ۱۳۹۵؛ پیگیری قرارداد پشتیبانی سالانه با واحد مالی.\nخط دوم \\ با بک‌اسلش',
    );
    // Folded at 75 octets (a continuation line adds its leading space), never inside a character.
    for (const line of text.split('\r\n')) {
      const octets = Buffer.byteLength(line, 'utf8');
      assert.ok(octets <= (line.startsWith(' ') ? 76 : 75), `${octets} octets: ${line}`);
      assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8')));
    }
    assert.ok(!text.includes('\uFFFD'));
    assert.match(text, /\r\n {1}\S/, 'the long note is folded');
  });

  test('3.0 on request: upper-case TYPEs and plain E.164 numbers, the filter applied', async () => {
    const filter = encodeURIComponent(JSON.stringify({ field: 'lastName', op: 'eq', value: 'احمدی‌نژاد' }));
    const { response, bytes } = await download(
      server,
      `/api/v1/contacts/export?format=vcf&version=3.0&filter=${filter}`,
    );
    assert.equal(response.status, 200, bytes.toString());
    const text = bytes.toString('utf8');
    const cards = cardsOf(text);
    assert.equal(cards.length, 1);
    assert.equal(cards[0]!.getFirstPropertyValue('version'), '3.0');
    assert.match(text, /\r\nTEL;TYPE=CELL:\+989121234567\r\n/);
    assert.match(text, /\r\nEMAIL;TYPE=INTERNET,HOME:sara@example\.ir\r\n/);
    assert.equal(String(cards[0]!.getFirstPropertyValue('bday')), '1991-04-04');
  });

  test('only contacts export as vCard; a bad version is named', async () => {
    for (const [path, field] of [
      ['/api/v1/organizations/export?format=vcf', 'format'],
      ['/api/v1/contacts/export?format=vcf&version=2.1', 'version'],
    ] as const) {
      expectProblem(await api.get(path), 400, { field });
    }
  });
});

const QP = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `=${b.toString(16).toUpperCase()}`).join('');

/** Cards as phones write them (Google Contacts 3.0, iOS 3.0 with item groups, Android 2.1, 4.0), a nameless and a broken one. */
function phoneExport(): string {
  const fn = QP('مهدی رضایی');
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:مینا تهرانی',
    'N:تهرانی;مینا;;;',
    'TEL;TYPE=CELL:0912 765 4321',
    'EMAIL;TYPE=INTERNET;TYPE=HOME:mina@example.ir',
    `ORG:${ORGANIZATION}`,
    'TITLE:کارشناس خرید',
    'BDAY:1990-05-04',
    'NOTE:یادداشتی طولانی که در پرونده تا شده است تا خطوط از ۷۵ بایت بیشتر',
    '  نشوند',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'PRODID:-//Apple Inc.//iPhone OS 17.5//EN',
    'N:Karimi;Ali;;;',
    'FN:Ali Karimi',
    'item1.TEL;type=pref:+98 (912) 111-2233',
    'item1.X-ABLabel:_$!<Mobile>!$_',
    'TEL;type=WORK;type=VOICE:021 2233 4455',
    'item2.EMAIL;type=INTERNET;type=WORK;type=pref:Ali@Karimi.ir',
    'ADR;type=WORK:;واحد ۴;خیابان ولیعصر;تهران;تهران;;ایران',
    'item3.ADR;type=HOME;type=pref:;;خیابان آزادی\\, کوچه ۵;تهران;تهران;1318914356;ایران',
    'BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-04',
    'END:VCARD',
    '',
    'BEGIN:VCARD',
    'VERSION:2.1',
    `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${QP('رضایی')};${QP('مهدی')};;;`,
    `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${fn.slice(0, 30)}=`,
    fn.slice(30),
    'TEL;CELL:09121234000',
    'TEL;WORK;FAX:021-88776600',
    'EMAIL;HOME:mahdi@example.ir',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:4.0',
    'FN:Neda Sadeghi',
    'N:Sadeghi;Neda;;;',
    'TEL;VALUE=uri;TYPE="voice,cell":tel:+98-912-444-5566',
    `ORG:${ORGANIZATION};پشتیبانی`,
    'BDAY:19881122',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'TEL;TYPE=CELL:09125556677',
    'EMAIL:noname@example.ir',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Broken;Card;;;',
    'this line is no property',
    'END:VCARD',
  ].join('\r\n');
}

describe('vCard import', () => {
  test('cards from phones become contacts: E.164 phones, kinds, organization by name; a nameless card is reported', async () => {
    const state = await importFile(server, phoneExport());
    assert.equal(state.status, 'completed', JSON.stringify(state));
    assert.deepEqual(
      { total: state.totalRows, imported: state.imported, failed: state.failed },
      { total: 6, imported: 4, failed: 2 },
    );
    const byLast = new Map((await allContacts(api)).map((c) => [c.lastName, c]));
    const phones = (c: Record<string, unknown> | undefined) =>
      (c?.phones as { kind: string; number: string }[]).map((p) => `${p.kind} ${p.number}`);

    const mina = byLast.get('تهرانی')!;
    assert.equal(mina.firstName, 'مینا');
    assert.deepEqual(phones(mina), ['mobile +989127654321']);
    assert.deepEqual(mina.emails, [{ kind: 'personal', address: 'mina@example.ir' }]);
    assert.equal(mina.organizationId, organizationId);
    assert.equal(mina.title, 'کارشناس خرید');
    assert.equal(mina.birthDate, '1990-05-04');
    assert.equal(mina.description, 'یادداشتی طولانی که در پرونده تا شده است تا خطوط از ۷۵ بایت بیشتر نشوند');

    const ali = byLast.get('Karimi')!;
    assert.deepEqual(phones(ali), ['mobile +989121112233', 'work +982122334455']);
    assert.deepEqual(ali.emails, [{ kind: 'work', address: 'ali@karimi.ir' }]);
    // The preferred address is the main one, first; the card's other one is kept too.
    const [address, work] = ali.addresses as Record<string, unknown>[];
    assert.deepEqual(
      [address!.kind, address!.street, address!.city, address!.province, address!.postalCode, address!.country],
      ['main', 'خیابان آزادی, کوچه ۵', 'تهران', 'تهران', '1318914356', 'ایران'],
    );
    assert.deepEqual([work!.kind, work!.street, work!.city], ['other', 'خیابان ولیعصر, واحد ۴', 'تهران']);
    assert.equal((ali.addresses as unknown[]).length, 2);
    assert.equal(ali.birthDate ?? null, null, 'a birthday without a year is left out');

    const mahdi = byLast.get('رضایی')!;
    assert.equal(mahdi.firstName, 'مهدی', 'quoted-printable Persian from a vCard 2.1 export');
    assert.deepEqual(phones(mahdi), ['mobile +989121234000', 'fax +982188776600']);
    assert.deepEqual(mahdi.emails, [{ kind: 'personal', address: 'mahdi@example.ir' }]);

    const neda = byLast.get('Sadeghi')!;
    assert.deepEqual(phones(neda), ['mobile +989124445566']);
    assert.equal(neda.organizationId, organizationId);
    assert.equal(neda.department, 'پشتیبانی');
    assert.equal(neda.birthDate, '1988-11-22');

    const response = await fetch(`${server.url}/api/v1/imports/${state.id}/errors`, {
      headers: { authorization: `Bearer ${server.adminToken}`, 'accept-language': 'en' },
    });
    const rows = parse(Buffer.from(await response.arrayBuffer()).toString('utf8'), { bom: true }) as string[][];
    const [header, failed, broken, ...rest] = rows;
    assert.deepEqual(rest, []);
    assert.equal(broken![header!.indexOf('Row number')], '6', 'a card ical.js cannot read is reported, not dropped');
    assert.match(broken![header!.indexOf('vCard')]!, /this line is no property/);
    assert.equal(header!.at(-2), 'Row number');
    const cell = (name: string) => failed![header!.indexOf(name)];
    assert.equal(cell('Row number'), '5', 'cards are numbered in file order');
    assert.equal(cell('phones.mobile'), '09125556677');
    assert.match(cell('vCard')!, /^BEGIN:VCARD\r\nVERSION:3\.0\r\nTEL;TYPE=CELL:09125556677/);
    assert.match(cell('Reason')!, /First name/);
  });

  test('a vCard is for contacts only, and the module is named', async () => {
    const started = await startImport(server, phoneExport(), 'cards.vcf', 'organizations');
    assert.equal(started.status, 400);
    assert.ok(
      started.body.errors?.some((e) => e.field === 'module'),
      JSON.stringify(started.body),
    );
  });

  test('a file with no card is refused, naming the file', async () => {
    const started = await startImport(server, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', 'empty.vcf');
    assert.equal(started.status, 400);
    assert.ok(
      started.body.errors?.some((e) => e.field === 'file'),
      JSON.stringify(started.body),
    );
  });
});

describe('vCard round trip', () => {
  for (const version of ['4.0', '3.0']) {
    test(`contacts exported as vCard ${version} and imported into a fresh server are the same contacts`, async () => {
      const { bytes } = await download(server, `/api/v1/contacts/export?format=vcf&version=${version}`);
      const fresh = await startTestServer({ jobPollIntervalMs: 50 });
      try {
        const client = new ApiClient(fresh.url, fresh.adminToken);
        const freshOrganizationId = ok(await client.post('/api/v1/organizations', { name: ORGANIZATION }), 201).id;
        const state = await importFile(fresh, bytes.toString('utf8'));
        assert.equal(state.failed, 0, JSON.stringify(state));
        // An address comes back as the contact's main address: imports fill one address of kind main.
        const shape = (c: Record<string, unknown>, orgId: string) => ({
          ...Object.fromEntries(
            ['firstName', 'lastName', 'title', 'department', 'birthDate', 'description'].map((k) => [k, c[k] ?? null]),
          ),
          organization: c.organizationId === orgId ? ORGANIZATION : (c.organizationId ?? null),
          phones: (c.phones as { kind: string; number: string }[]).map((p) => [p.kind, p.number]),
          emails: c.emails,
          addresses: (c.addresses as Record<string, unknown>[]).map(({ kind: _kind, ...rest }) => rest),
        });
        const before = (await allContacts(api)).map((c) => shape(c, organizationId));
        const afterImport = (await allContacts(client)).map((c) => shape(c, freshOrganizationId));
        assert.equal(afterImport.length, before.length);
        assert.deepEqual(afterImport, before);
      } finally {
        await fresh.stop();
      }
    });
  }
});
