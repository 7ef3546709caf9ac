/**
 * Roles × routes. Every operation of the OpenAPI description has an entry below saying who may
 * use it; a route added without one fails the first test. Anonymous callers, a plain user,
 * another plain user in a group and an administrator then try every route, and what a role
 * forbids is refused — with nothing written — whichever route is used.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ApiClient, type ApiResponse } from './support/api-client.js';
import { type Session, logIn } from './support/auth-helpers.js';
import { changedTables, databaseFingerprint } from './support/database-fingerprint.js';
import { type Operation, describeApi, fillPath } from './support/openapi-operations.js';
import { ok } from './support/records-helpers.js';
import { type RouteFixtures, createRouteFixtures, fixtureParam, importOneContact } from './support/route-fixtures.js';
import { type TestServer, startTestServer } from './support/test-server.js';

/**
 * public: no credentials needed. signed-in: any user. admin: administrators only.
 * mine: about the caller's own things (another user's are not found). author: readable by all,
 * changed by its author or an administrator. Module routes are keyed with `{module}`; a write to
 * an admin-only module (users, groups) is `admin` whatever its entry says.
 */
type Rule = 'public' | 'signed-in' | 'admin' | 'mine' | 'write';

const MATRIX: Record<string, Rule> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/setup': 'public',
  'POST /api/v1/auth/setup': 'public',
  'GET /api/v1/calendar-feed/{file}': 'public',
  'POST /api/v1/auth/logout': 'signed-in',
  'GET /api/v1/auth/session': 'signed-in',
  'POST /api/v1/auth/tokens': 'signed-in',
  'GET /api/v1/auth/tokens': 'mine',
  'DELETE /api/v1/auth/tokens/{id}': 'mine',
  'GET /api/v1/me': 'signed-in',
  'PATCH /api/v1/me': 'signed-in',
  'POST /api/v1/me/password': 'signed-in',
  'GET /api/v1/me/agenda': 'signed-in',
  'GET /api/v1/me/calendar-feed': 'signed-in',
  'POST /api/v1/me/calendar-feed/rotate': 'signed-in',
  'GET /api/v1/me/preferences': 'signed-in',
  'PUT /api/v1/me/preferences/{key}': 'signed-in',
  'DELETE /api/v1/me/preferences/{key}': 'signed-in',
  'GET /api/v1/metadata/modules': 'signed-in',
  'GET /api/v1/metadata/modules/{module}': 'signed-in',
  'PATCH /api/v1/metadata/modules/{module}': 'admin',
  'GET /api/v1/metadata/modules/{module}/fields': 'signed-in',
  'POST /api/v1/metadata/modules/{module}/fields': 'admin',
  'PATCH /api/v1/metadata/modules/{module}/fields/{name}': 'admin',
  'DELETE /api/v1/metadata/modules/{module}/fields/{name}': 'admin',
  'GET /api/v1/search': 'signed-in',
  'POST /api/v1/{module}': 'write',
  'GET /api/v1/{module}': 'signed-in',
  'POST /api/v1/{module}/query': 'signed-in',
  'GET /api/v1/{module}/{id}': 'signed-in',
  'PATCH /api/v1/{module}/{id}': 'write',
  'DELETE /api/v1/{module}/{id}': 'write',
  'POST /api/v1/{module}/{id}/restore': 'write',
  'GET /api/v1/{module}/{id}/history': 'signed-in',
  'GET /api/v1/{module}/{id}/timeline': 'signed-in',
  'GET /api/v1/{module}/{id}/related/contacts': 'signed-in',
  'GET /api/v1/{module}/{id}/related/branches': 'signed-in',
  'GET /api/v1/{module}/{id}/related/opportunities': 'signed-in',
  'GET /api/v1/{module}/{id}/related/reports': 'signed-in',
  'GET /api/v1/{module}/{id}/related/members': 'signed-in',
  'POST /api/v1/{module}/bulk-delete': 'write',
  'GET /api/v1/{module}/duplicates': 'signed-in',
  'POST /api/v1/{module}/duplicates/check': 'signed-in',
  'POST /api/v1/{module}/merge': 'write',
  'POST /api/v1/{module}/merges/{id}/undo': 'write',
  'POST /api/v1/{module}/bulk-assign': 'write',
  'GET /api/v1/{module}/export': 'signed-in',
  'POST /api/v1/{module}/export': 'signed-in',
  'GET /api/v1/recycle-bin': 'signed-in',
  'DELETE /api/v1/recycle-bin/{module}/{id}': 'admin',
  'GET /api/v1/notifications': 'mine',
  'GET /api/v1/notifications/stream': 'signed-in',
  'POST /api/v1/notifications/{id}/read': 'mine',
  'GET /api/v1/calendar': 'signed-in',
  'POST /api/v1/leads/{id}/convert': 'signed-in',
  'GET /api/v1/leads/{id}/conversion-defaults': 'signed-in',
  'GET /api/v1/leads/conversion-mapping': 'signed-in',
  'PUT /api/v1/leads/conversion-mapping': 'admin',
  'GET /api/v1/leads/assignment-rule': 'signed-in',
  'PUT /api/v1/leads/assignment-rule': 'admin',
  'GET /api/v1/opportunities/pipeline': 'signed-in',
  'GET /api/v1/reports/sales/new-leads': 'signed-in',
  'GET /api/v1/reports/sales/leads-by-source': 'signed-in',
  'GET /api/v1/reports/sales/leads-by-status': 'signed-in',
  'GET /api/v1/reports/sales/lead-conversion': 'signed-in',
  'GET /api/v1/reports/sales/lead-conversion-by-owner': 'signed-in',
  'GET /api/v1/reports/sales/pipeline-by-stage': 'signed-in',
  'GET /api/v1/reports/sales/won-amount': 'signed-in',
  'GET /api/v1/imports': 'mine',
  'POST /api/v1/imports': 'signed-in',
  'POST /api/v1/imports/preview': 'signed-in',
  'GET /api/v1/imports/{id}': 'mine',
  'GET /api/v1/imports/{id}/errors': 'mine',
  'POST /api/v1/imports/{id}/undo': 'mine',
  'POST /api/v1/imports/{id}/cancel': 'mine',
  'GET /api/v1/saved-lists': 'mine',
  'POST /api/v1/saved-lists': 'signed-in',
  'GET /api/v1/saved-lists/{id}': 'mine',
  'PATCH /api/v1/saved-lists/{id}': 'mine',
  'DELETE /api/v1/saved-lists/{id}': 'mine',
};

