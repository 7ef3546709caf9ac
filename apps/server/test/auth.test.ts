import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { hashSecret } from '../src/core/auth/secrets.js';
import { ApiClient } from './support/api-client.js';
import { assertProblem, fieldsOf, logIn, startServerWithoutAdmin, uniqueEmail } from './support/auth-helpers.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let admin: ApiClient;
let anonymous: ApiClient;

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  anonymous = new ApiClient(server.url, null);
});
after(() => server.stop());

async function createUser(role: 'admin' | 'user' = 'user') {
  const email = uniqueEmail(role);
  const password = `Pass-${email.slice(0, 12)}-1403`;
  const created = await admin.post('/api/v1/users', { email, password, firstName: 'سارا', lastName: 'کریمی', role });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { id: created.body.id as string, email, password };
}

/** Parses a Set-Cookie header into its name=value and lower-cased attributes. */
function parseSetCookie(header: string) {
  const [pair, ...rest] = header.split(';').map((part) => part.trim());
  const [name, ...value] = pair!.split('=');
  const attributes = new Map(
    rest.map((attribute) => {
      const [key, ...v] = attribute.split('=');
      return [key!.toLowerCase(), v.join('=')] as const;
    }),
  );
  return { name, value: value.join('='), attributes };
}

describe('logging in', () => {
  test('login returns { user, csrfToken } and sets an HttpOnly, SameSite=Lax peyvand_session cookie for the whole site', async () => {
    const response = await anonymous.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.body).sort(), ['csrfToken', 'user']);
    assert.equal(response.body.user.email, ADMIN_EMAIL);
    assert.equal(response.body.user.role, 'admin');
    assert.equal(typeof response.body.user.id, 'string');
    assert.ok(!('password' in response.body.user), 'the user carries no password');
    assert.equal(typeof response.body.csrfToken, 'string');
    assert.ok(response.body.csrfToken.length >= 32, 'the CSRF token is long enough to be unguessable');

    const cookie = parseSetCookie(response.headers.get('set-cookie') ?? '');
    assert.equal(cookie.name, 'peyvand_session');
    assert.ok(cookie.value.length >= 32, 'the session id is long enough to be unguessable');
    assert.ok(cookie.attributes.has('httponly'), 'HttpOnly');
    assert.equal(cookie.attributes.get('samesite')?.toLowerCase(), 'lax');
    assert.equal(cookie.attributes.get('path'), '/');
    assert.ok(!cookie.attributes.has('secure'), 'no Secure flag unless PEYVAND_SECURE_COOKIES is set');
    assert.notEqual(cookie.value, response.body.csrfToken, 'the CSRF token is not the session id');
  });

  test('the e-mail is matched case-insensitively and with surrounding spaces trimmed', async () => {
    const response = await anonymous.post('/api/v1/auth/login', { email: `  ${ADMIN_EMAIL.toUpperCase()} `, password: ADMIN_PASSWORD });
    assert.equal(response.status, 200);
    assert.equal(response.body.user.email, ADMIN_EMAIL);
  });

  test('a wrong password and an unknown e-mail both answer 401 with the same body (no user enumeration)', async () => {
    for (const language of ['fa', 'en'] as const) {
      const wrongPassword = await anonymous.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: 'not-the-password' }, { language });
      const unknownEmail = await anonymous.post('/api/v1/auth/login', { email: 'nobody@peyvand.test', password: 'not-the-password' }, { language });
      assertProblem(wrongPassword, 401);
      assertProblem(unknownEmail, 401);
      assert.deepEqual(wrongPassword.body, unknownEmail.body);
      assert.equal(wrongPassword.headers.get('set-cookie'), null);
      assert.equal(unknownEmail.headers.get('set-cookie'), null);
    }
  });

  test('a deactivated user cannot log in, and is told the same as for a wrong password', async () => {
    const user = await createUser();
    const deactivated = await admin.patch(`/api/v1/users/${user.id}`, { active: false });
    assert.equal(deactivated.status, 200);
    const refused = await anonymous.post('/api/v1/auth/login', { email: user.email, password: user.password });
    const wrong = await anonymous.post('/api/v1/auth/login', { email: user.email, password: 'wrong-password' });
    assertProblem(refused, 401);
    assert.deepEqual(refused.body, wrong.body);
  });

  test('GET /api/v1/auth/session with the cookie returns the user and the session’s CSRF token', async () => {
    const session = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const current = await anonymous.get('/api/v1/auth/session', { cookie: session.cookie });
    assert.equal(current.status, 200);
    assert.equal(current.body.user.id, session.user.id);
    assert.equal(current.body.user.email, ADMIN_EMAIL);
    assert.equal(current.body.csrfToken, session.csrf);
    assertProblem(await anonymous.get('/api/v1/auth/session'), 401);
  });
});

