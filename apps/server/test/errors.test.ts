import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ApiClient, type ApiResponse } from './support/api-client.js';
import { assertProblem, fieldsOf, logIn, uniqueEmail } from './support/auth-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let admin: ApiClient;
let anonymous: ApiClient;
let plain: ApiClient;
let contactId: string;

const PERSIAN = /[\u0600-\u06FF]/;
const MISSING_ID = '0190a8b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b';

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  anonymous = new ApiClient(server.url, null);
  const email = uniqueEmail();
  assert.equal((await admin.post('/api/v1/users', { email, password: 'Plain-pass-1403', firstName: 'الف', lastName: 'ب' })).status, 201);
  const session = await logIn(server.url, email, 'Plain-pass-1403');
  const token = await anonymous.post('/api/v1/auth/tokens', { name: 'plain' }, { cookie: session.cookie, csrf: session.csrf });
  plain = new ApiClient(server.url, token.body.token);
  const contact = await admin.post('/api/v1/contacts', { firstName: 'مریم', lastName: 'احمدی' });
  assert.equal(contact.status, 201);
  contactId = contact.body.id;
});
after(() => server.stop());

/** Row counts of every table a record write touches. */
async function footprint() {
  const db = server.server.ctx.database.db;
  const row = await sql<{ records: number; history: number; counters: number; versions: number; fields: number }>`
    select (select count(*)::int from records) as records,
           (select count(*)::int from record_history) as history,
           (select coalesce(sum(last_value), 0)::int from record_counters) as counters,
           (select coalesce(sum(version), 0)::int from records) as versions,
           (select count(*)::int from field_definitions) as fields`
    .execute(db)
    .then((r) => r.rows[0]!);
  return row;
}

/** Runs requests that must all be refused, and checks that the database is exactly as before. */
async function refusedWithoutTrace(requests: () => Promise<void>): Promise<void> {
  const before = await footprint();
  await requests();
  assert.deepEqual(await footprint(), before, 'a refused request wrote nothing');
}

const raw = (method: string, path: string, body: string, headers: Record<string, string> = {}, client = admin) =>
  client.request(method, path, undefined, { rawBody: body, headers });

