import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { assertProblem, fieldsOf, logIn, uniqueEmail } from './support/auth-helpers.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let admin: ApiClient;
let anonymous: ApiClient;
let adminId: string;

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  anonymous = new ApiClient(server.url, null);
  adminId = (await admin.get('/api/v1/me')).body.id;
});
after(() => server.stop());

interface TestUser {
  id: string;
  email: string;
  password: string;
}

async function createUser(role: 'admin' | 'user' = 'user', api = admin): Promise<TestUser> {
  const email = uniqueEmail(role);
  const password = 'Strong-pass-1403';
  const created = await api.post('/api/v1/users', { email, password, firstName: 'کاربر', lastName: 'آزمایشی', role });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { id: created.body.id, email, password };
}

/** A Bearer client acting as this user, its token made through their own session. */
async function clientFor(user: TestUser): Promise<ApiClient> {
  const session = await logIn(server.url, user.email, user.password);
  const token = await anonymous.post('/api/v1/auth/tokens', { name: 'test' }, { cookie: session.cookie, csrf: session.csrf });
  assert.equal(token.status, 201);
  return new ApiClient(server.url, token.body.token);
}

const sorted = (ids: string[]) => [...ids].sort();

describe('users', () => {
  test('an admin creates a user: 201 without the password, and the new user can log in', async () => {
    const email = uniqueEmail('new');
    const created = await admin.post('/api/v1/users', {
      email,
      password: 'Nima-pass-1403',
      firstName: 'نیما',
      lastName: 'یوشیج',
      role: 'user',
    });
    assert.equal(created.status, 201);
    assert.ok(!('password' in created.body), 'no password in the response');
    assert.ok(!JSON.stringify(created.body).includes('Nima-pass-1403'));
    assert.equal(created.body.email, email);
    assert.equal(created.body.firstName, 'نیما');
    assert.equal(created.body.role, 'user');
    assert.equal(created.body.active, true, 'new users are active');
    assert.match(created.body.number, /^USR-\d+$/);
    assert.equal(created.headers.get('location'), `/api/v1/users/${created.body.id}`);

    const session = await logIn(server.url, email, 'Nima-pass-1403');
    assert.equal(session.user.id, created.body.id);
    const fetched = await admin.get(`/api/v1/users/${created.body.id}`);
    assert.equal(fetched.status, 200);
    assert.ok(!('password' in fetched.body));
  });

  test('an e-mail is stored lower-cased and taken only once, whatever its case (409 naming email)', async () => {
    const email = uniqueEmail('dup');
    const first = await admin.post('/api/v1/users', { email: email.toUpperCase(), password: 'Strong-pass-1403', firstName: 'الف', lastName: 'ب' });
    assert.equal(first.status, 201);
    assert.equal(first.body.email, email);

    const again = await admin.post('/api/v1/users', { email: ` ${email.replace(/^./, (c) => c.toUpperCase())}`, password: 'Strong-pass-1403', firstName: 'ج', lastName: 'د' });
    assertProblem(again, 409);
    assert.deepEqual(fieldsOf(again.body), ['email']);
    assert.equal(again.body.errors[0].code, 'duplicate_value');

    const other = await createUser();
    const taken = await admin.patch(`/api/v1/users/${other.id}`, { email: email.toUpperCase() });
    assertProblem(taken, 409);
    assert.deepEqual(fieldsOf(taken.body), ['email']);
    assert.equal((await admin.get(`/api/v1/users/${other.id}`)).body.email, other.email, 'nothing changed');
  });

  test('creating a user without a password, or with bad values, is a 400 naming each field', async () => {
    const noPassword = await admin.post('/api/v1/users', { email: uniqueEmail(), firstName: 'بی', lastName: 'رمز' });
    assertProblem(noPassword, 400);
    assert.deepEqual(fieldsOf(noPassword.body), ['password']);
    assert.equal(noPassword.body.errors[0].code, 'required');

    const shortPassword = await admin.post('/api/v1/users', { email: uniqueEmail(), password: 'short', firstName: 'الف', lastName: 'ب' });
    assertProblem(shortPassword, 400);
    assert.deepEqual(fieldsOf(shortPassword.body), ['password']);

    const badEmail = await admin.post('/api/v1/users', { email: 'not-an-email', password: 'Strong-pass-1403', firstName: 'الف', lastName: 'ب' });
    assertProblem(badEmail, 400);
    assert.deepEqual(fieldsOf(badEmail.body), ['email']);

    const badRole = await admin.post('/api/v1/users', { email: uniqueEmail(), password: 'Strong-pass-1403', firstName: 'الف', lastName: 'ب', role: 'root' });
    assertProblem(badRole, 400);
    assert.deepEqual(fieldsOf(badRole.body), ['role']);

    const noName = await admin.post('/api/v1/users', { email: uniqueEmail(), password: 'Strong-pass-1403' });
    assertProblem(noName, 400);
    assert.deepEqual(sorted(fieldsOf(noName.body)), ['firstName', 'lastName']);
  });

  test('a plain user reads users and creates contacts, but gets 403 for admin work, which changes nothing', async () => {
    const plainUser = await createUser();
    const other = await createUser();
    const plain = await clientFor(plainUser);

    assert.equal((await plain.get('/api/v1/users')).status, 200);
    assert.equal((await plain.get(`/api/v1/users/${other.id}`)).status, 200);
    assert.equal((await plain.get('/api/v1/groups')).status, 200);
    assert.equal((await plain.get('/api/v1/metadata/modules')).status, 200);
    const contact = await plain.post('/api/v1/contacts', { firstName: 'مشتری' });
    assert.equal(contact.status, 201);
    assert.equal(contact.body.ownerId, plainUser.id);

    const group = await admin.post('/api/v1/groups', { name: `گروه ${uniqueEmail()}` });
    assert.equal(group.status, 201);
    const refused: [string, string, unknown?][] = [
      ['POST', '/api/v1/users', { email: uniqueEmail(), password: 'Strong-pass-1403', firstName: 'الف', lastName: 'ب' }],
      ['PATCH', `/api/v1/users/${plainUser.id}`, { role: 'admin' }],
      ['PATCH', `/api/v1/users/${other.id}`, { role: 'admin' }],
      ['PATCH', `/api/v1/users/${other.id}`, { firstName: 'دیگر' }],
      ['PATCH', `/api/v1/users/${other.id}`, { active: false }],
      ['DELETE', `/api/v1/users/${other.id}`],
      ['POST', '/api/v1/groups', { name: 'گروه من' }],
      ['PATCH', `/api/v1/groups/${group.body.id}`, { memberIds: [plainUser.id] }],
      ['DELETE', `/api/v1/groups/${group.body.id}`],
      ['POST', '/api/v1/metadata/modules/contacts/fields', { name: 'favouriteColour', type: 'text', label: { fa: 'رنگ' } }],
      ['PATCH', '/api/v1/metadata/modules/contacts/fields/firstName', { label: { fa: 'اسم' } }],
    ];
    for (const [method, path, body] of refused) {
      assertProblem(await plain.request(method, path, body), 403, `${method} ${path}`);
    }

    assert.equal((await plain.delete(`/api/v1/contacts/${contact.body.id}`)).status, 200, 'a user moves their record to the recycle bin');
    assertProblem(await plain.delete(`/api/v1/recycle-bin/contacts/${contact.body.id}`), 403, 'but only an admin purges it');

    const me = await admin.get(`/api/v1/users/${plainUser.id}`);
    assert.equal(me.body.role, 'user');
    const otherNow = await admin.get(`/api/v1/users/${other.id}`);
    assert.equal(otherNow.body.firstName, 'کاربر');
    assert.equal(otherNow.body.role, 'user');
    assert.equal(otherNow.body.active, true);
    assert.deepEqual((await admin.get(`/api/v1/groups/${group.body.id}`)).body.memberIds, []);
    const fields = await admin.get('/api/v1/metadata/modules/contacts/fields');
    assert.ok(!fields.body.data.some((f: { name: string }) => f.name === 'favouriteColour'));
    assert.equal(fields.body.data.find((f: { name: string }) => f.name === 'firstName').label.fa, 'نام');
    const bin = await admin.get('/api/v1/recycle-bin?module=contacts');
    assert.ok(bin.body.data.some((r: { id: string }) => r.id === contact.body.id), 'the record is still in the recycle bin');

    assert.equal((await admin.delete(`/api/v1/recycle-bin/contacts/${contact.body.id}`)).status, 204);
    const purged = await admin.get('/api/v1/recycle-bin?module=contacts');
    assert.ok(!purged.body.data.some((r: { id: string }) => r.id === contact.body.id));
  });

  test('deactivating a user ends their sessions and API tokens at once', async () => {
    const user = await createUser();
    const session = await logIn(server.url, user.email, user.password);
    const token = await anonymous.post('/api/v1/auth/tokens', { name: 'script' }, { cookie: session.cookie, csrf: session.csrf });
    const viaToken = new ApiClient(server.url, token.body.token);
    assert.equal((await viaToken.get('/api/v1/me')).status, 200);
    assert.equal((await anonymous.get('/api/v1/me', { cookie: session.cookie })).status, 200);

    const deactivated = await admin.patch(`/api/v1/users/${user.id}`, { active: false });
    assert.equal(deactivated.status, 200);
    assert.equal(deactivated.body.active, false);
    assertProblem(await viaToken.get('/api/v1/me'), 401);
    assertProblem(await anonymous.get('/api/v1/me', { cookie: session.cookie }), 401);
    assertProblem(await anonymous.post('/api/v1/auth/login', { email: user.email, password: user.password }), 401);

    // Switching the account back on lets them log in again, but what was ended stays ended.
    assert.equal((await admin.patch(`/api/v1/users/${user.id}`, { active: true })).status, 200);
    assertProblem(await viaToken.get('/api/v1/me'), 401);
    assertProblem(await anonymous.get('/api/v1/me', { cookie: session.cookie }), 401);
    await logIn(server.url, user.email, user.password);
  });

  test('deleting a user, or an admin setting a new password, ends their sessions', async () => {
    const user = await createUser();
    const first = await logIn(server.url, user.email, user.password);
    assert.equal((await admin.patch(`/api/v1/users/${user.id}`, { password: 'Brand-new-pass-1403' })).status, 200);
    assertProblem(await anonymous.get('/api/v1/me', { cookie: first.cookie }), 401);
    assertProblem(await anonymous.post('/api/v1/auth/login', { email: user.email, password: user.password }), 401);

    const second = await logIn(server.url, user.email, 'Brand-new-pass-1403');
    const viaToken = await clientFor({ ...user, password: 'Brand-new-pass-1403' });
    assert.equal((await admin.delete(`/api/v1/users/${user.id}`)).status, 200);
    assertProblem(await anonymous.get('/api/v1/me', { cookie: second.cookie }), 401);
    assertProblem(await viaToken.get('/api/v1/me'), 401);
    assertProblem(await anonymous.post('/api/v1/auth/login', { email: user.email, password: 'Brand-new-pass-1403' }), 401);
  });

  test('the last active admin cannot be demoted, deactivated or deleted (409 last_admin); nothing changes', async () => {
    const activeAdmins = await admin.post('/api/v1/users/query', {
      filter: { and: [{ field: 'role', op: 'eq', value: 'admin' }, { field: 'active', op: 'eq', value: true }] },
    });
    assert.deepEqual(activeAdmins.body.data.map((u: { id: string }) => u.id), [adminId], 'the first admin is the only active one');
    // An inactive admin does not count.
    await admin.post('/api/v1/users', { email: uniqueEmail('dormant'), password: 'Strong-pass-1403', firstName: 'الف', lastName: 'ب', role: 'admin', active: false });

    for (const [method, body] of [
      ['PATCH', { role: 'user' }],
      ['PATCH', { active: false }],
      ['PATCH', { role: 'user', active: false }],
      ['DELETE', undefined],
    ] as const) {
      const response = await admin.request(method, `/api/v1/users/${adminId}`, body);
      assertProblem(response, 409, `${method} ${JSON.stringify(body)}`);
      assert.deepEqual(response.body.errors.map((e: { code: string }) => e.code), ['last_admin']);
    }
    const self = await admin.get(`/api/v1/users/${adminId}`);
    assert.equal(self.status, 200);
    assert.equal(self.body.role, 'admin');
    assert.equal(self.body.active, true);
    assert.equal((await admin.get('/api/v1/me')).status, 200, 'the admin’s token still works');

    // With a second admin, either may step down, and then the other is the last one.
    const second = await createUser('admin');
    const secondClient = await clientFor(second);
    const demoted = await admin.patch(`/api/v1/users/${second.id}`, { role: 'user' });
    assert.equal(demoted.status, 200);
    assert.equal(demoted.body.role, 'user');
    assertProblem(await admin.patch(`/api/v1/users/${adminId}`, { role: 'user' }), 409);
    assert.equal((await admin.patch(`/api/v1/users/${second.id}`, { role: 'admin' })).status, 200);
    assert.equal((await secondClient.delete(`/api/v1/users/${second.id}`)).status, 200, 'an admin may delete themself while another remains');
    assertProblem(await admin.delete(`/api/v1/users/${adminId}`), 409);
  });

  test('two admins demoting each other at the same moment cannot leave the workspace without an admin', async () => {
    const own = await startTestServer();
    try {
      const first = new ApiClient(own.url, own.adminToken);
      const firstId = (await first.get('/api/v1/me')).body.id as string;
      const created = await first.post('/api/v1/users', { email: 'second-admin@peyvand.test', password: 'Second-pass-1403', firstName: 'دوم', lastName: 'مدیر', role: 'admin' });
      assert.equal(created.status, 201);
      const secondId = created.body.id as string;
      const session = await logIn(own.url, 'second-admin@peyvand.test', 'Second-pass-1403');
      const token = await new ApiClient(own.url, null).post('/api/v1/auth/tokens', { name: 'x' }, { cookie: session.cookie, csrf: session.csrf });
      const second = new ApiClient(own.url, token.body.token);

      for (let round = 0; round < 10; round++) {
        const [a, b] = await Promise.all([
          first.patch(`/api/v1/users/${secondId}`, { role: 'user' }),
          second.patch(`/api/v1/users/${firstId}`, { role: 'user' }),
        ]);
        const admins = (await own.server.ctx.database.db
          .selectFrom('records')
          .select('id')
          .where('module', '=', 'users')
          .where('deleted_at', 'is', null)
          .where((eb) => eb(eb.ref('data', '->>').key('role'), '=', 'admin'))
          .execute()).length;
        assert.ok(admins >= 1, `round ${round + 1}: statuses ${a.status} and ${b.status} left ${admins} admins`);
        // The later one is refused: 409 last_admin, or 403 if its sender had already lost the role.
        assert.deepEqual([a.status, b.status].filter((s) => s === 200), [200], `round ${round + 1}: ${a.status} and ${b.status}`);
        for (const response of [a, b]) if (response.status !== 200) assert.ok([403, 409].includes(response.status));
        // Put the demoted one back for the next round.
        const [winner, loserId] = a.status === 200 ? [first, secondId] : [second, firstId];
        assert.equal((await winner.patch(`/api/v1/users/${loserId}`, { role: 'admin' })).status, 200);
      }
    } finally {
      await own.stop();
    }
  });
});