const ADMIN_ONLY_MODULES = new Set(['users', 'groups']);

let server: TestServer;
let admin: ApiClient;
let operations: Operation[];
let modules: string[];
let fixtures: RouteFixtures;
/** Ali owns private things; Sara, in a group with him, tries to reach them. */
let ali: { id: string; email: string; api: ApiClient; token: string; session: Session; fixtures: RouteFixtures };
let sara: { id: string; api: ApiClient };
/** The contacts layout as it is, for a layout change that changes nothing but needs the right to. */
let contactBlocks: { name: string; label: unknown }[];

const db = () => server.server.ctx.database.db;

/** The operation's own key when the matrix names it (a lead's conversion), else its module-generic one. */
const keyOf = (op: Operation) => {
  const segment = op.path.split('/')[3];
  if (MATRIX[op.key] || !segment || !modules.includes(segment)) return op.key;
  return op.key.replace(`/api/v1/${segment}`, '/api/v1/{module}');
};
const moduleOf = (op: Operation) => modules.find((m) => op.path.startsWith(`/api/v1/${m}`));

/** The rule for an operation, admin-only modules' writes made `admin`. */
function ruleOf(op: Operation): Rule | undefined {
  const rule = MATRIX[keyOf(op)];
  const module = moduleOf(op);
  if (rule === 'write' && module && ADMIN_ONLY_MODULES.has(module)) return 'admin';
  return rule;
}

