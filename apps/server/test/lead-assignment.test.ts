import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type RunningServer, startServer } from '../src/server.js';
import { ApiClient } from './support/api-client.js';
import { testConfig, uniqueEmail, usingPostgres } from './support/auth-helpers.js';
import { expectProblem, missingId, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;
let adminId: string;
/** Three sellers in id order, which is the order they take turns in. */
let sellers: string[];
let team: { id: string };

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  adminId = ok(await api.get('/api/v1/me')).id;
  const created = [];
  for (const name of ['نرگس', 'بهرام', 'کاوه']) {
    const user = { email: uniqueEmail('seller'), password: 'Seller-pass-1403', firstName: name, lastName: 'فروشنده' };
    created.push(ok(await api.post('/api/v1/users', user), 201).id as string);
  }
  sellers = created.sort();
  team = ok(await api.post('/api/v1/groups', { name: 'کارشناسان فروش', memberIds: sellers }), 201);
});
after(() => server.stop());

const rule = async () => ok(await api.get('/api/v1/leads/assignment-rule'));
const createLead = async (body: Record<string, unknown> = {}, client = api) =>
  ok(await client.post('/api/v1/leads', { lastName: 'سرنخ', company: 'شرکت نمونه', ...body }), 201);

/** The owners of `count` leads created one after the other. */
async function ownersOfNext(count: number): Promise<string[]> {
  const owners = [];
  for (let i = 0; i < count; i++) owners.push((await createLead()).ownerId);
  return owners;
}

describe('the round-robin rule', () => {
  test('there is none at first: new leads are their creator’s', async () => {
    assert.deepEqual(await rule(), {
      enabled: false,
      groupId: null,
      members: [],
      nextUserId: null,
      updatedAt: null,
      updatedBy: null,
    });
    assert.equal((await createLead()).ownerId, adminId);
  });

  test('only an admin sets it, for a group that exists', async () => {
    const seller = await plainUserClient(server.url, api);
    expectProblem(await seller.api.put('/api/v1/leads/assignment-rule', { groupId: team.id, enabled: true }), 403);
    ok(await seller.api.get('/api/v1/leads/assignment-rule'));
    expectProblem(await api.put('/api/v1/leads/assignment-rule', { enabled: true }), 400, {
      field: 'groupId',
      code: 'required',
    });
    expectProblem(await api.put('/api/v1/leads/assignment-rule', { groupId: missingId(), enabled: true }), 400, {
      field: 'groupId',
      code: 'reference_not_found',
    });
    expectProblem(await api.put('/api/v1/leads/assignment-rule', { groupId: team.id, enabled: 'yes' }), 400, {
      field: 'enabled',
    });
  });

  test('enabled, it names the group, its active members in turn order and whose turn is next', async () => {
    const enabled = ok(await api.put('/api/v1/leads/assignment-rule', { groupId: team.id, enabled: true }));
    assert.equal(enabled.enabled, true);
    assert.equal(enabled.groupId, team.id);
    assert.deepEqual(enabled.members, sellers);
    assert.equal(enabled.nextUserId, sellers[0]);
    assert.equal(enabled.updatedBy, adminId);
    assert.deepEqual(await rule(), enabled);
  });
});