describe('session lifetime', () => {
  const sessionRow = (cookie: string) =>
    server.server.ctx.database.db.selectFrom('sessions').selectAll().where('token_hash', '=', hashSecret(cookie.split('=')[1]!));

  test('an expired session answers 401', async () => {
    const session = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await server.server.ctx.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hashSecret(session.cookie.split('=')[1]!))
      .execute();
    assertProblem(await anonymous.get('/api/v1/auth/session', { cookie: session.cookie }), 401);
  });

  test('a session in use is renewed, in the database and in the browser’s cookie alike', async () => {
    const session = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const ttlSeconds = Number(parseSetCookie(session.setCookie).attributes.get('max-age'));
    assert.ok(ttlSeconds > 3600, `Max-Age ${ttlSeconds}`);
    // As if the user had been working for most of the session's lifetime.
    await server.server.ctx.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() + 600_000) })
      .where('token_hash', '=', hashSecret(session.cookie.split('=')[1]!))
      .execute();
    const used = await anonymous.get('/api/v1/me', { cookie: session.cookie });
    assert.equal(used.status, 200);
    const row = await sessionRow(session.cookie).executeTakeFirstOrThrow();
    assert.ok(row.expires_at.getTime() > Date.now() + (ttlSeconds - 60) * 1000, 'the server extended the session');
    // Without a fresh cookie the browser drops it at the first Max-Age and the active user is logged out.
    const renewed = parseSetCookie(used.headers.get('set-cookie') ?? '');
    assert.equal(renewed.name, 'peyvand_session', 'the response re-sends the session cookie');
    assert.equal(`peyvand_session=${renewed.value}`, session.cookie);
    assert.ok(Number(renewed.attributes.get('max-age')) > ttlSeconds - 60);
    assert.ok(renewed.attributes.has('httponly'));
  });
});

describe('CSRF', () => {
  test('a state-changing request with the session cookie needs the right X-CSRF-Token', async () => {
    const session = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const other = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const before = (await admin.get('/api/v1/contacts?limit=200')).body.data.length;
    const contact = { firstName: 'مریم', lastName: 'رضایی' };

    const missing = await anonymous.post('/api/v1/contacts', contact, { cookie: session.cookie });
    assertProblem(missing, 403);
    const wrong = await anonymous.post('/api/v1/contacts', contact, { cookie: session.cookie, csrf: 'x'.repeat(43) });
    assertProblem(wrong, 403);
    const anotherSessions = await anonymous.post('/api/v1/contacts', contact, { cookie: session.cookie, csrf: other.csrf });
    assertProblem(anotherSessions, 403);
    assert.equal((await admin.get('/api/v1/contacts?limit=200')).body.data.length, before, 'the refused requests wrote nothing');

    // The same holds for PATCH and DELETE, not only POST.
    const created = await anonymous.post('/api/v1/contacts', contact, { cookie: session.cookie, csrf: session.csrf });
    assert.equal(created.status, 201);
    assertProblem(await anonymous.patch(`/api/v1/contacts/${created.body.id}`, { title: 'مدیر' }, { cookie: session.cookie }), 403);
    assertProblem(await anonymous.delete(`/api/v1/contacts/${created.body.id}`, { cookie: session.cookie }), 403);
    assert.equal((await admin.get(`/api/v1/contacts/${created.body.id}`)).body.title, null);

    const changed = await anonymous.patch(`/api/v1/contacts/${created.body.id}`, { title: 'مدیر' }, { cookie: session.cookie, csrf: session.csrf });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.title, 'مدیر');
  });

  test('reading with the cookie needs no CSRF token', async () => {
    const session = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    assert.equal((await anonymous.get('/api/v1/contacts', { cookie: session.cookie })).status, 200);
    assert.equal((await anonymous.post('/api/v1/contacts/query', {}, { cookie: session.cookie, csrf: session.csrf })).status, 200);
  });

  test('Bearer-token requests need no CSRF token', async () => {
    const created = await admin.post('/api/v1/contacts', { firstName: 'علی' });
    assert.equal(created.status, 201);
    const changed = await admin.patch(`/api/v1/contacts/${created.body.id}`, { lastName: 'محمدی' });
    assert.equal(changed.status, 200);
    assert.equal((await admin.delete(`/api/v1/contacts/${created.body.id}`)).status, 200);
  });
});