async function newUser(name: string, password: string) {
  const email = `${name}-${Date.now().toString(36)}@peyvand.test`;
  const created = ok(
    await admin.post('/api/v1/users', { email, password, firstName: name, lastName: 'آزمون', role: 'user' }),
    201,
  );
  const session = await logIn(server.url, email, password);
  const token = ok(await admin.post('/api/v1/auth/tokens', { name: 'matrix' }, { token: null, ...session }), 201)
    .token as string;
  return { id: created.id as string, email, token, session, api: new ApiClient(server.url, token) };
}

before(async () => {
  server = await startTestServer({ jobPollIntervalMs: 3_600_000 });
  admin = new ApiClient(server.url, server.adminToken);
  fixtures = await createRouteFixtures(admin, server.url, server.adminToken);
  operations = (await describeApi(server.url, server.adminToken)).operations;
  modules = (ok(await admin.get('/api/v1/metadata/modules')).data as { name: string }[]).map((m) => m.name);
  contactBlocks = (
    ok(await admin.get('/api/v1/metadata/modules/contacts')).blocks as { name: string; label: unknown }[]
  ).map(({ name, label }) => ({ name, label }));
  const aliUser = await newUser('ali', 'Ali-password-1403');
  const saraUser = await newUser('sara', 'Sara-password-1403');
  ok(await admin.post('/api/v1/groups', { name: 'فروش', memberIds: [aliUser.id, saraUser.id] }), 201);
  // Ali's own things: a private list, a token, an import, a notification (a mention), a note he wrote.
  const list = ok(await aliUser.api.post('/api/v1/saved-lists', { module: 'contacts', name: 'فهرست خصوصی علی' }), 201);
  const spare = ok(await aliUser.api.post('/api/v1/auth/tokens', { name: 'spare' }), 201);
  const importId = await importOneContact(server.url, aliUser.token);
  const note = ok(await aliUser.api.post('/api/v1/notes', { body: 'یادداشت علی' }), 201);
  ok(await admin.post('/api/v1/notes', { body: 'یادآوری برای علی', mentions: [aliUser.id] }), 201);
  const notification = (ok(await aliUser.api.get('/api/v1/notifications')).data as { id: string }[])[0]!;
  ali = {
    ...aliUser,
    fixtures: {
      ...fixtures,
      records: { ...fixtures.records, notes: note.id },
      savedListId: list.id,
      spareTokenId: spare.id,
      importId,
      notificationId: notification.id,
    },
  };
  sara = saraUser;
});
after(() => server.stop());

const pathFor = (op: Operation, f: RouteFixtures) => fillPath(op.path, (param) => fixtureParam(f, op.path, param));

/** A body good enough to pass validation, so that only the role stands between it and a 2xx. */
function bodyFor(op: Operation): unknown {
  const key = keyOf(op);
  const module = moduleOf(op);
  if (key === 'PATCH /api/v1/metadata/modules/{module}') return { blocks: contactBlocks };
  if (key === 'POST /api/v1/metadata/modules/{module}/fields')
    return { name: 'matrixField', type: 'text', label: { fa: 'آزمون', en: 'Test' } };
  if (key === 'PATCH /api/v1/metadata/modules/{module}/fields/{name}') return { label: { fa: 'منطقه', en: 'Region' } };
  if (key === 'PUT /api/v1/leads/conversion-mapping') return { mappings: [] };
  if (key === 'PUT /api/v1/leads/assignment-rule') return { enabled: false };
  if (key === 'POST /api/v1/{module}' && module === 'users')
    return {
      email: `new-${Date.now()}@peyvand.test`,
      password: 'New-user-1403',
      firstName: 'ن',
      lastName: 'ن',
      role: 'user',
    };
  if (key === 'POST /api/v1/{module}' && module === 'groups') return { name: `گروه ${Date.now()}` };
  if (key === 'PATCH /api/v1/{module}/{id}')
    return module === 'users'
      ? { lastName: 'تغییر' }
      : module === 'groups'
        ? { name: `گروه ${Date.now()}` }
        : { description: 'تغییر' };
  if (key === 'PATCH /api/v1/saved-lists/{id}') return { name: 'تغییر', version: 1 };
  if (key === 'POST /api/v1/{module}/bulk-delete') return { ids: [fixtures.records[module!]] };
  if (op.body) return {};
  return undefined;
}

