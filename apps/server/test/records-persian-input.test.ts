import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { badNationalCode, expectProblem, nationalCode, ok } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
});
after(() => server.stop());

const org = async (body: Record<string, unknown>) => api.post('/api/v1/organizations', { name: 'آزمون', ...body });

describe('numbers typed the Persian way', () => {
  test('Persian digits with Persian thousands separators: «۱٬۲۰۰٬۰۰۰» is 1200000', async () => {
    const created = ok(await org({ annualRevenue: '۱٬۲۰۰٬۰۰۰', employees: '۱۲' }), 201);
    assert.equal(created.annualRevenue, 1200000);
    assert.equal(created.employees, 12);
    assert.equal(ok(await api.get(`/api/v1/organizations/${created.id}`)).annualRevenue, 1200000);
  });

  test('Arabic-Indic digits, Latin commas, Persian comma and spaces all read as the same number', async () => {
    for (const [input, expected] of [
      ['٣٤٥', 345],
      ['1,200,000', 1200000],
      ['۱ ۲۰۰ ۰۰۰', 1200000],
      ['۲،۵۰۰', 2500],
      ['٢٫٥', 2.5],
      [7_500_000_000, 7_500_000_000],
    ] as const) {
      const created = await org({ annualRevenue: input });
      assert.equal(created.status, 201, `${input}: ${JSON.stringify(created.body)}`);
      assert.equal(created.body.annualRevenue, expected, String(input));
    }
  });

  test('a number that is not one, or below the minimum, is 400 on that field', async () => {
    expectProblem(await org({ annualRevenue: 'یک میلیون' }), 400, { field: 'annualRevenue' });
    expectProblem(await org({ annualRevenue: '۱۲ab' }), 400, { field: 'annualRevenue' });
    expectProblem(await org({ employees: '-۵' }), 400, { field: 'employees', code: 'too_small' });
    expectProblem(await org({ annualRevenue: '1e16' }), 400, { field: 'annualRevenue', code: 'too_big' });
  });

  test('limit in a list query accepts Persian digits', async () => {
    for (let i = 0; i < 3; i++) ok(await org({ name: `شمارش ${i}` }), 201);
    const page = ok(await api.get(`/api/v1/organizations?limit=${encodeURIComponent('۲')}`));
    assert.equal(page.data.length, 2);
  });
});

describe('dates', () => {
  test("a Jalali birth date '1403/05/12' is stored as '2024-08-02'", async () => {
    const contact = ok(await api.post('/api/v1/contacts', { lastName: 'تولد', birthDate: '1403/05/12' }), 201);
    assert.equal(contact.birthDate, '2024-08-02');
    assert.equal(ok(await api.get(`/api/v1/contacts/${contact.id}`)).birthDate, '2024-08-02');
  });

  test('Persian digits, other separators and Gregorian input give the same date', async () => {
    for (const input of ['۱۴۰۳/۰۵/۱۲', '1403-5-12', '1403.05.12', '١٤٠٣/٠٥/١٢', '2024-08-02']) {
      const contact = await api.post('/api/v1/contacts', { lastName: 'تولد', birthDate: input });
      assert.equal(contact.status, 201, `${input}: ${JSON.stringify(contact.body)}`);
      assert.equal(contact.body.birthDate, '2024-08-02', input);
    }
    // Nowruz: 1 Farvardin 1403 is 20 March 2024; the last day of leap year 1403 is 20 March 2025.
    const nowruz = ok(await api.post('/api/v1/contacts', { lastName: 'نوروز', birthDate: '1403/01/01' }), 201);
    assert.equal(nowruz.birthDate, '2024-03-20');
    const leap = ok(await api.post('/api/v1/contacts', { lastName: 'کبیسه', birthDate: '1403/12/30' }), 201);
    assert.equal(leap.birthDate, '2025-03-20');
  });

  test('a date that does not exist is 400 invalid_date on birthDate, in Persian by default', async () => {
    for (const input of ['1400/12/30', '1403/13/01', '1403/07/31', '2023-02-29', 'دیروز', '12/05/1403']) {
      const res = await api.post('/api/v1/contacts', { lastName: 'تاریخ بد', birthDate: input });
      const error = expectProblem(res, 400, { field: 'birthDate', code: 'invalid_date' });
      assert.match(error!.message, /تاریخ/, input);
    }
  });
});