describe('logging out', () => {
  test('logout needs the CSRF token, ends the session and clears the cookie', async () => {
    const session = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    assertProblem(await anonymous.post('/api/v1/auth/logout', undefined, { cookie: session.cookie }), 403);
    assert.equal((await anonymous.get('/api/v1/auth/session', { cookie: session.cookie })).status, 200, 'a refused logout left the session alone');

    const out = await anonymous.post('/api/v1/auth/logout', undefined, { cookie: session.cookie, csrf: session.csrf });
    assert.equal(out.status, 204);
    const cleared = parseSetCookie(out.headers.get('set-cookie') ?? '');
    assert.equal(cleared.name, 'peyvand_session');
    assert.ok(
      cleared.value === '' || cleared.attributes.get('max-age') === '0' || cleared.attributes.has('expires'),
      'the cookie is cleared',
    );

    assertProblem(await anonymous.get('/api/v1/auth/session', { cookie: session.cookie }), 401);
    assertProblem(await anonymous.get('/api/v1/contacts', { cookie: session.cookie }), 401);
    assertProblem(await anonymous.post('/api/v1/contacts', { firstName: 'x' }, { cookie: session.cookie, csrf: session.csrf }), 401);
  });

  test('logging out of one session leaves the user’s other sessions and tokens working', async () => {
    const here = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const elsewhere = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    assert.equal((await anonymous.post('/api/v1/auth/logout', undefined, { cookie: here.cookie, csrf: here.csrf })).status, 204);
    assert.equal((await anonymous.get('/api/v1/auth/session', { cookie: elsewhere.cookie })).status, 200);
    assert.equal((await admin.get('/api/v1/me')).status, 200);
  });
});