describe('handing out new leads', () => {
  before(async () => {
    ok(await api.put('/api/v1/leads/assignment-rule', { groupId: team.id, enabled: true }));
  });

  test('leads without an owner go to the members in turn, round and round', async () => {
    const start = sellers.indexOf((await rule()).nextUserId);
    const owners = await ownersOfNext(6);
    assert.deepEqual(
      owners,
      Array.from({ length: 6 }, (_, i) => sellers[(start + i) % 3]),
    );
  });

  test('a lead given an owner, or one that fails validation, takes no turn', async () => {
    const next = (await rule()).nextUserId;
    assert.equal((await createLead({ ownerId: adminId })).ownerId, adminId);
    assert.equal((await createLead({ ownerGroupId: team.id })).ownerGroupId, team.id);
    expectProblem(await api.post('/api/v1/leads', { title: 'بی‌نام' }), 400, { code: 'required_one_of' });
    assert.equal((await rule()).nextUserId, next);
    assert.equal((await createLead()).ownerId, next);
  });

  test('an inactive member is skipped until they are active again', async () => {
    const [first, second, third] = sellers as [string, string, string];
    ok(await api.patch(`/api/v1/users/${second}`, { active: false }));
    try {
      assert.deepEqual((await rule()).members, [first, third]);
      const owners = await ownersOfNext(4);
      assert.ok(!owners.includes(second), 'the inactive member gets none');
      assert.equal(owners.filter((o) => o === first).length, 2);
      assert.equal(owners.filter((o) => o === third).length, 2);
    } finally {
      ok(await api.patch(`/api/v1/users/${second}`, { active: true }));
    }
    assert.deepEqual((await rule()).members, sellers);
  });

  test('a group with no active member keeps its leads itself', async () => {
    const empty = ok(await api.post('/api/v1/groups', { name: 'گروه خالی' }), 201);
    ok(await api.put('/api/v1/leads/assignment-rule', { groupId: empty.id, enabled: true }));
    try {
      const lead = await createLead();
      assert.equal(lead.ownerId, null);
      assert.equal(lead.ownerGroupId, empty.id);
    } finally {
      ok(await api.put('/api/v1/leads/assignment-rule', { groupId: team.id, enabled: true }));
    }
  });

  test('disabled, new leads are their creator’s again; enabled again, turns go on from the same group', async () => {
    ok(await api.put('/api/v1/leads/assignment-rule', { enabled: false }));
    assert.equal((await rule()).nextUserId, null);
    assert.equal((await createLead()).ownerId, adminId);
    const again = ok(await api.put('/api/v1/leads/assignment-rule', { enabled: true }));
    assert.equal(again.groupId, team.id);
    assert.ok(sellers.includes((await createLead()).ownerId));
  });

  test('a deleted group hands out nothing until it is restored', async () => {
    ok(await api.delete(`/api/v1/groups/${team.id}`));
    try {
      const current = await rule();
      assert.equal(current.enabled, false);
      assert.equal(current.nextUserId, null);
      assert.equal((await createLead()).ownerId, adminId);
    } finally {
      ok(await api.post(`/api/v1/groups/${team.id}/restore`));
    }
    assert.equal((await rule()).enabled, true);
    assert.ok(sellers.includes((await createLead()).ownerId));
  });

  test('other modules are not handed out', async () => {
    const organization = ok(await api.post('/api/v1/organizations', { name: 'سازمان بی‌نوبت' }), 201);
    assert.equal(organization.ownerId, adminId);
  });
});