describe('problem documents', () => {
  async function catalogue(language?: 'fa' | 'en', headers: Record<string, string> = {}): Promise<[string, number, ApiResponse][]> {
    const options = { ...(language ? { language } : {}), headers };
    return [
      ['validation', 400, await admin.post('/api/v1/contacts', { firstName: 5 }, options)],
      ['malformed JSON', 400, await admin.request('POST', '/api/v1/contacts', undefined, { ...options, rawBody: '{"firstName":' })],
      ['unauthenticated', 401, await anonymous.get('/api/v1/contacts', options)],
      ['wrong login', 401, await anonymous.post('/api/v1/auth/login', { email: 'x@peyvand.test', password: 'nope' }, options)],
      ['not allowed', 403, await plain.post('/api/v1/groups', { name: 'x' }, options)],
      ['no CSRF', 403, await anonymous.post('/api/v1/contacts', { firstName: 'x' }, { ...options, cookie: (await logIn(server.url, 'admin@peyvand.test', 'Test-admin-1403')).cookie })],
      ['unknown record', 404, await admin.get(`/api/v1/contacts/${MISSING_ID}`, options)],
      ['unknown route', 404, await admin.get('/api/v1/no-such-module', options)],
      ['version conflict', 409, await admin.patch(`/api/v1/contacts/${contactId}`, { version: 999, title: 'x' }, options)],
      ['too large', 413, await admin.request('POST', '/api/v1/contacts', undefined, { ...options, rawBody: JSON.stringify({ description: 'x'.repeat(1_100_000) }) })],
      ['wrong media type', 415, await admin.request('POST', '/api/v1/contacts', undefined, { ...options, rawBody: 'firstName=x', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' } })],
    ];
  }

  test('every error is application/problem+json with type, title, status, detail and errors[], in Persian by default', async () => {
    for (const [what, status, response] of await catalogue()) {
      assertProblem(response, status, what);
      assert.match(response.body.title, PERSIAN, `${what}: title in Persian`);
      assert.match(response.body.detail, PERSIAN, `${what}: detail in Persian`);
      for (const error of response.body.errors) assert.match(error.message, PERSIAN, `${what}: message in Persian`);
      assert.ok(response.body.type.length > 0);
    }
  });

  test('with Accept-Language: en every title, detail and message is English', async () => {
    const persian = await catalogue('fa');
    for (const headers of [{ 'accept-language': 'en' }, { 'accept-language': 'en-US,en;q=0.9,fa;q=0.8' }]) {
      const english = await catalogue(undefined, headers);
      english.forEach(([what, status, response], i) => {
        assertProblem(response, status, what);
        assert.doesNotMatch(response.body.title, PERSIAN, `${what}: title in English`);
        assert.doesNotMatch(response.body.detail, PERSIAN, `${what}: detail in English`);
        for (const error of response.body.errors) assert.doesNotMatch(error.message, PERSIAN, `${what}: message in English`);
        // Only the words change with the language, not what the error is.
        const fa = persian[i]![2].body;
        assert.equal(response.body.type, fa.type, what);
        assert.deepEqual(
          response.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
          fa.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
          what,
        );
      });
    }
  });

  test('field errors carry a code and a message for each offending field', async () => {
    const response = await admin.post('/api/v1/contacts', { firstName: 5, emailOptOut: 'yes', unknownThing: 1 }, { language: 'en' });
    assertProblem(response, 400);
    const byField = Object.fromEntries(response.body.errors.map((e: { field: string; code: string; message: string }) => [e.field, e]));
    assert.deepEqual(Object.keys(byField).sort(), ['emailOptOut', 'firstName', 'unknownThing']);
    assert.equal(byField.firstName.code, 'invalid_type');
    assert.equal(byField.unknownThing.code, 'unknown_field');
    for (const error of response.body.errors) assert.ok(error.message.length > 0);
  });
});

describe('request bodies', () => {
  test('malformed JSON is a 400 naming the body with code invalid_json, and writes nothing', async () => {
    await refusedWithoutTrace(async () => {
      for (const body of ['{', '{"firstName":', "{'firstName':'x'}", '{"firstName":"x",}', 'undefined', '{"a":1}{"b":2}', '\u00ff\u00fe']) {
        const response = await raw('POST', '/api/v1/contacts', body);
        assertProblem(response, 400, JSON.stringify(body));
        assert.deepEqual(response.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['body', 'invalid_json']], JSON.stringify(body));
      }
      const empty = await raw('PATCH', `/api/v1/contacts/${contactId}`, '');
      assertProblem(empty, 400);
      assert.deepEqual(fieldsOf(empty.body), ['body']);
    });
  });

  test('a JSON body that is not an object is a 400 naming the body', async () => {
    await refusedWithoutTrace(async () => {
      for (const body of ['[]', '"firstName"', '42', 'true']) {
        const response = await raw('POST', '/api/v1/contacts', body);
        assertProblem(response, 400, body);
        assert.deepEqual(fieldsOf(response.body), ['body'], `${body}: ${JSON.stringify(response.body.errors)}`);
      }
    });
  });

  test('a body over 1 MiB is refused with 413, and nothing is written', async () => {
    await refusedWithoutTrace(async () => {
      const big = JSON.stringify({ firstName: 'بزرگ', description: 'x'.repeat(1_048_576) });
      assertProblem(await raw('POST', '/api/v1/contacts', big), 413);
      assertProblem(await raw('PATCH', `/api/v1/contacts/${contactId}`, big), 413);
    });
    // Just under the limit is a normal validation answer, not 413.
    const underLimit = await admin.post('/api/v1/contacts', { firstName: 'x', description: 'x'.repeat(1_000_000) });
    assertProblem(underLimit, 400);
    assert.deepEqual(fieldsOf(underLimit.body), ['description']);
  });

  test('a body that is not application/json is refused with 415 (text/plain included), and nothing is written', async () => {
    await refusedWithoutTrace(async () => {
      const json = JSON.stringify({ firstName: 'متن' });
      for (const contentType of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'application/octet-stream', 'application/xml']) {
        const response = await raw('POST', '/api/v1/contacts', json, { 'content-type': contentType });
        assertProblem(response, 415, contentType);
        assert.equal(response.body.type, '/api/problems/unsupported-media-type');
      }
      const form = new FormData();
      form.set('firstName', 'x');
      const multipart = await fetch(`${server.url}/api/v1/contacts`, { method: 'POST', headers: { authorization: `Bearer ${server.adminToken}` }, body: form });
      assert.equal(multipart.status, 415);
      assert.match(multipart.headers.get('content-type') ?? '', /^application\/problem\+json/);
      // text/plain is what a cross-site form can send without a preflight: the login must not take it either.
      const login = await raw('POST', '/api/v1/auth/login', JSON.stringify({ email: 'admin@peyvand.test', password: 'Test-admin-1403' }), { 'content-type': 'text/plain' }, anonymous);
      assertProblem(login, 415);
      assert.equal(login.headers.get('set-cookie'), null);
    });
    const withCharset = await raw('POST', '/api/v1/contacts', JSON.stringify({ firstName: 'متن' }), { 'content-type': 'application/json; charset=utf-8' });
    assert.equal(withCharset.status, 201);
  });

  test('a value of the wrong type is a 400 naming the field, and nothing is written', async () => {
    await refusedWithoutTrace(async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['/api/v1/contacts', { firstName: 42 }, 'firstName'],
        ['/api/v1/contacts', { firstName: 'x', emailOptOut: 'true' }, 'emailOptOut'],
        ['/api/v1/contacts', { firstName: 'x', emailOptOut: 1 }, 'emailOptOut'],
        ['/api/v1/contacts', { firstName: { fa: 'x' } }, 'firstName'],
        ['/api/v1/contacts', { firstName: ['x'] }, 'firstName'],
        ['/api/v1/contacts', { firstName: 'x', phones: '09121234567' }, 'phones'],
        ['/api/v1/contacts', { firstName: 'x', tags: 'vip' }, 'tags'],
        ['/api/v1/contacts', { firstName: 'x', totalPurchases: 'a lot' }, 'totalPurchases'],
        ['/api/v1/contacts', { firstName: 'x', organizationId: 12 }, 'organizationId'],
        ['/api/v1/contacts', { firstName: 'x', custom: 'x' }, 'custom'],
        ['/api/v1/leads', { lastName: 'x', converted: 'no' }, 'converted'],
        ['/api/v1/organizations', { name: 'x', employees: 'many' }, 'employees'],
        ['/api/v1/users', { email: uniqueEmail(), password: 'Strong-pass-1403', firstName: 'x', lastName: 'y', active: 'yes' }, 'active'],
      ];
      for (const [path, body, field] of cases) {
        const response = await admin.post(path, body);
        assertProblem(response, 400, `${path} ${JSON.stringify(body)}`);
        assert.ok(fieldsOf(response.body).includes(field), `${JSON.stringify(body)} names ${field}: ${JSON.stringify(response.body.errors)}`);
      }
      const patch = await admin.patch(`/api/v1/contacts/${contactId}`, { lastName: 7 });
      assertProblem(patch, 400);
      assert.deepEqual(fieldsOf(patch.body), ['lastName']);
    });
  });

  test('an out-of-range version is refused without claiming the refused value is allowed', async () => {
    const response = await admin.patch(`/api/v1/contacts/${contactId}`, { version: 0, title: 'x' }, { language: 'en' });
    assertProblem(response, 400);
    assert.deepEqual(fieldsOf(response.body), ['version']);
    assert.doesNotMatch(response.body.errors[0].message, /smallest allowed value is 0\b/, response.body.errors[0].message);
  });
});