describe('API tokens', () => {
  test('POST /auth/tokens shows the token once; GET lists it without the secret; DELETE revokes it', async () => {
    const session = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = await anonymous.post('/api/v1/auth/tokens', { name: 'حسابداری' }, { cookie: session.cookie, csrf: session.csrf });
    assert.equal(created.status, 201);
    assert.deepEqual(Object.keys(created.body).sort(), ['id', 'token']);
    const { id, token } = created.body as { id: string; token: string };
    assert.ok(token.length >= 40, 'the token is long enough to be unguessable');

    const viaToken = new ApiClient(server.url, token);
    const me = await viaToken.get('/api/v1/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.email, ADMIN_EMAIL);

    const listed = await anonymous.get('/api/v1/auth/tokens', { cookie: session.cookie });
    assert.equal(listed.status, 200);
    const entry = listed.body.data.find((t: { id: string }) => t.id === id);
    assert.ok(entry, 'the new token is listed');
    assert.equal(entry.name, 'حسابداری');
    assert.equal(typeof entry.createdAt, 'string');
    const text = JSON.stringify(listed.body);
    assert.ok(!text.includes(token), 'the list never shows the secret');
    assert.ok(!text.includes(token.slice(-20)), 'not even part of it');
    for (const listedToken of listed.body.data) assert.ok(!('token' in listedToken) && !('tokenHash' in listedToken));

    const revoked = await viaToken.delete(`/api/v1/auth/tokens/${id}`);
    assert.equal(revoked.status, 204);
    assertProblem(await viaToken.get('/api/v1/me'), 401);
    assertProblem(await admin.delete(`/api/v1/auth/tokens/${id}`), 404);
    const after = await anonymous.get('/api/v1/auth/tokens', { cookie: session.cookie });
    assert.ok(!after.body.data.some((t: { id: string }) => t.id === id), 'a revoked token is no longer listed');
  });

  test('a user lists and revokes only their own tokens', async () => {
    const user = await createUser();
    const session = await logIn(server.url, user.email, user.password);
    const mine = await anonymous.post('/api/v1/auth/tokens', { name: 'mine' }, { cookie: session.cookie, csrf: session.csrf });
    assert.equal(mine.status, 201);
    const adminsToken = await admin.post('/api/v1/auth/tokens', { name: 'admin-only' });
    assert.equal(adminsToken.status, 201);

    const listed = await anonymous.get('/api/v1/auth/tokens', { cookie: session.cookie });
    assert.deepEqual(listed.body.data.map((t: { id: string }) => t.id), [mine.body.id]);
    const revokeOthers = await anonymous.delete(`/api/v1/auth/tokens/${adminsToken.body.id}`, { cookie: session.cookie, csrf: session.csrf });
    assertProblem(revokeOthers, 404);
    assert.equal((await new ApiClient(server.url, adminsToken.body.token).get('/api/v1/me')).status, 200);
  });

  test('a token needs a name', async () => {
    const response = await admin.post('/api/v1/auth/tokens', {});
    assertProblem(response, 400);
    assert.deepEqual(fieldsOf(response.body), ['name']);
  });
});

describe('without credentials', () => {
  const someId = '0190a8b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b';
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/v1/contacts'],
    ['GET', '/api/v1/organizations'],
    ['GET', '/api/v1/leads?limit=10'],
    ['GET', '/api/v1/users'],
    ['GET', '/api/v1/groups'],
    ['GET', `/api/v1/contacts/${someId}`],
    ['GET', `/api/v1/users/${someId}`],
    ['POST', '/api/v1/contacts/query', {}],
    ['POST', '/api/v1/leads/query', { filter: { field: 'firstName', op: 'eq', value: 'x' } }],
    ['GET', '/api/v1/search?q=test'],
    ['GET', '/api/v1/metadata/modules'],
    ['GET', '/api/v1/metadata/modules/contacts/fields'],
    ['POST', '/api/v1/metadata/modules/contacts/fields', { name: 'x', type: 'text', label: { fa: 'x' } }],
    ['GET', `/api/v1/contacts/${someId}/history`],
    ['GET', `/api/v1/groups/${someId}/related/members`],
    ['GET', '/api/v1/recycle-bin?module=contacts'],
    ['POST', '/api/v1/contacts', { firstName: 'x' }],
    ['PATCH', `/api/v1/contacts/${someId}`, { firstName: 'x' }],
    ['DELETE', `/api/v1/contacts/${someId}`],
    ['POST', `/api/v1/contacts/${someId}/restore`],
    ['GET', '/api/v1/me'],
    ['GET', '/api/v1/auth/session'],
    ['GET', '/api/v1/auth/tokens'],
    ['POST', '/api/v1/auth/tokens', { name: 'x' }],
    ['POST', '/api/v1/auth/logout'],
  ];

  test('every /api/v1 route answers 401 with a problem document, in Persian by default and English on request', async () => {
    for (const [method, path, body] of routes) {
      const fa = await anonymous.request(method, path, body);
      assertProblem(fa, 401, `${method} ${path}`);
      assert.match(fa.body.detail, /[\u0600-\u06FF]/, `${method} ${path}: Persian detail`);
      const en = await anonymous.request(method, path, body, { language: 'en' });
      assertProblem(en, 401, `${method} ${path}`);
      assert.doesNotMatch(en.body.detail, /[\u0600-\u06FF]/, `${method} ${path}: English detail`);
    }
  });

  test('made-up, malformed or revoked credentials get the same 401', async () => {
    const credentials: Record<string, string>[] = [
      { authorization: 'Bearer pvd_not-a-real-token' },
      { authorization: `Bearer ${server.adminToken}x` },
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
      { authorization: 'Bearer' },
      { cookie: 'peyvand_session=not-a-real-session' },
      { cookie: `peyvand_session=${server.adminToken}` },
    ];
    for (const headers of credentials) {
      for (const [method, path, body] of routes.slice(0, 6)) {
        assertProblem(await anonymous.request(method, path, body, { headers }), 401, `${method} ${path} with ${JSON.stringify(headers)}`);
      }
    }
  });

  test('a malformed id or query string does not get an answer other than 401 before authentication', async () => {
    // Validating input before checking credentials tells anonymous callers about the API's inner rules.
    for (const path of ['/api/v1/contacts/not-a-uuid', '/api/v1/contacts?limit=0', '/api/v1/contacts?unknown=1', '/api/v1/search']) {
      assertProblem(await anonymous.get(path), 401, path);
    }
  });

  test('public routes answer without credentials', async () => {
    assert.equal((await anonymous.get('/healthz')).status, 200);
    assert.equal((await anonymous.get('/readyz')).status, 200);
    assert.equal((await anonymous.get('/api/v1/auth/setup')).status, 200);
    assert.equal((await anonymous.get('/api/openapi.json')).status, 200);
  });
});