describe('leads from an import', () => {
  /** Uploads a CSV of leads through the import API and waits for the import to finish. */
  async function importLeads(lines: string[]) {
    const form = new FormData();
    form.set('module', 'leads');
    form.set('file', new Blob([lines.join('\r\n')]), 'leads.csv');
    const response = await fetch(`${server.url}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: form,
    });
    const started = (await response.json()) as { id: string };
    assert.equal(response.status, 202, JSON.stringify(started));
    for (let i = 0; i < 600; i++) {
      const state = ok(await api.get(`/api/v1/imports/${started.id}`));
      if (['completed', 'failed'].includes(state.status)) return state;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('import did not finish');
  }

  /** The imported leads of `company`, in file order (their numbers are taken row after row). */
  async function importedLeads(company: string): Promise<{ lastName: string; ownerId: string | null }[]> {
    const { data } = ok(
      await api.post('/api/v1/leads/query', {
        filter: { field: 'company', op: 'eq', value: company },
        limit: 200,
      }),
    );
    return data.sort(
      (a: { number: string }, b: { number: string }) => Number(a.number.slice(5)) - Number(b.number.slice(5)),
    );
  }

  const emailOf = async (id: string) => ok(await api.get(`/api/v1/users/${id}`)).email as string;

  before(async () => {
    ok(await api.put('/api/v1/leads/assignment-rule', { groupId: team.id, enabled: true }));
  });

  test('30 imported leads without an owner go to the three members in strict turn, 10 each', async () => {
    const start = sellers.indexOf((await rule()).nextUserId);
    const rows = Array.from({ length: 30 }, (_, i) => `وارداتی ${i},شرکت واردات نوبتی`);
    const state = await importLeads(['نام خانوادگی,شرکت', ...rows]);
    assert.deepEqual([state.status, state.imported, state.failed], ['completed', 30, 0]);

    const leads = await importedLeads('شرکت واردات نوبتی');
    assert.deepEqual(
      leads.map((l) => l.lastName),
      Array.from({ length: 30 }, (_, i) => `وارداتی ${i}`),
    );
    assert.deepEqual(
      leads.map((l) => l.ownerId),
      Array.from({ length: 30 }, (_, i) => sellers[(start + i) % 3]),
      'row after row, each member in turn',
    );
    for (const seller of sellers) assert.equal(leads.filter((l) => l.ownerId === seller).length, 10);
    assert.equal((await rule()).nextUserId, sellers[start], 'ten full rounds: the turn is back where it began');
  });

  test('imported rows naming an owner keep that owner and take no turn; rows that fail take none either', async () => {
    const start = sellers.indexOf((await rule()).nextUserId);
    const [admin, chosen] = [await emailOf(adminId), await emailOf(sellers[(start + 1) % 3]!)];
    const state = await importLeads([
      'Last Name,Company,Title,Owner',
      'بی‌مسئول ۱,شرکت واردات با مسئول,,',
      `با مسئول ۱,شرکت واردات با مسئول,,${admin}`,
      'بی‌مسئول ۲,شرکت واردات با مسئول,,',
      ',,مدیر خرید,', // neither a name nor a company: refused
      `با مسئول ۲,شرکت واردات با مسئول,,${chosen}`,
      `با مسئول ۳,شرکت واردات با مسئول,,${chosen}`,
      'بی‌مسئول ۳,شرکت واردات با مسئول,,',
      `,,مدیر فروش,${admin}`, // refused too, owner or not
      'بی‌مسئول ۴,شرکت واردات با مسئول,,',
    ]);
    assert.deepEqual([state.status, state.imported, state.failed], ['completed', 7, 2]);

    const owners = Object.fromEntries(
      (await importedLeads('شرکت واردات با مسئول')).map((l) => [l.lastName, l.ownerId]),
    );
    const turn = (i: number) => sellers[(start + i) % 3];
    assert.deepEqual(owners, {
      'بی‌مسئول ۱': turn(0),
      'با مسئول ۱': adminId,
      'بی‌مسئول ۲': turn(1),
      'با مسئول ۲': turn(1),
      'با مسئول ۳': turn(1),
      'بی‌مسئول ۳': turn(2),
      'بی‌مسئول ۴': turn(3),
    });
    assert.equal((await rule()).nextUserId, turn(4), 'four turns taken, for the four rows without an owner');
  });
});

describe('300 leads from many clients at once', () => {
  let second: RunningServer | undefined;

  before(async () => {
    // On PostgreSQL a second app server shares the database, as behind a load balancer.
    if (usingPostgres()) second = await startServer(testConfig({ databaseUrl: server.server.ctx.config.databaseUrl }));
    ok(await api.put('/api/v1/leads/assignment-rule', { groupId: team.id, enabled: true }));
  });
  after(() => second?.stop());

  test('each of the three members gets exactly 100, none lost, none doubled, in strict turn', async () => {
    const start = sellers.indexOf((await rule()).nextUserId);
    const clients = [api, ...(second ? [new ApiClient(second.url, server.adminToken)] : [])];
    let issued = 0;
    const created: { id: string; number: string; ownerId: string }[] = [];
    const worker = async (client: ApiClient) => {
      while (issued < 300) {
        issued++;
        created.push(await createLead({ lastName: `هم‌زمان ${issued}` }, client));
      }
    };
    await Promise.all(Array.from({ length: 24 }, (_, i) => worker(clients[i % clients.length]!)));

    assert.equal(created.length, 300);
    assert.equal(new Set(created.map((l) => l.id)).size, 300, 'no lead doubled');
    const perOwner = new Map<string, number>();
    for (const lead of created) perOwner.set(lead.ownerId, (perOwner.get(lead.ownerId) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(perOwner), Object.fromEntries(sellers.map((id) => [id, 100])));

    const stored = await server.server.ctx.database.db
      .selectFrom('records')
      .select(['owner_id', (eb) => eb.fn.countAll<number>().as('leads')])
      .where('module', '=', 'leads')
      .where(
        'id',
        'in',
        created.map((l) => l.id),
      )
      .groupBy('owner_id')
      .execute();
    assert.deepEqual(
      Object.fromEntries(stored.map((r) => [r.owner_id, Number(r.leads)])),
      Object.fromEntries(sellers.map((id) => [id, 100])),
      'the database agrees: none lost',
    );

    // A turn is taken under the same lock as the lead's number, so by number the owners cycle.
    const byNumber = [...created].sort((a, b) => Number(a.number.slice(5)) - Number(b.number.slice(5)));
    byNumber.forEach((lead, i) => assert.equal(lead.ownerId, sellers[(start + i) % 3], `lead ${lead.number}`));
  });
});