describe('routes and paths', () => {
  test('an unknown route is a 404 problem document', async () => {
    for (const path of ['/api/v1/no-such-module', '/api/v2/contacts', `/api/v1/contacts/${contactId}/no-such-action`, '/api/v1/', '/no/such/page']) {
      const response = await admin.get(path);
      assertProblem(response, 404, path);
      assert.equal(response.body.type, '/api/problems/not-found');
    }
    assertProblem(await admin.post('/api/v1/no-such-module', { a: 1 }), 404);
    assertProblem(await admin.request('PUT', `/api/v1/contacts/${contactId}`, { firstName: 'x' }), 404);
  });

  test('an unknown record or module is a 404 problem document', async () => {
    assertProblem(await admin.get(`/api/v1/contacts/${MISSING_ID}`), 404);
    assertProblem(await admin.patch(`/api/v1/contacts/${MISSING_ID}`, { title: 'x' }), 404);
    assertProblem(await admin.delete(`/api/v1/contacts/${MISSING_ID}`), 404);
    assertProblem(await admin.get(`/api/v1/contacts/${MISSING_ID}/history`), 404);
    assertProblem(await admin.get('/api/v1/metadata/modules/no-such-module'), 404);
    // An id of another module is not found either.
    assertProblem(await admin.get(`/api/v1/leads/${contactId}`), 404);
  });

  test('a malformed id in the path is a 400 naming id', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/contacts/not-a-uuid'],
      ['GET', '/api/v1/contacts/12345'],
      ['GET', `/api/v1/contacts/${contactId}x`],
      ['PATCH', '/api/v1/contacts/not-a-uuid'],
      ['DELETE', '/api/v1/contacts/not-a-uuid'],
      ['POST', '/api/v1/contacts/not-a-uuid/restore'],
      ['GET', '/api/v1/contacts/not-a-uuid/history'],
      ['GET', '/api/v1/groups/not-a-uuid/related/members'],
      ['DELETE', '/api/v1/auth/tokens/not-a-uuid'],
      ['GET', `/api/v1/contacts/${encodeURIComponent("' or 1=1 --")}`],
    ] as const) {
      const response = await admin.request(method, path, method === 'PATCH' ? { title: 'x' } : undefined);
      assertProblem(response, 400, `${method} ${path}`);
      assert.deepEqual(fieldsOf(response.body), ['id'], `${method} ${path}`);
      assert.equal(response.body.errors[0].code, 'invalid_id');
    }
  });

  test('a badly percent-encoded path is a 400 problem document too', async () => {
    for (const path of ['/api/v1/contacts/%', '/api/v1/contacts/%ED%A0%80', '/api/v1/metadata/modules/%E0%A4%A']) {
      assertProblem(await admin.get(path), 400, path);
    }
  });
});