describe('phone numbers', () => {
  const mobileFormats = [
    '09138086200',
    '+989138086200',
    '00989138086200',
    '989138086200',
    '9138086200',
    '0913 808 6200',
    '0913-808-6200',
    '(0913) 808 6200',
    '+98 913 808 6200',
    '+98 (0) 913 808 6200',
    '۰۹۱۳۸۰۸۶۲۰۰',
    '۰۹۱۳ ۸۰۸ ۶۲۰۰',
    '٠٩١٣٨٠٨٦٢٠٠',
    '\u200e+98 913 808 6200',
  ];

  test('a mobile typed in any usual format is returned as E.164, the typed form kept under `typed`', async () => {
    for (const typed of mobileFormats) {
      const lead = await api.post('/api/v1/leads', { lastName: 'شماره', mobile: typed });
      assert.equal(lead.status, 201, `${typed}: ${JSON.stringify(lead.body)}`);
      assert.equal(lead.body.mobile, '+989138086200', typed);
      assert.equal(lead.body.typed?.mobile, typed, typed);
      const fetched = ok(await api.get(`/api/v1/leads/${lead.body.id}`));
      assert.equal(fetched.mobile, '+989138086200');
      assert.equal(fetched.typed.mobile, typed);
    }
  });

  test('landlines with an area code become E.164 too', async () => {
    for (const [typed, e164] of [
      ['03191007879', '+983191007879'],
      ['031-9100 7879', '+983191007879'],
      ['۰۲۱ ۸۸۷۷ ۶۶۵۵', '+982188776655'],
      ['+98 21 8877 6655', '+982188776655'],
    ]) {
      const created = await org({ phone: typed });
      assert.equal(created.status, 201, `${typed}: ${JSON.stringify(created.body)}`);
      assert.equal(created.body.phone, e164, typed);
      assert.equal(created.body.typed.phone, typed);
    }
  });

  test('a contact keeps several phones, each normalised with its kind and typed form', async () => {
    const contact = ok(
      await api.post('/api/v1/contacts', {
        firstName: 'چندشماره',
        phones: [
          { kind: 'mobile', number: '۰۹۱۲ ۱۲۳ ۴۵۶۷' },
          { kind: 'work', number: '021-88776655' },
          { number: '+44 20 7946 0958' },
        ],
      }),
      201,
    );
    assert.deepEqual(
      contact.phones.map((p: { kind: string; number: string }) => [p.kind, p.number]),
      [
        ['mobile', '+989121234567'],
        ['work', '+982188776655'],
        ['mobile', '+442079460958'],
      ],
    );
    assert.equal(contact.phones[0].typed, '۰۹۱۲ ۱۲۳ ۴۵۶۷');
  });

  test('a number that is not a phone is 400 invalid_phone naming the field (and the list item)', async () => {
    for (const typed of ['12345', '0913808620', '091380862000', '01012345678', 'تلفن ندارد', '0912-abc-4567']) {
      const res = await api.post('/api/v1/leads', { lastName: 'بد', mobile: typed });
      expectProblem(res, 400, { field: 'mobile', code: 'invalid_phone' });
    }
    const list = await api.post('/api/v1/contacts', {
      lastName: 'بد',
      phones: [{ kind: 'mobile', number: '09121234567' }, { kind: 'work', number: '123' }],
    });
    expectProblem(list, 400, { field: 'phones.1.number', code: 'invalid_phone' });
  });
});

