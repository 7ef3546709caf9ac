import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { expectProblem, idsOf, ok, q, sortedIds } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;

type Rec = Record<string, any> & { id: string };
const r: Record<string, Rec> = {};

async function create(key: string, module: string, body: Record<string, unknown>) {
  const res = await api.post(`/api/v1/${module}`, body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  r[key] = res.body;
}

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  // «علی رضایی» in Persian letters, and the same name typed on an Arabic keyboard.
  await create('persianAli', 'contacts', {
    firstName: 'علی',
    lastName: 'رضایی',
    phones: [{ kind: 'mobile', number: '09138086200' }],
    emails: [{ kind: 'work', address: 'ali.rezaei@example.ir' }],
  });
  await create('arabicAli', 'contacts', { firstName: 'علي', lastName: 'رضائي', title: 'كارشناس' });
  await create('zwnj', 'contacts', { firstName: 'مهدی', lastName: 'رضایی‌نژاد' });
  await create('spaced', 'contacts', { firstName: 'محمد حسین', lastName: 'کاظمی' });
  await create('diacritics', 'contacts', { firstName: 'مُحَمَّد', lastName: 'تقوی' });
  await create('tagged', 'contacts', { lastName: 'برچسبی', tags: ['نمایشگاه ۱۴۰۳'], nationalCode: '0499370899' });
  await create('lead', 'leads', {
    firstName: 'احمد',
    lastName: 'صادقی',
    company: 'پرتو گستر امید',
    phone: '03191007879',
    mobile: '+98 913 808 6200',
  });
  await create('org', 'organizations', { name: 'پرتو گستر امید', website: 'partogostar.ir', billingAddress: { city: 'اصفهان' } });
  await create('digits', 'organizations', { name: 'فناوران پارس ۲۰۲۴' });
  await create('latin', 'organizations', { name: 'Pasargad Trading Company' });
  await create('gone', 'contacts', { firstName: 'حذف‌شده', lastName: 'ناپیدا', phones: [{ number: '09351112233' }] });
  ok(await api.delete(`/api/v1/contacts/${r.gone!.id}`));
});
after(() => server.stop());

async function search(query: string, extra = ''): Promise<Rec[]> {
  const res = await api.get(`/api/v1/search?q=${q(query)}${extra}`);
  assert.equal(res.status, 200, `${query}: ${JSON.stringify(res.body)}`);
  return res.body.data;
}

/** The fixture keys a search finds, sorted. */
async function found(query: string, extra = ''): Promise<string[]> {
  const byId = new Map(Object.entries(r).map(([key, rec]) => [rec.id, key]));
  return (await search(query, extra)).map((hit) => byId.get(hit.id) ?? `?${hit.id}`).sort();
}

describe('Persian-aware matching', () => {
  test('«علی رضایی» finds «علي رضائي» and the other way round', async () => {
    assert.deepEqual(await found('علی رضایی'), ['arabicAli', 'persianAli']);
    assert.deepEqual(await found('علي رضائي'), ['arabicAli', 'persianAli']);
    assert.deepEqual(await found('رضائی'), ['arabicAli', 'persianAli', 'zwnj']);
    assert.deepEqual(await found('کارشناس'), ['arabicAli'], 'Arabic kaf found by Persian kaf');
  });

  test('a ZWNJ and a space are the same separator, both in the data and in the query', async () => {
    assert.deepEqual(await found('رضایی نژاد'), ['zwnj']);
    assert.deepEqual(await found('رضایی‌نژاد'), ['zwnj']);
    assert.deepEqual(await found('محمد‌حسین'), ['spaced']);
    assert.deepEqual(await found('محمد حسین کاظمی'), ['spaced']);
  });

  test('diacritics are ignored on both sides', async () => {
    assert.deepEqual(await found('محمد تقوی'), ['diacritics']);
    assert.deepEqual(await found('مُحَمَّد'), ['diacritics', 'spaced']);
  });

  test('Persian, Arabic and Latin digits find each other', async () => {
    for (const query of ['2024', '۲۰۲۴', '٢٠٢٤', 'پارس 2024']) assert.deepEqual(await found(query), ['digits'], query);
    for (const query of ['1403', '۱۴۰۳', 'نمایشگاه 1403']) assert.deepEqual(await found(query), ['tagged'], query);
    assert.deepEqual(await found('۰۴۹۹۳۷۰۸۹۹'), ['tagged'], 'a national code in Persian digits');
  });

  test('Latin text is found case-insensitively, e-mail addresses and websites too', async () => {
    assert.deepEqual(await found('pasargad trading'), ['latin']);
    assert.deepEqual(await found('PASARGAD'), ['latin']);
    assert.deepEqual(await found('ali.rezaei@example.ir'), ['persianAli']);
    assert.deepEqual(await found('partogostar'), ['org']);
  });
});

describe('phone numbers', () => {
  test('a mobile typed in any format finds its contact (phones list) and its lead (mobile field)', async () => {
    for (const typed of ['09138086200', '+989138086200', '0913 808 6200', '۰۹۱۳۸۰۸۶۲۰۰', '0098 913 808 6200', '(0913) 808-6200', '9138086200', '٠٩١٣٨٠٨٦٢٠٠']) {
      assert.deepEqual(await found(typed), ['lead', 'persianAli'], typed);
    }
  });

  test('part of a number and a landline in another format find it too', async () => {
    assert.deepEqual(await found('808 6200'), ['lead', 'persianAli']);
    assert.deepEqual(await found('031-9100-7879'), ['lead']);
    assert.deepEqual(await found('+98 31 9100 7879'), ['lead']);
  });
});