describe('brute force', () => {
  test('after 10 failed logins an account is locked (429, Retry-After) even for the right password, others are not', async () => {
    const victim = await createUser();
    const bystander = await createUser();
    for (let i = 0; i < 10; i++) {
      // The lock follows the account whatever case the e-mail is typed in.
      const email = i % 2 === 0 ? victim.email : victim.email.toUpperCase();
      assertProblem(await anonymous.post('/api/v1/auth/login', { email, password: `wrong-${i}` }), 401, `attempt ${i + 1}`);
    }
    const locked = await anonymous.post('/api/v1/auth/login', { email: victim.email, password: victim.password });
    assertProblem(locked, 429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0, `Retry-After: ${locked.headers.get('retry-after')}`);
    assert.equal(locked.headers.get('set-cookie'), null);
    assertProblem(await anonymous.post('/api/v1/auth/login', { email: victim.email.toUpperCase(), password: victim.password }), 429);

    await logIn(server.url, bystander.email, bystander.password);
  });

  test('session fixation: a session id sent before login is never the one issued, and is not promoted', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const session = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD, { cookie: `peyvand_session=${planted}` });
    assert.notEqual(session.cookie, `peyvand_session=${planted}`);
    assertProblem(await anonymous.get('/api/v1/auth/session', { cookie: `peyvand_session=${planted}` }), 401);

    // An attacker plants their own real session; the victim then logs in in that browser.
    const attacker = await createUser();
    const attackers = await logIn(server.url, attacker.email, attacker.password);
    const victims = await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD, { cookie: attackers.cookie });
    assert.notEqual(victims.cookie, attackers.cookie);
    const withPlanted = await anonymous.get('/api/v1/auth/session', { cookie: attackers.cookie });
    if (withPlanted.status === 200) assert.equal(withPlanted.body.user.id, attacker.id, 'the planted id never becomes the victim’s session');
    else assertProblem(withPlanted, 401);
  });
});