describe('Iranian identifiers', () => {
  const valid = nationalCode('049937089');

  test('a valid national code typed with Persian digits and dashes is stored as 10 Latin digits', async () => {
    const persian = valid.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    const typed = `${persian.slice(0, 3)}-${persian.slice(3, 9)}-${persian.slice(9)}`;
    const contact = ok(await api.post('/api/v1/contacts', { lastName: 'کدملی', nationalCode: typed }), 201);
    assert.equal(contact.nationalCode, valid);
  });

  test('a Tehran code whose leading zeros a spreadsheet dropped is padded back', async () => {
    const tehran = nationalCode('001234567');
    const contact = ok(await api.post('/api/v1/contacts', { lastName: 'تهرانی', nationalCode: tehran.replace(/^0+/, '') }), 201);
    assert.equal(contact.nationalCode, tehran);
  });

  test('an invalid national code is 400 invalid_national_code on nationalCode, in Persian by default and English on request', async () => {
    const body = { lastName: 'نامعتبر', nationalCode: badNationalCode('049937089') };
    const fa = await api.post('/api/v1/contacts', body);
    const faError = expectProblem(fa, 400, { field: 'nationalCode', code: 'invalid_national_code' });
    assert.equal(faError!.message, 'کد ملی نامعتبر است.');
    assert.match(fa.body.title, /[\u0600-\u06FF]/, 'a Persian title');

    const en = await api.post('/api/v1/contacts', body, { language: 'en' });
    const enError = expectProblem(en, 400, { field: 'nationalCode', code: 'invalid_national_code' });
    assert.equal(enError!.message, 'Invalid national code.');
    assert.equal(en.body.title, 'Invalid input');

    const lead = await api.post('/api/v1/leads', { lastName: 'x', nationalCode: '123' });
    expectProblem(lead, 400, { field: 'nationalCode', code: 'invalid_national_code' });
    const withHeader = await api.post('/api/v1/leads', { lastName: 'x', nationalCode: '123' }, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    assert.equal(withHeader.body.errors[0].message, 'Invalid national code.');
  });

  test('organization national ID, economic code and a lead postal code are validated and normalised', async () => {
    const created = ok(await org({ nationalId: '۱۰۳۸۰۲۸۴۷۹۰', economicCode: '10380284790' }), 201);
    assert.equal(created.nationalId, '10380284790');
    assert.equal(created.economicCode, '10380284790');
    expectProblem(await org({ nationalId: '10380284791' }), 400, { field: 'nationalId', code: 'invalid_legal_national_id' });
    expectProblem(await org({ economicCode: '123' }), 400, { field: 'economicCode', code: 'invalid_economic_code' });

    const lead = ok(await api.post('/api/v1/leads', { lastName: 'پستی', postalCode: '۱۱۹۳۶-۵۳۴۷۱' }), 201);
    assert.equal(lead.postalCode, '1193653471');
    expectProblem(await api.post('/api/v1/leads', { lastName: 'پستی', postalCode: '1234' }), 400, {
      field: 'postalCode',
      code: 'invalid_postal_code',
    });
    const address = await api.post('/api/v1/contacts', {
      lastName: 'نشانی',
      addresses: [{ city: 'اصفهان', postalCode: '0000000000' }],
    });
    expectProblem(address, 400, { field: 'addresses.0.postalCode', code: 'invalid_postal_code' });
  });
});

describe('text comes back as typed', () => {
  test('Persian with ZWNJ, emoji, bidi marks and line breaks is returned byte for byte', async () => {
    const description = 'می‌خواهیم قرارداد را تمدید کنیم 👨‍👩‍👧‍👦 🇮🇷\nخط دوم: «نقل‌قول» و \u200fعلامت‌ها\t— ۱۲۳ ٤٥٦ 789 ✅';
    const lastName = 'رضایی‌نژاد';
    const firstName = '  فاطمه ‌ ';
    const created = ok(await api.post('/api/v1/contacts', { firstName, lastName, description }), 201);
    assert.equal(created.description, description);
    assert.equal(created.lastName, lastName);
    const fetched = ok(await api.get(`/api/v1/contacts/${created.id}`));
    assert.equal(Buffer.from(fetched.description).toString('hex'), Buffer.from(description).toString('hex'));
    assert.equal(fetched.lastName, lastName);
    assert.equal(fetched.firstName, firstName);
    const patched = ok(await api.patch(`/api/v1/contacts/${created.id}`, { title: 'مدیر‌عامل 🚀' }));
    assert.equal(patched.title, 'مدیر‌عامل 🚀');
  });

  test('a lone surrogate or a NUL character is 400 invalid_text, not a database error', async () => {
    const nul = await api.request('POST', '/api/v1/contacts', undefined, {
      rawBody: '{"lastName":"a\\u0000b"}',
    });
    expectProblem(nul, 400, { field: 'lastName', code: 'invalid_text' });
    const surrogate = await api.request('POST', '/api/v1/contacts', undefined, {
      rawBody: '{"lastName":"\\ud800x"}',
    });
    expectProblem(surrogate, 400, { field: 'lastName', code: 'invalid_text' });
  });

  test('e-mail addresses are stored lower-cased, websites get a scheme', async () => {
    const lead = ok(await api.post('/api/v1/leads', { lastName: 'وب', email: ' Ali.Rezaei@Example.IR ', website: 'www.partogostar.ir' }), 201);
    assert.equal(lead.email, 'ali.rezaei@example.ir');
    assert.equal(lead.website, 'https://www.partogostar.ir');
    expectProblem(await api.post('/api/v1/leads', { lastName: 'وب', website: 'javascript:alert(1)' }), 400, { field: 'website' });
  });

  test('picklists accept the value or either label', async () => {
    for (const input of ['oil_gas', 'نفت و گاز', 'Oil & gas', 'oil & GAS']) {
      const created = await org({ industry: input });
      assert.equal(created.status, 201, `${input}: ${JSON.stringify(created.body)}`);
      assert.equal(created.body.industry, 'oil_gas', input);
    }
  });

  test('socials drop the leading @; tags drop duplicates and blanks', async () => {
    const contact = ok(
      await api.post('/api/v1/contacts', {
        lastName: 'اجتماعی',
        socials: [{ network: 'telegram', handle: '@peyvand_crm' }],
        tags: ['مشتری ویژه', ' مشتری ویژه ', '', 'vip'],
      }),
      201,
    );
    assert.deepEqual(contact.socials, [{ network: 'telegram', handle: 'peyvand_crm' }]);
    assert.deepEqual(contact.tags, ['مشتری ویژه', 'vip']);
  });
});