async function call(client: ApiClient, op: Operation, f: RouteFixtures, options = {}): Promise<ApiResponse> {
  const path = pathFor(op, f);
  // A live stream never ends: its opening answer is what matters.
  if (op.path.endsWith('/stream')) {
    const response = await fetch(`${server.url}${path}`, {
      headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
    });
    await response.body?.cancel();
    return { status: response.status, headers: response.headers, body: null };
  }
  return client.request(op.method, path, bodyFor(op), options);
}

async function unchangedBy<T>(action: () => Promise<T>, what: string): Promise<T> {
  const before = await databaseFingerprint(db());
  const result = await action();
  assert.deepEqual(changedTables(before, await databaseFingerprint(db())), [], `${what} wrote to the database`);
  return result;
}

test('every operation of the OpenAPI description has an entry in the access matrix, and every entry a route', () => {
  const missing = operations.filter((op) => !ruleOf(op)).map((op) => op.key);
  assert.deepEqual(missing, [], 'routes without an access rule');
  const used = new Set(operations.map(keyOf));
  assert.deepEqual(
    Object.keys(MATRIX).filter((key) => !used.has(key)),
    [],
    'matrix entries without a route',
  );
  for (const op of operations) assert.equal(op.public, ruleOf(op) === 'public', `${op.key}: documented security`);
});

describe('anonymous', () => {
  test('every route but the public ones answers 401 and writes nothing', async () => {
    const anonymous = new ApiClient(server.url, null);
    for (const op of operations.filter((o) => ruleOf(o) !== 'public')) {
      const answer = await unchangedBy(() => call(anonymous, op, fixtures), op.key);
      assert.equal(answer.status, 401, `${op.key} → ${answer.status}`);
    }
  });
});

