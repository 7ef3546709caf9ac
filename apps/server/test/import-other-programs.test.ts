import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { ok } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

/**
 * Files laid out as other programs export them — header for header, with their habits: Google's
 * numbered Label/Value pairs, « ::: » between values and «* myContacts»; Outlook's «0/0/00» for
 * no birthday, month/day/year dates and second business phones; vtiger's field labels. Every
 * row comes in with its phones and e-mails of the right kind.
 */
let server: TestServer;
let api: ApiClient;

async function importCsv(module: string, csv: string) {
  const body = new FormData();
  body.set('module', module);
  body.set('file', new Blob([Buffer.from(`\uFEFF${csv}`, 'utf8')]), 'export.csv');
  const response = await fetch(`${server.url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}` },
    body,
  });
  const started = (await response.json()) as { id: string };
  assert.equal(response.status, 202, JSON.stringify(started));
  for (let i = 0; i < 600; i++) {
    const state = ok(await api.get(`/api/v1/imports/${started.id}`));
    if (state.status === 'completed' || state.status === 'failed') return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

interface Preview {
  mapping: Record<string, string>;
  rows: { errors: { column: string | null; field: string }[] }[];
}

async function preview(module: string, csv: string): Promise<Preview> {
  const body = new FormData();
  body.set('module', module);
  body.set('file', new Blob([Buffer.from(csv, 'utf8')]), 'export.csv');
  const response = await fetch(`${server.url}/api/v1/imports/preview`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}` },
    body,
  });
  const answer = (await response.json()) as Preview;
  assert.equal(response.status, 200, JSON.stringify(answer));
  return answer;
}

const contactNamed = async (lastName: string) => {
  const { data } = ok(
    await api.post('/api/v1/contacts/query', { filter: { field: 'lastName', op: 'eq', value: lastName } }),
  );
  assert.equal(data.length, 1, `one contact named ${lastName}`);
  return data[0];
};

const kinds = (list: { kind: string; number?: string; address?: string }[]) =>
  list.map((item) => [item.kind, item.number ?? item.address]);

before(async () => {
  server = await startTestServer({ jobPollIntervalMs: 50 });
  api = new ApiClient(server.url, server.adminToken);
  ok(await api.post('/api/v1/organizations', { name: 'پرتو گستر امید' }), 201);
});
after(() => server.stop());

describe('Google Contacts', () => {
  const header =
    'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Phone 3 - Label,Phone 3 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Website 1 - Label,Website 1 - Value';

  test('each numbered phone and e-mail takes the kind its label column gives, row by row', async () => {
    const csv = [
      header,
      'احمد,,صادقی,,,,,,,,پرتو گستر امید,مدیر فروش,فروش,1985-03-21,"تماس اول\nپیگیری شود",,* myContacts ::: مشتریان,* Work,ahmad@partov.ir,Home,ahmad.sadeghi@gmail.com,* Mobile,0913 808 6200,Work,031-91007879,Work Fax,031 9100 7870,Work,"خیابان چهارباغ، اصفهان",خیابان چهارباغ,اصفهان,,اصفهان,8173900000,ایران,,,',
      'Sara,,Karimi,,,,,,,,,,,--04-12,,,* myContacts,,sara@example.com ::: sara.k@example.org,,,Mobile,+98 912 123 4567 ::: 09351234567,,,,,,,,,,,,,,,',
    ].join('\r\n');
    assert.deepEqual(
      Object.entries((await preview('contacts', csv)).mapping).filter(([column]) =>
        /Phone|E-mail|Labels|Organization/.test(column),
      ),
      [
        ['Organization Name', 'organizationId'],
        ['Organization Title', 'title'],
        ['Organization Department', 'department'],
        ['Labels', 'contactGroups'],
        ['E-mail 1 - Value', 'emails'],
        ['E-mail 2 - Value', 'emails'],
        ['Phone 1 - Value', 'phones'],
        ['Phone 2 - Value', 'phones'],
        ['Phone 3 - Value', 'phones'],
      ],
    );

    const state = await importCsv('contacts', csv);
    // Google writes a birthday without a year as --04-12: that row is reported, naming the column.
    assert.deepEqual([state.imported, state.failed], [1, 1], JSON.stringify(state));
    const ahmad = await contactNamed('صادقی');
    assert.deepEqual(kinds(ahmad.phones), [
      ['mobile', '+989138086200'],
      ['work', '+983191007879'],
      ['fax', '+983191007870'],
    ]);
    assert.deepEqual(kinds(ahmad.emails), [
      ['work', 'ahmad@partov.ir'],
      ['personal', 'ahmad.sadeghi@gmail.com'],
    ]);
    assert.deepEqual(ahmad.contactGroups, ['مشتریان'], 'Google’s own «* myContacts» is left out');
    assert.equal(ahmad.birthDate, '1985-03-21');
    assert.equal(ahmad.title, 'مدیر فروش');
    assert.equal(ahmad.description, 'تماس اول\nپیگیری شود');
    assert.equal(ahmad.addresses[0].city, 'اصفهان');
    assert.equal(ahmad.addresses[0].postalCode, '8173900000');
    const organization = ok(await api.get(`/api/v1/organizations/${ahmad.organizationId}`));
    assert.equal(organization.name, 'پرتو گستر امید');
  });

  test('values joined by « ::: » are several values of the label’s kind', async () => {
    const csv = [
      header,
      'Sara,,Karimi,,,,,,,,,,,,,,* myContacts,,sara@example.com ::: sara.k@example.org,,,Mobile,+98 912 123 4567 ::: 09351234567,,,,,,,,,,,,,,,',
    ].join('\n');
    const state = await importCsv('contacts', csv);
    assert.equal(state.imported, 1, JSON.stringify(state));
    const sara = await contactNamed('Karimi');
    assert.deepEqual(kinds(sara.phones), [
      ['mobile', '+989121234567'],
      ['mobile', '+989351234567'],
    ]);
    assert.deepEqual(kinds(sara.emails), [
      ['work', 'sara@example.com'],
      ['work', 'sara.k@example.org'],
    ]);
  });

  test('the older export (Given Name, E-mail 1 - Type, Organization 1 - Name) maps as well', async () => {
    const csv = [
      'Name,Given Name,Additional Name,Family Name,Yomi Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title',
      'رضا نوری,رضا,,نوری,,1990-07-01,,* My Contacts ::: همکاران,* Home,reza@example.ir,Home,021 2290 1234,Mobile,09121112233,,پرتو گستر امید,کارشناس',
    ].join('\n');
    const state = await importCsv('contacts', csv);
    assert.equal(state.imported, 1, JSON.stringify(state));
    const reza = await contactNamed('نوری');
    assert.deepEqual(kinds(reza.phones), [
      ['home', '+982122901234'],
      ['mobile', '+989121112233'],
    ]);
    assert.deepEqual(kinds(reza.emails), [['personal', 'reza@example.ir']]);
    assert.equal(reza.title, 'کارشناس');
    assert.ok(reza.organizationId);
    assert.deepEqual(reza.contactGroups, ['My Contacts', 'همکاران']);
  });
});

const OUTLOOK_HEADER =
  "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other City,Other State,Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes";

describe('Outlook', () => {
  test('business, home and mobile phones, three e-mails, business and home addresses, «0/0/00» and month/day/year birthdays', async () => {
    const csv = [
      OUTLOOK_HEADER,
      'مریم,,احمدی,,,,,,maryam@partov.ir,maryam.ahmadi@gmail.com,,021-88776655,,031-91007879,031-91007880,0913 111 2233,,,,,031-91007870,,,,,,,,,مدیر مالی,مالی,پرتو گستر امید,,,,,,خیابان چهارباغ,اصفهان,اصفهان,8173900000,ایران,خیابان سعادت‌آباد,تهران,تهران,,ایران,,,,,,,,,,,,3/21/1985,0/0/00,',
      'Ali,,Rahimi,,,,,,ali@example.com,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,0/0/00,0/0/00,"Met at the fair"',
    ].join('\r\n');
    const state = await importCsv('contacts', csv);
    assert.deepEqual([state.imported, state.failed], [2, 0], JSON.stringify(state));
    const maryam = await contactNamed('احمدی');
    assert.deepEqual(kinds(maryam.phones), [
      ['home', '+982188776655'],
      ['work', '+983191007879'],
      ['work', '+983191007880'],
      ['mobile', '+989131112233'],
      ['fax', '+983191007870'],
    ]);
    assert.deepEqual(kinds(maryam.emails), [
      ['work', 'maryam@partov.ir'],
      ['personal', 'maryam.ahmadi@gmail.com'],
    ]);
    assert.equal(maryam.birthDate, '1985-03-21');
    assert.equal(maryam.title, 'مدیر مالی');
    assert.equal(maryam.department, 'مالی');
    assert.deepEqual(
      maryam.addresses.map((a: { kind: string; street: string; city: string }) => [a.kind, a.street, a.city]),
      [
        ['main', 'خیابان چهارباغ', 'اصفهان'],
        ['home', 'خیابان سعادت‌آباد', 'تهران'],
      ],
    );
    const ali = await contactNamed('Rahimi');
    assert.equal(ali.birthDate ?? null, null, '«0/0/00» is no birthday');
    assert.equal(ali.description, 'Met at the fair');
  });

  test('an error in the home or other address, or in a second phone, names the column it came from', async () => {
    const header = OUTLOOK_HEADER.split(',');
    const row = (cells: Record<string, string>) => header.map((column) => cells[column] ?? '').join(',');
    const csv = [
      OUTLOOK_HEADER,
      row({
        'Last Name': 'نشانی‌دار',
        'Business Phone': '031-91007879',
        'Business Phone 2': '12',
        'Business City': 'اصفهان',
        'Business Postal Code': '8173900000',
        'Home City': 'تهران',
        'Home Postal Code': '12345',
        'Other City': 'شیراز',
        'Other Postal Code': '7',
      }),
    ].join('\r\n');
    const { rows } = await preview('contacts', csv);
    assert.deepEqual(
      rows[0]!.errors.map((e) => [e.field, e.column]),
      [
        ['phones.1.number', 'Business Phone 2'],
        ['addresses.1.postalCode', 'Home Postal Code'],
        ['addresses.2.postalCode', 'Other Postal Code'],
      ],
    );
  });
});

describe('vtiger', () => {
  test('a contacts export: Primary Email, Office Phone, Mailing address, Birthdate with a time', async () => {
    const csv = [
      'Salutation,First Name,Last Name,Primary Email,Secondary Email,Office Phone,Mobile Phone,Home Phone,Other Phone,Fax,Organization Name,Title,Department,Birthdate,Assigned To,Mailing Street,Mailing City,Mailing State,Mailing Zip,Mailing Country,Mailing PO Box,Description',
      ',نیما,فرهادی,nima@partov.ir,nima.f@gmail.com,031-91007879,09138086201,,,,پرتو گستر امید,کارشناس فروش,فروش,1988-11-02 00:00:00,,خیابان نظر,اصفهان,اصفهان,8174600000,ایران,,از vtiger',
    ].join('\n');
    const state = await importCsv('contacts', csv);
    assert.deepEqual([state.imported, state.failed], [1, 0], JSON.stringify(state));
    const nima = await contactNamed('فرهادی');
    assert.deepEqual(kinds(nima.phones), [
      ['work', '+983191007879'],
      ['mobile', '+989138086201'],
    ]);
    assert.deepEqual(kinds(nima.emails), [
      ['work', 'nima@partov.ir'],
      ['personal', 'nima.f@gmail.com'],
    ]);
    assert.equal(nima.birthDate, '1988-11-02');
    assert.equal(nima.addresses[0].city, 'اصفهان');
    assert.ok(nima.organizationId);
  });

  test('a leads export: Company, Phone, Mobile, Number of Employees', async () => {
    const csv = [
      'First Name,Last Name,Company,Designation,Primary Email,Phone,Mobile,Fax,Website,Number of Employees,Street,City,State,Postal Code,Country,Description',
      'احمد,صادقی,پرتو گستر امید,مدیر,ahmad@partov.ir,03191007879,09138086200,,https://partov.ir,25,خیابان چهارباغ,اصفهان,اصفهان,8173900000,ایران,seed 004',
    ].join('\n');
    const state = await importCsv('leads', csv);
    assert.deepEqual([state.imported, state.failed], [1, 0], JSON.stringify(state));
    const { data } = ok(
      await api.post('/api/v1/leads/query', { filter: { field: 'company', op: 'eq', value: 'پرتو گستر امید' } }),
    );
    assert.equal(data.length, 1);
    assert.equal(data[0].mobile, '+989138086200');
    assert.equal(data[0].phone, '+983191007879');
    assert.equal(data[0].employees, 25);
    assert.equal(data[0].title, 'مدیر');
  });
});