describe('login rate limit per address', () => {
  let limited: TestServer;
  let client: ApiClient;
  before(async () => {
    limited = await startTestServer({ loginRateLimitPerMinute: 5 });
    client = new ApiClient(limited.url, null);
  });
  after(() => limited.stop());
  const forgetAttempts = () => limited.server.ctx.database.db.deleteFrom('login_attempts').execute();

  test('the 6th login attempt in a minute from one address gets 429 with Retry-After, even with the right password', async () => {
    await forgetAttempts();
    for (let i = 0; i < 5; i++) {
      assertProblem(await client.post('/api/v1/auth/login', { email: `guess-${i}@peyvand.test`, password: 'guess' }), 401, `attempt ${i + 1}`);
    }
    const sixth = await client.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, { language: 'en' });
    assertProblem(sixth, 429);
    assert.equal(sixth.body.type, '/api/problems/rate-limited');
    const retryAfter = Number(sixth.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60, `Retry-After: ${sixth.headers.get('retry-after')}`);
    assert.equal(sixth.headers.get('set-cookie'), null);
    // Authenticated API use is not throttled by the login limit.
    assert.equal((await new ApiClient(limited.url, limited.adminToken).get('/api/v1/me')).status, 200);
  });

  test('a made-up X-Forwarded-For header does not get around the per-address limit', async () => {
    await forgetAttempts();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await client.post(
        '/api/v1/auth/login',
        { email: `spray-${i}@peyvand.test`, password: 'guess' },
        { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } },
      );
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
  });
});

describe('password storage', () => {
  test('passwords are stored as argon2id (m=19456, t=2, p=1) hashes, never as given', async () => {
    const user = await createUser();
    const rows = await sql<{ user_id: string; password_hash: string }>`select user_id, password_hash from user_credentials`.execute(
      server.server.ctx.database.db,
    );
    assert.ok(rows.rows.length >= 2);
    for (const row of rows.rows) {
      // PHC string format: $argon2id$v=19$<parameters in any order>$<salt>$<hash>
      const match = /^\$argon2id\$v=19\$([a-z]=\d+(?:,[a-z]=\d+)*)\$[A-Za-z0-9+/]{16,}\$[A-Za-z0-9+/]{32,}$/.exec(row.password_hash);
      assert.ok(match, row.password_hash);
      const parameters = Object.fromEntries(match[1]!.split(',').map((p) => p.split('=') as [string, string]));
      assert.deepEqual(parameters, { m: '19456', t: '2', p: '1' });
    }
    const hash = rows.rows.find((r) => r.user_id === user.id)!.password_hash;
    assert.ok(!hash.includes(user.password));
    const data = await sql<{ data: unknown }>`select data from records where id = ${user.id}`.execute(server.server.ctx.database.db);
    assert.ok(!JSON.stringify(data.rows).includes(user.password), 'the password is not kept in the record');
  });

  test('no API response carries a password or its hash', async () => {
    const user = await createUser();
    const hashes = (await sql<{ password_hash: string }>`select password_hash from user_credentials`.execute(server.server.ctx.database.db)).rows.map(
      (r) => r.password_hash,
    );
    const changed = await admin.patch(`/api/v1/users/${user.id}`, { password: 'A-new-password-1403', firstName: 'سمیرا' });
    assert.equal(changed.status, 200);
    const session = await logIn(server.url, user.email, 'A-new-password-1403');
    const responses = [
      changed,
      await admin.get('/api/v1/users?limit=200'),
      await admin.get(`/api/v1/users/${user.id}`),
      await admin.post('/api/v1/users/query', { filter: { field: 'email', op: 'eq', value: user.email } }),
      await admin.get(`/api/v1/users/${user.id}/history`),
      await admin.get(`/api/v1/users?q=${encodeURIComponent('سمیرا')}`),
      await anonymous.get('/api/v1/auth/session', { cookie: session.cookie }),
      await anonymous.get('/api/v1/me', { cookie: session.cookie }),
      await new ApiClient(server.url, null).post('/api/v1/auth/login', { email: user.email, password: 'A-new-password-1403' }),
    ];
    for (const response of responses) {
      assert.equal(response.status, 200);
      const text = JSON.stringify(response.body);
      assert.ok(!text.includes('$argon2'), text);
      assert.ok(!text.includes(user.password) && !text.includes('A-new-password-1403'), text);
      for (const hash of hashes) assert.ok(!text.includes(hash.slice(-30)));
    }
    const listed = responses[1]!.body.data as Record<string, unknown>[];
    assert.ok(listed.length >= 2);
    for (const record of listed) assert.ok(!('password' in record) && !('passwordHash' in record));
    // The history says the password changed, without saying what to.
    const history = responses[4]!.body.data as { changes: { field: string; from: unknown; to: unknown }[] }[];
    const passwordChange = history.flatMap((h) => h.changes).find((c) => c.field === 'password');
    assert.deepEqual(passwordChange, { field: 'password', from: null, to: null });
  });
});

