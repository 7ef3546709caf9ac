import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let admin: ApiClient;
let anonymous: ApiClient;

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  anonymous = new ApiClient(server.url, null);
});
after(() => server.stop());

async function logIn(email: string, password: string) {
  const response = await anonymous.post('/api/v1/auth/login', { email, password });
  assert.equal(response.status, 200);
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: response.body.csrfToken as string };
}

test('a plain user changes their own language and calendar but not their role', async () => {
  const created = await admin.post('/api/v1/users', {
    email: 'sara@peyvand.test',
    password: 'Sara-pass-1403',
    firstName: 'سارا',
    lastName: 'کریمی',
  });
  assert.equal(created.status, 201);
  const session = await logIn('sara@peyvand.test', 'Sara-pass-1403');

  const changed = await anonymous.patch('/api/v1/me', { language: 'en', calendar: 'gregorian' }, session);
  assert.equal(changed.status, 200);
  assert.equal(changed.body.language, 'en');
  assert.equal(changed.body.calendar, 'gregorian');
  assert.equal(changed.body.updatedBy, created.body.id);

  const promote = await anonymous.patch('/api/v1/me', { role: 'admin' }, session);
  assert.equal(promote.status, 400);
  assert.equal(promote.body.errors[0].field, 'role');
  assert.equal((await admin.get(`/api/v1/users/${created.body.id}`)).body.role, 'user');
});

test('changing a password needs the current one, ends other sessions and keeps this one', async () => {
  await admin.post('/api/v1/users', { email: 'reza@peyvand.test', password: 'Reza-pass-1403', firstName: 'رضا', lastName: 'احمدی' });
  const here = await logIn('reza@peyvand.test', 'Reza-pass-1403');
  const elsewhere = await logIn('reza@peyvand.test', 'Reza-pass-1403');

  const wrong = await anonymous.post('/api/v1/me/password', { currentPassword: 'nope', newPassword: 'Reza-new-1403' }, here);
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.errors[0].field, 'currentPassword');

  const changed = await anonymous.post('/api/v1/me/password', { currentPassword: 'Reza-pass-1403', newPassword: 'Reza-new-1403' }, here);
  assert.equal(changed.status, 200);
  const renewed = { cookie: changed.headers.get('set-cookie')!.split(';')[0]!, csrf: changed.body.csrfToken as string };

  assert.equal((await anonymous.get('/api/v1/me', elsewhere)).status, 401);
  assert.equal((await anonymous.get('/api/v1/me', renewed)).status, 200);
  assert.equal((await anonymous.post('/api/v1/auth/login', { email: 'reza@peyvand.test', password: 'Reza-pass-1403' })).status, 401);
  await logIn('reza@peyvand.test', 'Reza-new-1403');
});