describe('a plain user', () => {
  test('gets 403 from every administrator route, writing nothing; an administrator gets a 2xx from the same request', async () => {
    const adminRoutes = operations.filter((op) => ruleOf(op) === 'admin');
    assert.ok(adminRoutes.length >= 15, 'the admin routes were found');
    for (const op of adminRoutes) {
      const refused = await unchangedBy(() => call(sara.api, op, fixtures), `${op.key} by a plain user`);
      assert.equal(
        refused.status,
        403,
        `${op.key} by a plain user → ${refused.status} ${JSON.stringify(refused.body)}`,
      );
    }
    // The same requests succeed for an administrator, so the 403s were the role's doing. What
    // only a deleted record allows (a restore, a purge) gets one; what a delete took is put back.
    for (const op of adminRoutes) {
      const purge = op.key === 'DELETE /api/v1/recycle-bin/{module}/{id}';
      let target = fixtures;
      if (purge) {
        const doomed = ok(await admin.post('/api/v1/contacts', { lastName: 'رفتنی' }), 201).id as string;
        ok(await admin.delete(`/api/v1/contacts/${doomed}`));
        target = { ...fixtures, records: { ...fixtures.records, contacts: doomed } };
      }
      if (op.path.endsWith('/restore')) ok(await admin.delete(pathFor(op, fixtures).replace(/\/restore$/, '')));
      const allowed = await call(admin, op, target);
      assert.ok(
        allowed.status < 300,
        `${op.key} by an administrator → ${allowed.status} ${JSON.stringify(allowed.body)}`,
      );
      if (op.method === 'DELETE' && !purge) await restoreFixtures();
    }
    await restoreFixtures();
  });

  test('is let through every other route (no 401 or 403)', async () => {
    for (const op of operations.filter((o) => ['signed-in', 'write'].includes(ruleOf(o)!) && o.method === 'GET')) {
      const answer = await call(sara.api, op, fixtures);
      assert.ok(![401, 403].includes(answer.status), `${op.key} → ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  });

  test("cannot reach another user's own things through any route: 404, and nothing changes", async () => {
    for (const op of operations.filter((o) => ruleOf(o) === 'mine' && o.pathParams.length > 0)) {
      const answer = await unchangedBy(() => call(sara.api, op, ali.fixtures), `${op.key} by another user`);
      assert.equal(answer.status, 404, `${op.key} on Ali's by Sara → ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    // Ali himself reaches them all (undo last: it changes what it undoes).
    for (const op of operations.filter((o) => ruleOf(o) === 'mine' && o.pathParams.length > 0 && o.method === 'GET')) {
      const answer = await call(ali.api, op, ali.fixtures);
      assert.equal(answer.status, 200, `${op.key} by Ali → ${answer.status}`);
    }
  });

  test("lists of one's own things never show another user's: tokens, notifications, saved lists, imports", async () => {
    const ids = async (client: ApiClient, path: string) =>
      (ok(await client.get(path)).data as { id: string }[]).map((x) => x.id);
    assert.ok((await ids(ali.api, '/api/v1/auth/tokens')).includes(ali.fixtures.spareTokenId));
    assert.ok(!(await ids(sara.api, '/api/v1/auth/tokens')).includes(ali.fixtures.spareTokenId));
    assert.ok((await ids(ali.api, '/api/v1/notifications')).includes(ali.fixtures.notificationId!));
    assert.ok(!(await ids(sara.api, '/api/v1/notifications')).includes(ali.fixtures.notificationId!));
    assert.ok((await ids(ali.api, '/api/v1/saved-lists')).includes(ali.fixtures.savedListId));
    assert.ok(!(await ids(sara.api, '/api/v1/saved-lists')).includes(ali.fixtures.savedListId));
    assert.ok(!(await ids(admin, '/api/v1/saved-lists')).includes(ali.fixtures.savedListId));
    // An administrator sees everyone's imports, to help with a stuck or failed one.
    assert.ok((await ids(ali.api, '/api/v1/imports')).includes(ali.fixtures.importId));
    assert.ok(!(await ids(sara.api, '/api/v1/imports')).includes(ali.fixtures.importId));
    assert.ok((await ids(admin, '/api/v1/imports')).includes(ali.fixtures.importId));
  });

  test("cannot change, delete, restore or reassign another user's note through any route; its author can", async () => {
    const noteId = ali.fixtures.records.notes!;
    const attempts: [string, string, unknown][] = [
      ['PATCH', `/api/v1/notes/${noteId}`, { body: 'دست‌کاری' }],
      ['DELETE', `/api/v1/notes/${noteId}`, undefined],
      ['POST', '/api/v1/notes/bulk-delete', { ids: [noteId] }],
      ['POST', '/api/v1/notes/bulk-assign', { ids: [noteId], ownerId: sara.id }],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await unchangedBy(() => sara.api.request(method, path, body), `${method} ${path}`);
      assert.equal(answer.status, 403, `${method} ${path} → ${answer.status}`);
    }
    ok(await ali.api.delete(`/api/v1/notes/${noteId}`));
    const restore = await unchangedBy(
      () => sara.api.post(`/api/v1/notes/${noteId}/restore`),
      'restore by another user',
    );
    assert.equal(restore.status, 403, `restore by another user → ${restore.status}`);
    ok(await ali.api.post(`/api/v1/notes/${noteId}/restore`));
  });

  test('no answer to a plain user carries a password hash or a token secret', async () => {
    const hashes = await sql<{ hash: string }>`select password_hash as hash from user_credentials`
      .execute(db())
      .then((r) => r.rows.map((row) => row.hash))
      .catch(() => [] as string[]);
    for (const op of operations.filter((o) => o.method === 'GET' && ruleOf(o) !== 'public')) {
      const answer = await call(sara.api, op, fixtures);
      const text = JSON.stringify(answer.body);
      assert.doesNotMatch(text, /\$argon2|passwordHash|password_hash|Ali-password-1403/, op.key);
      assert.ok(!text.includes(ali.token), `${op.key} shows another user's token`);
      for (const hash of hashes) assert.ok(!text.includes(hash), op.key);
    }
  });
});

async function restoreFixtures(): Promise<void> {
  for (const [module, id] of Object.entries(fixtures.records)) {
    const answer = await admin.get(`/api/v1/${module}/${id}`);
    if (answer.status === 404) await admin.post(`/api/v1/${module}/${id}/restore`);
  }
}

describe('sessions and credentials', () => {
  test('every state-changing route refuses a cookie request without the CSRF token (403), writing nothing', async () => {
    const fresh = await logIn(server.url, ali.email, 'Ali-password-1403');
    for (const op of operations.filter((o) => o.method !== 'GET' && !['public'].includes(ruleOf(o)!))) {
      for (const csrf of [undefined, 'not-the-token', ali.session.csrf]) {
        const answer = await unchangedBy(
          () => call(new ApiClient(server.url, null), op, ali.fixtures, { cookie: fresh.cookie, csrf }),
          `${op.key} with cookie, csrf ${csrf}`,
        );
        assert.equal(answer.status, 403, `${op.key} csrf ${csrf} → ${answer.status}`);
        assert.equal(answer.body.type, '/api/problems/csrf', op.key);
      }
    }
    // With its own token the same cookie goes through.
    const me = await new ApiClient(server.url, null).patch(
      '/api/v1/me',
      { language: 'fa' },
      { cookie: fresh.cookie, csrf: fresh.csrf },
    );
    assert.equal(me.status, 200);
  });

  test('session fixation: a session id planted before login is never issued, and stops working', async () => {
    const planted = await logIn(server.url, ali.email, 'Ali-password-1403');
    const again = await logIn(server.url, ali.email, 'Ali-password-1403', { cookie: planted.cookie });
    assert.notEqual(again.cookie, planted.cookie);
    assert.equal((await new ApiClient(server.url, null).get('/api/v1/me', { cookie: planted.cookie })).status, 401);
    assert.equal((await new ApiClient(server.url, null).get('/api/v1/me', { cookie: again.cookie })).status, 200);
  });

  test('a revoked token is refused by the very next request, though it was just cached', async () => {
    const created = ok(await ali.api.post('/api/v1/auth/tokens', { name: 'short-lived' }), 201);
    const client = new ApiClient(server.url, created.token);
    ok(await client.get('/api/v1/me'));
    ok(await client.get('/api/v1/contacts'));
    assert.equal((await ali.api.delete(`/api/v1/auth/tokens/${created.id}`)).status, 204);
    for (const op of operations.filter((o) => o.method === 'GET' && ruleOf(o) === 'signed-in').slice(0, 20)) {
      assert.equal((await call(client, op, fixtures)).status, 401, op.key);
    }
  });

  test('a deactivated user is refused at once on every credential they hold', async () => {
    const someone = await newUser('reza', 'Reza-password-1403');
    ok(await someone.api.get('/api/v1/me'));
    ok(await admin.patch(`/api/v1/users/${someone.id}`, { active: false }));
    assert.equal((await someone.api.get('/api/v1/me')).status, 401);
    assert.equal(
      (await new ApiClient(server.url, null).get('/api/v1/me', { cookie: someone.session.cookie })).status,
      401,
    );
  });

  test('stored password hashes are argon2id with m=19456, t=2, p=1', async () => {
    const hashes = await sql<{ hash: string }>`select password_hash as hash from user_credentials`.execute(db());
    assert.ok(hashes.rows.length >= 3);
    for (const { hash } of hashes.rows) {
      const [, type, version, parameters] = hash.split('$');
      assert.equal(type, 'argon2id');
      assert.equal(version, 'v=19');
      assert.deepEqual(Object.fromEntries(parameters!.split(',').map((p) => p.split('='))), {
        m: '19456',
        t: '2',
        p: '1',
      });
    }
  });
});

describe('login rate limit', () => {
  test('past the per-address limit a login is refused with 429 and Retry-After, even with the right password', async () => {
    const limited = await startTestServer({ loginRateLimitPerMinute: 4 });
    try {
      const anonymous = new ApiClient(limited.url, null);
      // The test server's own start-up login was the first of the minute.
      for (let i = 0; i < 3; i++) {
        assert.equal(
          (await anonymous.post('/api/v1/auth/login', { email: 'x@peyvand.test', password: 'wrong-one' })).status,
          401,
        );
      }
      const refused = await anonymous.post('/api/v1/auth/login', {
        email: 'admin@peyvand.test',
        password: 'Test-admin-1403',
      });
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
    } finally {
      await limited.stop();
    }
  });
});