describe('results', () => {
  test('results span organizations, contacts and leads with module, id, number and title', async () => {
    const hits = await search('پرتو گستر');
    const byModule = Object.fromEntries(hits.map((h) => [h.module, h]));
    assert.deepEqual(Object.keys(byModule).sort(), ['leads', 'organizations']);
    assert.equal(byModule.organizations.id, r.org!.id);
    assert.equal(byModule.organizations.number, r.org!.number);
    assert.equal(byModule.organizations.title, 'پرتو گستر امید');
    assert.equal(byModule.leads.id, r.lead!.id);
    assert.match(byModule.leads.number, /^LEAD-\d+$/);
    assert.ok(byModule.leads.title.includes('احمد صادقی'), byModule.leads.title);
    const contact = (await search('علی رضایی')).find((h) => h.id === r.persianAli!.id)!;
    assert.equal(contact.module, 'contacts');
    assert.equal(contact.title, 'علی رضایی');
    assert.equal(contact.number, r.persianAli!.number);
  });

  test('the modules parameter narrows the search, limit caps it', async () => {
    assert.deepEqual(await found('09138086200', '&modules=contacts'), ['persianAli']);
    assert.deepEqual(await found('09138086200', '&modules=leads,organizations'), ['lead']);
    assert.equal((await search('رضایی', '&limit=1')).length, 1);
    expectProblem(await api.get(`/api/v1/search?q=x&limit=0`), 400, { field: 'limit' });
  });

  test('records in the recycle bin are not found; restored ones are', async () => {
    assert.deepEqual(await found('ناپیدا'), []);
    assert.deepEqual(await found('09351112233'), []);
    ok(await api.post(`/api/v1/contacts/${r.gone!.id}/restore`));
    assert.deepEqual(await found('ناپیدا'), ['gone']);
    ok(await api.delete(`/api/v1/contacts/${r.gone!.id}`));
    assert.deepEqual(await found('ناپیدا'), []);
  });

  test('an edited record is found by its new text and not by its old', async () => {
    const contact = ok(await api.post('/api/v1/contacts', { firstName: 'کیوان', lastName: 'پیشین' }), 201);
    assert.deepEqual(idsOf({ data: await search('پیشین') }), [contact.id]);
    ok(await api.patch(`/api/v1/contacts/${contact.id}`, { lastName: 'پسین' }));
    assert.deepEqual(idsOf({ data: await search('پسین') }), [contact.id]);
    assert.deepEqual(idsOf({ data: await search('کیوان پیشین') }), []);
  });

  test('LIKE wildcards in a query are literal; an empty query finds nothing; a missing one is 400', async () => {
    assert.deepEqual(await search('%'), []);
    assert.deepEqual(await search('_'), []);
    assert.deepEqual(await search('%%%'), []);
    assert.deepEqual(await search(''), []);
    assert.deepEqual(await search('   '), []);
    expectProblem(await api.get('/api/v1/search'), 400, { field: 'q' });
    expectProblem(await api.get(`/api/v1/search?q=${'a'.repeat(201)}`), 400, { field: 'q' });
    expectProblem(await api.get(`/api/v1/search?q=x&color=red`), 400, { field: 'color' });
    expectProblem(await new ApiClient(server.url, null).get('/api/v1/search?q=x'), 401);
  });
});

describe('fuzzy fallback', () => {
  test('a misspelt Latin name finds the record when nothing matches exactly', async () => {
    assert.deepEqual(await found('Pasargaad'), ['latin']);
    assert.deepEqual(await found('Pasargad Tradng'), ['latin']);
  });

  test('a misspelt Persian name finds the record when nothing matches exactly', async () => {
    assert.deepEqual(await found('پرتو گستر امیر'), ['lead', 'org'], 'one wrong letter');
    assert.deepEqual(await found('پرتوگستر امید'), ['lead', 'org'], 'a missing space');
    assert.deepEqual(await found('فناوران پارسی'), ['digits'], 'an extra letter');
  });

  test('the fuzzy fallback does not return unrelated records', async () => {
    assert.deepEqual(await found('زنجبیل'), []);
    assert.deepEqual(await found('Microsoft'), []);
  });
});

describe('quick search within a module', () => {
  test('GET /contacts?q= searches contacts only, with the same normalisation', async () => {
    const contacts = ok(await api.get(`/api/v1/contacts?q=${q('علي رضائي')}`));
    assert.deepEqual(sortedIds(idsOf(contacts)), sortedIds([r.persianAli!.id, r.arabicAli!.id]));
    const phone = ok(await api.get(`/api/v1/contacts?q=${q('۰۹۱۳ ۸۰۸ ۶۲۰۰')}`));
    assert.deepEqual(idsOf(phone), [r.persianAli!.id]);
    const leads = ok(await api.get(`/api/v1/leads?q=${q('0913-808-6200')}`));
    assert.deepEqual(idsOf(leads), [r.lead!.id]);
    const orgs = ok(await api.get(`/api/v1/organizations?q=${q('پرتو')}`));
    assert.deepEqual(idsOf(orgs), [r.org!.id]);
    assert.deepEqual(idsOf(ok(await api.get(`/api/v1/contacts?q=${q('ناپیدا')}`))), []);
    assert.deepEqual(idsOf(ok(await api.get(`/api/v1/contacts?q=${q('%')}`))), []);
  });

  test('a quick search combines with sort', async () => {
    const res = ok(await api.get(`/api/v1/contacts?q=${q('رضایی')}&sort=number`));
    assert.deepEqual(idsOf(res), [r.persianAli!.id, r.arabicAli!.id, r.zwnj!.id]);
  });
});