describe('first-run set-up', () => {
  test('with an administrator in place, set-up is closed: GET says needed:false and POST is refused with 403', async () => {
    const status = await anonymous.get('/api/v1/auth/setup');
    assert.equal(status.status, 200);
    assert.deepEqual(status.body, { needed: false });
    const usersBefore = (await admin.get('/api/v1/users?limit=200')).body.data.length;
    const refused = await anonymous.post('/api/v1/auth/setup', {
      email: 'intruder@peyvand.test',
      password: 'Intruder-1403',
      firstName: 'نفوذ',
      lastName: 'گر',
    });
    assertProblem(refused, 403);
    assert.equal(refused.headers.get('set-cookie'), null);
    assert.equal((await admin.get('/api/v1/users?limit=200')).body.data.length, usersBefore);
    assertProblem(await anonymous.post('/api/v1/auth/login', { email: 'intruder@peyvand.test', password: 'Intruder-1403' }), 401);
  });

  test('on an empty database set-up is needed; one POST creates the administrator and logs in; later ones are refused', async () => {
    const empty = await startServerWithoutAdmin({ secureCookies: true });
    try {
      const client = new ApiClient(empty.url, null);
      assert.deepEqual((await client.get('/api/v1/auth/setup')).body, { needed: true });
      assertProblem(await client.get('/api/v1/contacts'), 401);

      const short = await client.post('/api/v1/auth/setup', { email: 'boss@peyvand.test', password: 'short', firstName: 'ب', lastName: 'ب' });
      assertProblem(short, 400);
      assert.deepEqual(fieldsOf(short.body), ['password']);
      assert.deepEqual((await client.get('/api/v1/auth/setup')).body, { needed: true }, 'a refused set-up leaves it open');

      const setup = (email: string) => client.post('/api/v1/auth/setup', { email, password: 'Boss-pass-1403', firstName: 'مهدی', lastName: 'کاظمی' });
      // Two set-up forms sent at once: exactly one wins.
      const [first, second] = await Promise.all([setup('boss@peyvand.test'), setup('rival@peyvand.test')]);
      const statuses = [first.status, second.status].sort();
      assert.deepEqual(statuses, [201, 403]);
      const winner = first.status === 201 ? first : second;
      const loser = first.status === 201 ? second : first;
      assertProblem(loser, 403);
      assert.equal(winner.body.user.role, 'admin');
      assert.equal(winner.body.user.active, true);
      assert.ok(!('password' in winner.body.user));
      assert.equal(typeof winner.body.csrfToken, 'string');

      const cookie = parseSetCookie(winner.headers.get('set-cookie') ?? '');
      assert.equal(cookie.name, 'peyvand_session');
      assert.ok(cookie.attributes.has('httponly'));
      assert.ok(cookie.attributes.has('secure'), 'Secure when PEYVAND_SECURE_COOKIES is set');
      const sessionCookie = `peyvand_session=${cookie.value}`;
      const current = await client.get('/api/v1/auth/session', { cookie: sessionCookie });
      assert.equal(current.status, 200);
      assert.equal(current.body.user.id, winner.body.user.id);
      const contact = await client.post('/api/v1/contacts', { firstName: 'نخستین' }, { cookie: sessionCookie, csrf: winner.body.csrfToken });
      assert.equal(contact.status, 201);

      assert.deepEqual((await client.get('/api/v1/auth/setup')).body, { needed: false });
      assertProblem(await setup('third@peyvand.test'), 403);
      const users = await client.get('/api/v1/users', { cookie: sessionCookie });
      assert.equal(users.body.data.length, 1, 'exactly one administrator was created');
      await logIn(empty.url, winner.body.user.email, 'Boss-pass-1403');
    } finally {
      await empty.stop();
    }
  });
});
