import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { expectProblem, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

const PREFERENCES = '/api/v1/me/preferences';
const PERSIAN = /[\u0600-\u06FF]/;

let server: TestServer;
let admin: ApiClient;
let ali: ApiClient;
let sara: ApiClient;

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  ali = (await plainUserClient(server.url, admin)).api;
  sara = (await plainUserClient(server.url, admin)).api;
});
after(() => server.stop());

const put = (api: ApiClient, key: string, value: unknown, language?: 'fa' | 'en') =>
  api.request('PUT', `${PREFERENCES}/${key}`, undefined, { rawBody: JSON.stringify(value), language });

describe('my preferences', () => {
  test('a new user has none', async () => {
    assert.deepEqual(ok(await ali.get(PREFERENCES)), {});
  });

  test('any JSON value is saved under its key, answered back as JSON, and read back with the others', async () => {
    const values: Record<string, unknown> = {
      'list.contacts.columns': ['lastName', 'custom.region', 'phones'],
      'list.pageSize': 100,
      theme: 'dark',
      'sidebar_collapsed-v2': false,
      'list.leads.filter': { and: [{ field: 'city', op: 'eq', value: 'تهران' }] },
      nothing: null,
    };
    for (const [key, value] of Object.entries(values)) {
      const res = await put(ali, key, value);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/, `${key}: a string is JSON too`);
      assert.deepEqual(res.body, value);
    }
    assert.deepEqual(ok(await ali.get(PREFERENCES)), values);
  });

  test('PUT replaces the value; DELETE forgets it (and is 204 when there was none)', async () => {
    ok(await put(ali, 'list.pageSize', 25));
    assert.equal(ok(await ali.get(PREFERENCES))['list.pageSize'], 25);
    assert.equal((await ali.delete(`${PREFERENCES}/list.pageSize`)).status, 204);
    assert.ok(!('list.pageSize' in ok(await ali.get(PREFERENCES))));
    assert.equal((await ali.delete(`${PREFERENCES}/list.pageSize`)).status, 204);
  });

  test('each user has their own', async () => {
    ok(await put(sara, 'theme', 'light'));
    assert.equal(ok(await sara.get(PREFERENCES)).theme, 'light');
    assert.equal(ok(await ali.get(PREFERENCES)).theme, 'dark');
    assert.deepEqual(Object.keys(ok(await sara.get(PREFERENCES))), ['theme']);
  });

  test('keys are 1 to 100 of [a-zA-Z0-9._-]; anything else is 400 naming the key', async () => {
    for (const key of ['has%20space', 'semi;colon', '%D8%AA%D9%85', 'constructor', '__proto__']) {
      const res = await put(ali, key, 1);
      expectProblem(res, 400, { field: 'key', code: 'invalid_key' });
    }
    const en = expectProblem(await put(ali, 'a%2Fb', 1, 'en'), 400, { field: 'key', code: 'invalid_key' });
    assert.doesNotMatch(en!.message, PERSIAN);
    ok(await put(ali, 'x'.repeat(100), 1));
    // Longer path segments are refused by the router itself, before the route's schema.
    expectProblem(await put(ali, 'x'.repeat(101), 1), 400, { field: 'url', code: 'too_big' });
    expectProblem(await ali.delete(`${PREFERENCES}/bad%20key`), 400, { field: 'key' });
  });

  test('a value over 64 KB is 413; one just under is saved', async () => {
    const tooBig = await put(ali, 'big', 'x'.repeat(65_536));
    expectProblem(tooBig, 413, { field: 'body', code: 'value_too_large' });
    assert.match(tooBig.body.errors[0].message, /65536/);
    // 65,534 characters and two quotes: exactly 64 KB serialised.
    ok(await put(ali, 'big', 'x'.repeat(65_534)));
    // Persian letters take two bytes each in UTF-8: the limit counts bytes.
    expectProblem(await put(ali, 'big', 'ب'.repeat(40_000)), 413);
  });

  test('values jsonb cannot hold and missing bodies are 400, never a 500', async () => {
    expectProblem(await put(ali, 'nul', { text: 'a\u0000b' }), 400, { field: 'body', code: 'invalid_text' });
    expectProblem(await put(ali, 'surrogate', ['\uD800']), 400, { field: 'body', code: 'invalid_text' });
    expectProblem(await ali.request('PUT', `${PREFERENCES}/empty`), 400, { field: 'body' });
    expectProblem(await ali.request('PUT', `${PREFERENCES}/empty`, undefined, { rawBody: '{"a":' }), 400, {
      field: 'body',
    });
    assert.ok(!('nul' in ok(await ali.get(PREFERENCES))));
  });

  test('at most 200 preferences per user; replacing one of them is still allowed', async () => {
    const fresh = (await plainUserClient(server.url, admin)).api;
    for (let i = 0; i < 200; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, j) => put(fresh, `key${i + j}`, i + j).then((res) => ok(res))));
    }
    expectProblem(await put(fresh, 'one-more', 1), 422, { field: 'key', code: 'too_big' });
    assert.equal(ok(await put(fresh, 'key7', 'changed')), 'changed');
    assert.equal(Object.keys(ok(await fresh.get(PREFERENCES))).length, 200);
  });

  test('without credentials: 401', async () => {
    const anonymous = new ApiClient(server.url, null);
    expectProblem(await anonymous.get(PREFERENCES), 401);
    expectProblem(await put(anonymous, 'theme', 'dark'), 401);
  });
});