describe('text that PostgreSQL cannot store', () => {
  // JSON escapes, so the raw bytes reach the server exactly as written.
  const NUL = '\\u0000';
  const LONE_HIGH = '\\ud800';
  const LONE_LOW = '\\udc00';

  test('NUL characters and lone surrogates in record fields are a 400 naming the field, never a 500', async () => {
    await refusedWithoutTrace(async () => {
      const cases: [string, string, string][] = [];
      for (const bad of [NUL, LONE_HIGH, LONE_LOW]) {
        cases.push(
          ['/api/v1/contacts', `{"firstName":"a${bad}b"}`, 'firstName'],
          ['/api/v1/contacts', `{"firstName":"a","description":"${bad}"}`, 'description'],
          ['/api/v1/contacts', `{"firstName":"a","tags":["${bad}"]}`, 'tags.0'],
          ['/api/v1/contacts', `{"firstName":"a","phones":[{"kind":"mobile","number":"0912${bad}"}]}`, 'phones.0.number'],
          ['/api/v1/contacts', `{"firstName":"a","addresses":[{"kind":"home","street":"${bad}"}]}`, 'addresses.0.street'],
          ['/api/v1/contacts', `{"firstName":"a","socials":[{"network":"telegram","handle":"${bad}"}]}`, 'socials.0.handle'],
          ['/api/v1/leads', `{"lastName":"a","company":"${bad}"}`, 'company'],
          ['/api/v1/organizations', `{"name":"a","billingAddress":{"street":"${bad}"}}`, 'billingAddress.street'],
          ['/api/v1/groups', `{"name":"${bad}"}`, 'name'],
        );
      }
      for (const [path, body, field] of cases) {
        const response = await raw('POST', path, body);
        assertProblem(response, 400, `${path} ${body}`);
        assert.ok(fieldsOf(response.body).includes(field), `${body}: ${JSON.stringify(response.body.errors)}`);
      }
      const patch = await raw('PATCH', `/api/v1/contacts/${contactId}`, `{"title":"${NUL}"}`);
      assertProblem(patch, 400);
      assert.deepEqual(fieldsOf(patch.body), ['title']);
    });
  });

  test('NUL characters and lone surrogates anywhere else (keys, filters, query strings, auth, metadata) are a 4xx, never a 500', async () => {
    await refusedWithoutTrace(async () => {
      const requests: [string, string, string | undefined, ApiClient?][] = [];
      for (const bad of [NUL, LONE_HIGH, LONE_LOW]) {
        requests.push(
          ['POST', '/api/v1/contacts', `{"firstName":"a","x${bad}":1}`],
          ['POST', '/api/v1/contacts', `{"firstName":"a","custom":{"${bad}":1}}`],
          ['POST', '/api/v1/contacts/query', `{"filter":{"field":"firstName","op":"eq","value":"${bad}"}}`],
          ['POST', '/api/v1/contacts/query', `{"filter":{"field":"firstName","op":"contains","value":"${bad}"}}`],
          ['POST', '/api/v1/contacts/query', `{"filter":{"field":"tags","op":"in","value":["${bad}"]}}`],
          ['POST', '/api/v1/contacts/query', `{"filter":{"field":"${bad}","op":"eq","value":"x"}}`],
          ['POST', '/api/v1/contacts/query', `{"sort":"${bad}"}`],
          ['POST', '/api/v1/contacts/query', `{"cursor":"${bad}"}`],
          ['POST', '/api/v1/contacts/query', `{"q":"${bad}"}`],
          ['POST', '/api/v1/auth/login', `{"email":"${bad}@x.ir","password":"${bad}"}`, anonymous],
          ['POST', '/api/v1/auth/setup', `{"email":"a@x.ir","password":"12345678${bad}","firstName":"a","lastName":"b"}`, anonymous],
          ['POST', '/api/v1/auth/tokens', `{"name":"${bad}"}`],
          ['POST', '/api/v1/metadata/modules/contacts/fields', `{"name":"nulField","type":"text","label":{"fa":"${bad}"}}`],
          ['PATCH', '/api/v1/metadata/modules/contacts/fields/firstName', `{"label":{"fa":"${bad}"}}`],
        );
      }
      for (const query of ['q=%00', 'sort=%00', 'cursor=%00', 'fields=%00', 'limit=%00']) requests.push(['GET', `/api/v1/contacts?${query}`, undefined]);
      requests.push(['GET', '/api/v1/search?q=a%00b', undefined], ['GET', '/api/v1/metadata/modules/%00', undefined]);
      for (const [method, path, body, client] of requests) {
        const response = body === undefined ? await (client ?? admin).request(method, path) : await raw(method, path, body, {}, client ?? admin);
        assert.ok(response.status >= 400 && response.status < 500, `${method} ${path} ${body}: ${response.status} ${JSON.stringify(response.body)}`);
        assertProblem(response, response.status, `${method} ${path} ${body}`);
      }
    });
  });

  test('well-formed Persian text with ZWNJ, emoji and diacritics is stored as sent', async () => {
    const text = 'می‌خواهم 😀 کِتاب';
    const created = await admin.post('/api/v1/contacts', { firstName: text });
    assert.equal(created.status, 201);
    assert.equal((await admin.get(`/api/v1/contacts/${created.body.id}`)).body.firstName, text);
  });
});