describe('groups', () => {
  test('a group is created with members: memberIds is echoed and each user’s groupIds shows it', async () => {
    const [a, b] = [await createUser(), await createUser()];
    const created = await admin.post('/api/v1/groups', { name: 'فروش تهران', description: 'تیم فروش', memberIds: [a.id, b.id] });
    assert.equal(created.status, 201);
    assert.equal(created.body.name, 'فروش تهران');
    assert.match(created.body.number, /^GRP-\d+$/);
    assert.deepEqual(sorted(created.body.memberIds), sorted([a.id, b.id]));

    for (const user of [a, b]) {
      assert.deepEqual((await admin.get(`/api/v1/users/${user.id}`)).body.groupIds, [created.body.id]);
    }
    assert.deepEqual(sorted((await admin.get(`/api/v1/groups/${created.body.id}`)).body.memberIds), sorted([a.id, b.id]));
    const listed = await admin.get('/api/v1/groups?limit=200');
    assert.deepEqual(sorted(listed.body.data.find((g: { id: string }) => g.id === created.body.id).memberIds), sorted([a.id, b.id]));

    const members = await admin.get(`/api/v1/groups/${created.body.id}/related/members`);
    assert.equal(members.status, 200);
    assert.deepEqual(sorted(members.body.data.map((u: { id: string }) => u.id)), sorted([a.id, b.id]));
    assert.ok(!JSON.stringify(members.body).includes('password'));
  });

  test('joining or leaving a group shows in the user’s history, like any other change of groupIds', async () => {
    const user = await createUser();
    const group = await admin.post('/api/v1/groups', { name: 'حسابرسی', memberIds: [user.id] });
    assert.equal(group.status, 201);
    const joined = await admin.get(`/api/v1/users/${user.id}`);
    const history = await admin.get(`/api/v1/users/${user.id}/history`);
    assert.equal(history.status, 200);
    const latest = history.body.data[0];
    assert.equal(latest.version, joined.body.version, 'the history has an entry for the user’s current version');
    assert.deepEqual(latest.changes.find((c: { field: string }) => c.field === 'groupIds'), { field: 'groupIds', from: null, to: [group.body.id] });

    assert.equal((await admin.patch(`/api/v1/groups/${group.body.id}`, { memberIds: [] })).status, 200);
    const left = await admin.get(`/api/v1/users/${user.id}/history`);
    assert.equal(left.body.data[0].version, (await admin.get(`/api/v1/users/${user.id}`)).body.version);
    assert.ok(left.body.data[0].changes.some((c: { field: string }) => c.field === 'groupIds'));
  });

  test('PATCH memberIds replaces the membership', async () => {
    const [a, b, c] = [await createUser(), await createUser(), await createUser()];
    const group = await admin.post('/api/v1/groups', { name: 'پشتیبانی', memberIds: [a.id, b.id] });
    assert.equal(group.status, 201);

    const changed = await admin.patch(`/api/v1/groups/${group.body.id}`, { memberIds: [b.id, c.id] });
    assert.equal(changed.status, 200);
    assert.deepEqual(sorted(changed.body.memberIds), sorted([b.id, c.id]));
    assert.deepEqual((await admin.get(`/api/v1/users/${a.id}`)).body.groupIds, []);
    assert.deepEqual((await admin.get(`/api/v1/users/${b.id}`)).body.groupIds, [group.body.id]);
    assert.deepEqual((await admin.get(`/api/v1/users/${c.id}`)).body.groupIds, [group.body.id]);
    const members = await admin.get(`/api/v1/groups/${group.body.id}/related/members`);
    assert.deepEqual(sorted(members.body.data.map((u: { id: string }) => u.id)), sorted([b.id, c.id]));

    const renamed = await admin.patch(`/api/v1/groups/${group.body.id}`, { name: 'پشتیبانی فنی' });
    assert.equal(renamed.status, 200);
    assert.deepEqual(sorted(renamed.body.memberIds), sorted([b.id, c.id]), 'a PATCH without memberIds keeps the members');

    const emptied = await admin.patch(`/api/v1/groups/${group.body.id}`, { memberIds: [] });
    assert.equal(emptied.status, 200);
    assert.deepEqual(emptied.body.memberIds, []);
    assert.deepEqual((await admin.get(`/api/v1/groups/${group.body.id}/related/members`)).body.data, []);
    assert.deepEqual((await admin.get(`/api/v1/users/${b.id}`)).body.groupIds, []);
  });

  test('a user belongs to many groups, seen from both sides', async () => {
    const user = await createUser();
    const other = await createUser();
    const groups: string[] = [];
    for (const name of ['مالی', 'بازاریابی', 'مدیریت']) {
      const group = await admin.post('/api/v1/groups', { name: `${name} ${groups.length}`, memberIds: [user.id, other.id] });
      assert.equal(group.status, 201);
      groups.push(group.body.id);
    }
    assert.deepEqual(sorted((await admin.get(`/api/v1/users/${user.id}`)).body.groupIds), sorted(groups));
    for (const id of groups) {
      assert.deepEqual(sorted((await admin.get(`/api/v1/groups/${id}`)).body.memberIds), sorted([user.id, other.id]));
    }

    // Leaving one group keeps the others.
    assert.equal((await admin.patch(`/api/v1/groups/${groups[1]}`, { memberIds: [other.id] })).status, 200);
    assert.deepEqual(sorted((await admin.get(`/api/v1/users/${user.id}`)).body.groupIds), sorted([groups[0]!, groups[2]!]));
    assert.deepEqual(sorted((await admin.get(`/api/v1/users/${other.id}`)).body.groupIds), sorted(groups));

    // Membership set from the user's side shows on the groups.
    const moved = await admin.patch(`/api/v1/users/${user.id}`, { groupIds: [groups[1]!] });
    assert.equal(moved.status, 200);
    assert.deepEqual(moved.body.groupIds, [groups[1]]);
    assert.deepEqual(sorted((await admin.get(`/api/v1/groups/${groups[0]}`)).body.memberIds), [other.id]);
    assert.deepEqual(sorted((await admin.get(`/api/v1/groups/${groups[1]}`)).body.memberIds), sorted([user.id, other.id]));
    const related = await admin.get(`/api/v1/groups/${groups[2]}/related/members`);
    assert.deepEqual(related.body.data.map((u: { id: string }) => u.id), [other.id]);
  });

  test('members must be existing users and group names are unique (4xx naming the field, nothing written)', async () => {
    const user = await createUser();
    const missing = '0190a8b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b';
    const groupsBefore = (await admin.get('/api/v1/groups?limit=200')).body.data.length;
    const unknownMember = await admin.post('/api/v1/groups', { name: 'ناموجود', memberIds: [user.id, missing] });
    assertProblem(unknownMember, 400);
    assert.ok(fieldsOf(unknownMember.body).every((f) => f.startsWith('memberIds')), JSON.stringify(unknownMember.body));
    assert.equal(unknownMember.body.errors[0].code, 'reference_not_found');
    const badId = await admin.post('/api/v1/groups', { name: 'ناموجود', memberIds: ['not-a-uuid'] });
    assertProblem(badId, 400);
    assert.ok(fieldsOf(badId.body).every((f) => f.startsWith('memberIds')));
    assert.equal((await admin.get('/api/v1/groups?limit=200')).body.data.length, groupsBefore);
    assert.deepEqual((await admin.get(`/api/v1/users/${user.id}`)).body.groupIds, []);

    assert.equal((await admin.post('/api/v1/groups', { name: 'یکتا' })).status, 201);
    const duplicate = await admin.post('/api/v1/groups', { name: 'یکتا' });
    assertProblem(duplicate, 409);
    assert.deepEqual(fieldsOf(duplicate.body), ['name']);
  });
});

test('the admin credentials of the test server still work at the end', async () => {
  await logIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
});
