import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ApiClient } from './support/api-client.js';
import { expectProblem, ok } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;
let organizationId: string;

async function download(path: string, init: { language?: 'fa' | 'en'; body?: unknown } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${server.adminToken}` };
  if (init.language) headers['accept-language'] = init.language;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const csvRows = (bytes: Buffer): string[][] => parse(bytes.toString('utf8'), { bom: true }) as string[][];

async function xlsxRows(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  organizationId = ok(await api.post('/api/v1/organizations', { name: 'پرتو گستر امید' }), 201).id;
  ok(
    await api.post('/api/v1/contacts', {
      firstName: 'سارا',
      lastName: 'احمدی',
      organizationId,
      birthDate: '1370/01/15',
      phones: [{ kind: 'mobile', number: '۰۹۱۲۱۲۳۴۵۶۷' }],
      emails: [{ address: 'sara@example.ir' }],
      preferredChannel: 'email',
      tags: ['vip', 'tehran'],
    }),
    201,
  );
  ok(await api.post('/api/v1/contacts', { firstName: '=cmd|/C calc!A0', lastName: '@SUM(1+1)', title: '-2+3' }), 201);
  for (let i = 0; i < 3; i++) ok(await api.post('/api/v1/contacts', { firstName: `رضا ${i}`, lastName: 'کاظمی' }), 201);
});
after(() => server.stop());

describe('CSV export', () => {
  test('is UTF-8 with a BOM, Persian labels as header, values as people read them', async () => {
    const { response, bytes } = await download(
      '/api/v1/contacts/export?format=csv&columns=firstName,lastName,organizationId,birthDate,phones,emails,preferredChannel,tags&sort=lastName',
    );
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="contacts-.*\.csv"/);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = csvRows(bytes);
    assert.deepEqual(rows[0], [
      'نام',
      'نام خانوادگی',
      'سازمان',
      'تاریخ تولد',
      'تلفن‌ها',
      'ایمیل‌ها',
      'راه ارتباطی ترجیحی',
      'برچسب‌ها',
    ]);
    const sara = rows.find((r) => r[0] === 'سارا')!;
    assert.deepEqual(sara, [
      'سارا',
      'احمدی',
      'پرتو گستر امید',
      '1370/01/15',
      '+989121234567',
      'sara@example.ir',
      'ایمیل',
      'vip; tehran',
    ]);
    assert.equal(rows.length, 1 + 5);
  });

  test('English headers and labels with Accept-Language: en, Gregorian dates on request', async () => {
    const { bytes } = await download(
      '/api/v1/contacts/export?columns=firstName,birthDate,preferredChannel&calendar=gregorian',
      {
        language: 'en',
      },
    );
    const rows = csvRows(bytes);
    assert.deepEqual(rows[0], ['First name', 'Birth date', 'Preferred channel']);
    assert.deepEqual(
      rows.find((r) => r[0] === 'سارا'),
      ['سارا', '1991-04-04', 'E-mail'],
    );
  });

  test('cells that would run as formulas come out neutralised', async () => {
    const { bytes } = await download('/api/v1/contacts/export?columns=firstName,lastName,title');
    const row = csvRows(bytes).find((r) => r[0]!.includes('cmd'))!;
    assert.deepEqual(row, ["'=cmd|/C calc!A0", "'@SUM(1+1)", "'-2+3"]);
  });

  test('the filter (JSON in the query) and the sort of the list view apply', async () => {
    const filter = encodeURIComponent(JSON.stringify({ field: 'lastName', op: 'eq', value: 'کاظمی' }));
    const { bytes } = await download(`/api/v1/contacts/export?columns=firstName&filter=${filter}&sort=-firstName`);
    assert.deepEqual(csvRows(bytes).slice(1), [['رضا 2'], ['رضا 1'], ['رضا 0']]);
  });

  test('POST takes the filter tree in the body', async () => {
    const { response, bytes } = await download('/api/v1/contacts/export', {
      body: {
        columns: ['firstName'],
        filter: { field: 'firstName', op: 'startsWith', value: 'رضا' },
        sort: 'firstName',
      },
    });
    assert.equal(response.status, 200);
    assert.deepEqual(csvRows(bytes).slice(1), [['رضا 0'], ['رضا 1'], ['رضا 2']]);
  });

  test('pages through more records than one page holds, each exactly once', async () => {
    const many = Array.from({ length: 620 }, (_, i) => ({ firstName: `ردیف ${i}`, lastName: 'انبوه' }));
    for (const body of many) ok(await api.post('/api/v1/contacts', body), 201);
    const filter = encodeURIComponent(JSON.stringify({ field: 'lastName', op: 'eq', value: 'انبوه' }));
    const { bytes } = await download(`/api/v1/contacts/export?columns=firstName&filter=${filter}`);
    const names = csvRows(bytes)
      .slice(1)
      .map((r) => r[0]);
    assert.equal(names.length, 620);
    assert.equal(new Set(names).size, 620);
  });

  test('bad input is a 400 naming the field, in both languages', async () => {
    const badJson = await api.get('/api/v1/contacts/export?filter=%7Bnot-json', { language: 'en' });
    expectProblem(badJson, 400, { field: 'filter', code: 'invalid_json' });
    expectProblem(await api.get('/api/v1/contacts/export?columns=firstName,nope'), 400, { field: 'columns.1' });
    expectProblem(await api.get('/api/v1/contacts/export?format=pdf'), 400, { field: 'format' });
    const unknownField = encodeURIComponent(JSON.stringify({ field: 'nope', op: 'eq', value: 1 }));
    expectProblem(await api.get(`/api/v1/contacts/export?filter=${unknownField}`), 400);
    expectProblem(await api.get('/api/v1/contacts/export?sort=nope'), 400, { field: 'sort' });
  });

  test('needs a signed-in user', async () => {
    const response = await api.get('/api/v1/contacts/export', { token: null });
    expectProblem(response, 401);
  });
});

describe('xlsx export', () => {
  test('a right-to-left sheet that exceljs reads back, numbers as numbers, formulas neutralised', async () => {
    ok(await api.post('/api/v1/organizations', { name: 'نوآوران پارس', employees: 120 }), 201);
    const { response, bytes } = await download(
      '/api/v1/organizations/export?format=xlsx&columns=name,employees&sort=name',
    );
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get('content-type'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const { sheet, rows } = await xlsxRows(bytes);
    assert.equal(sheet.views[0]?.rightToLeft, true);
    assert.equal(sheet.name, 'سازمان‌ها');
    assert.deepEqual(rows[0], ['نام سازمان', 'تعداد کارکنان']);
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.find((r) => r[0] === 'نوآوران پارس'),
      ['نوآوران پارس', 120],
    );
    assert.deepEqual(
      rows.find((r) => r[0] === 'پرتو گستر امید'),
      ['پرتو گستر امید'],
    );

    const contacts = await xlsxRows(
      (await download('/api/v1/contacts/export?format=xlsx&columns=firstName,lastName')).bytes,
    );
    const injected = contacts.rows.find((r) => String(r[0]).includes('cmd'))!;
    assert.deepEqual(injected, ["'=cmd|/C calc!A0", "'@SUM(1+1)"]);
    const cell = contacts.sheet.getRow(contacts.rows.indexOf(injected) + 1).getCell(1);
    assert.equal(cell.type, ExcelJS.ValueType.String);
  });
});