describe('lengths', () => {
  test('strings beyond a field’s maxLength are a 400 (too_big) naming the field; exactly maxLength is accepted', async () => {
    await refusedWithoutTrace(async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['/api/v1/contacts', { firstName: 'ب'.repeat(256) }, 'firstName'],
        ['/api/v1/contacts', { firstName: 'x', category: 'ب'.repeat(101) }, 'category'],
        ['/api/v1/contacts', { firstName: 'x', description: 'ب'.repeat(65_536) }, 'description'],
        ['/api/v1/contacts', { firstName: 'x', tags: ['ب'.repeat(10_000)] }, 'tags.0'],
        ['/api/v1/leads', { lastName: 'x', email: `${'a'.repeat(300)}@x.ir` }, 'email'],
        ['/api/v1/groups', { name: 'ب'.repeat(100_000) }, 'name'],
        ['/api/v1/users', { email: uniqueEmail(), password: 'p'.repeat(201), firstName: 'x', lastName: 'y' }, 'password'],
      ];
      for (const [path, body, field] of cases) {
        const response = await admin.post(path, body);
        assertProblem(response, 400, `${path} ${field}`);
        assert.deepEqual(fieldsOf(response.body), [field], JSON.stringify(response.body.errors));
        assert.equal(response.body.errors[0].code, 'too_big');
      }
      const login = await anonymous.post('/api/v1/auth/login', { email: `${'a'.repeat(100_000)}@x.ir`, password: 'x' });
      assertProblem(login, 400);
      assert.deepEqual(fieldsOf(login.body), ['email']);
      const search = await admin.get(`/api/v1/search?q=${encodeURIComponent('ب'.repeat(201))}`);
      assertProblem(search, 400);
      assert.deepEqual(fieldsOf(search.body), ['q']);
      const token = await admin.post('/api/v1/auth/tokens', { name: 'n'.repeat(101) });
      assertProblem(token, 400);
      assert.deepEqual(fieldsOf(token.body), ['name']);
    });
    const atLimit = await admin.post('/api/v1/contacts', { firstName: 'ب'.repeat(255), category: 'ج'.repeat(100) });
    assert.equal(atLimit.status, 201);
    assert.equal(atLimit.body.firstName.length, 255);
  });

  test('a refused PATCH leaves the record and its version untouched', async () => {
    const before = await admin.get(`/api/v1/contacts/${contactId}`);
    await refusedWithoutTrace(async () => {
      assertProblem(await admin.patch(`/api/v1/contacts/${contactId}`, { title: 'مدیر', firstName: 'ب'.repeat(256) }), 400);
      assertProblem(await admin.patch(`/api/v1/contacts/${contactId}`, { title: 'مدیر', organizationId: MISSING_ID }), 400);
      assertProblem(await admin.patch(`/api/v1/contacts/${contactId}`, { title: 'مدیر', version: before.body.version + 1 }), 409);
      assertProblem(await plain.delete(`/api/v1/recycle-bin/contacts/${contactId}`), 403);
    });
    const after = await admin.get(`/api/v1/contacts/${contactId}`);
    assert.deepEqual(after.body, before.body);
  });
});
