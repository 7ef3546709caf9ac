import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tehran } from './support/activity-helpers.js';
import { ApiClient } from './support/api-client.js';
import { expectProblem, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

type Rec = Record<string, any> & { id: string; version: number };

let server: TestServer;
let admin: ApiClient;
let ali: { id: string; api: ApiClient };

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  ali = await plainUserClient(server.url, admin);
  ok(
    await admin.post('/api/v1/metadata/modules/organizations/fields', {
      name: 'accountManager',
      type: 'reference',
      target: 'contacts',
      label: { fa: 'مدیر حساب', en: 'Account manager' },
    }),
    201,
  );
});
after(() => server.stop());

const get = async (module: string, id: string): Promise<Rec> => ok(await admin.get(`/api/v1/${module}/${id}`));
const versions = (...records: Rec[]) => Object.fromEntries(records.map((r) => [r.id, r.version]));

/** Three contacts for one person, each with what hangs on it. */
async function threeDuplicates() {
  const [a, b, c] = [
    { firstName: 'مریم', lastName: 'رضایی', title: 'مدیر فروش' },
    { firstName: 'مریم', lastName: 'رضائی', emails: [{ kind: 'work', address: 'maryam@example.ir' }] },
    { firstName: 'مريم', lastName: 'رضایی', phones: [{ kind: 'mobile', number: '09121234567' }], title: 'کارشناس' },
  ];
  const contacts: Rec[] = [];
  for (const body of [a, b, c]) contacts.push(ok(await ali.api.post('/api/v1/contacts', body), 201));
  const [x, y, z] = contacts as [Rec, Rec, Rec];
  const notes: Rec[] = [];
  for (const contact of contacts)
    notes.push(ok(await ali.api.post('/api/v1/notes', { body: `یادداشت ${contact.number}`, links: [{ module: 'contacts', id: contact.id }] }), 201));
  const both = ok(
    await ali.api.post('/api/v1/notes', {
      body: 'یادداشت دو نفره',
      links: [{ module: 'contacts', id: x.id }, { module: 'contacts', id: y.id }],
    }),
    201,
  );
  const call = ok(
    await ali.api.post('/api/v1/activities', {
      type: 'call',
      subject: 'تماس پیگیری',
      startsAt: tehran('2030-06-02', '11:00'),
      links: [{ module: 'contacts', id: z.id }],
    }),
    201,
  );
  const org = ok(await ali.api.post('/api/v1/organizations', { name: `شرکت ادغام ${z.number}`, custom: { accountManager: y.id } }), 201);
  const deal = ok(
    await ali.api.post('/api/v1/opportunities', { name: 'قرارداد', organizationId: org.id, contactId: z.id, expectedCloseDate: '1404/06/31' }),
    201,
  );
  return { x, y, z, notes, both, call, org, deal };
}

describe('merging records', () => {
  test('three duplicate contacts become one: picked values, every note, activity and reference on the survivor; undo restores exactly', async () => {
    const { x, y, z, notes, both, call, org, deal } = await threeDuplicates();
    const before = { x: await get('contacts', x.id), notes: await Promise.all(notes.map((n) => get('notes', n.id))) };
    const merged = ok(
      await ali.api.post('/api/v1/contacts/merge', {
        survivorId: x.id,
        mergedIds: [y.id, z.id],
        values: { emails: y.id, phones: z.id, title: z.id },
        versions: versions(x, y, z),
      }),
    );
    const survivor = merged.survivor;
    assert.equal(survivor.id, x.id);
    assert.equal(survivor.title, 'کارشناس');
    assert.deepEqual(survivor.emails, [{ kind: 'work', address: 'maryam@example.ir' }]);
    assert.equal(survivor.phones[0].number, '+989121234567');
    assert.deepEqual(await get('contacts', x.id), survivor, 'the API reads back what the merge answered');

    for (const gone of [y, z]) expectProblem(await admin.get(`/api/v1/contacts/${gone.id}`), 404);
    const bin = ok(await admin.get('/api/v1/recycle-bin?module=contacts&limit=200')).data.map((r: Rec) => r.id);
    assert.ok(bin.includes(y.id) && bin.includes(z.id));
    const oldHistory = ok(await admin.get(`/api/v1/contacts/${y.id}/history`)).data;
    assert.deepEqual(oldHistory.map((h: Rec) => h.action), ['deleted', 'created'], 'the merged record keeps its history');

    for (const note of notes) assert.deepEqual((await get('notes', note.id)).links, [{ module: 'contacts', id: x.id }]);
    assert.deepEqual((await get('notes', both.id)).links, [{ module: 'contacts', id: x.id }], 'linked once, not twice');
    assert.deepEqual((await get('activities', call.id)).links, [{ module: 'contacts', id: x.id }]);
    assert.equal((await get('opportunities', deal.id)).contactId, x.id);
    assert.equal((await get('organizations', org.id)).custom.accountManager, x.id, 'a custom reference moves too');
    const timeline = ok(await admin.get(`/api/v1/contacts/${x.id}/related/opportunities`)).data;
    assert.deepEqual(timeline.map((r: Rec) => r.id), [deal.id]);

    const history = ok(await admin.get(`/api/v1/contacts/${x.id}/history`)).data;
    assert.deepEqual(history[0].changes, [{ field: 'mergedRecords', from: null, to: [y.number, z.number] }]);

    const undone = ok(await ali.api.post(`/api/v1/contacts/merges/${merged.mergeId}/undo`));
    for (const field of ['title', 'emails', 'phones', 'firstName', 'lastName']) assert.deepEqual(undone[field], before.x[field], field);
    assert.equal((await get('contacts', y.id)).emails[0].address, 'maryam@example.ir');
    assert.equal((await get('contacts', z.id)).title, 'کارشناس');
    for (const [i, note] of notes.entries()) assert.deepEqual((await get('notes', note.id)).links, before.notes[i]!.links);
    assert.deepEqual((await get('notes', both.id)).links, both.links);
    assert.deepEqual((await get('activities', call.id)).links, [{ module: 'contacts', id: z.id }]);
    assert.equal((await get('opportunities', deal.id)).contactId, z.id);
    assert.equal((await get('organizations', org.id)).custom.accountManager, y.id);
    expectProblem(await ali.api.post(`/api/v1/contacts/merges/${merged.mergeId}/undo`), 404);
  });

  test('restoring a merged record from the recycle bin undoes its merge', async () => {
    const { x, y, z, notes } = await threeDuplicates();
    ok(
      await ali.api.post('/api/v1/contacts/merge', {
        survivorId: x.id,
        mergedIds: [y.id, z.id],
        values: { title: z.id },
        versions: versions(x, y, z),
      }),
    );
    const restored = ok(await ali.api.post(`/api/v1/contacts/${z.id}/restore`));
    assert.equal(restored.id, z.id);
    assert.equal((await get('contacts', y.id)).id, y.id, 'the other merged record comes back too');
    assert.equal((await get('contacts', x.id)).title, 'مدیر فروش');
    assert.deepEqual((await get('notes', notes[1]!.id)).links, [{ module: 'contacts', id: y.id }]);
  });

  test('a record changed since it was loaded is a 409 and nothing changes', async () => {
    const { x, y, z, notes } = await threeDuplicates();
    ok(await admin.patch(`/api/v1/contacts/${z.id}`, { title: 'تغییر همزمان' }));
    const stale = await ali.api.post('/api/v1/contacts/merge', {
      survivorId: x.id,
      mergedIds: [y.id, z.id],
      values: { title: z.id },
      versions: versions(x, y, z),
    });
    expectProblem(stale, 409, { field: 'version', code: 'version_conflict' });
    assert.equal((await get('contacts', y.id)).id, y.id);
    assert.deepEqual((await get('notes', notes[2]!.id)).links, [{ module: 'contacts', id: z.id }]);
    assert.equal((await get('contacts', x.id)).version, x.version);
  });

  test('people and companies are merged, not groups or users: there is no such route', async () => {
    const groups: Rec[] = [];
    for (const name of ['فروش شمال', 'فروش شمال ۲']) groups.push(ok(await admin.post('/api/v1/groups', { name }), 201));
    const res = await admin.post('/api/v1/groups/merge', {
      survivorId: groups[0]!.id,
      mergedIds: [groups[1]!.id],
      values: {},
      versions: versions(...groups),
    });
    expectProblem(res, 404);
    assert.equal((await get('groups', groups[1]!.id)).id, groups[1]!.id);
  });

  test('an unknown field or a record outside the merge is named', async () => {
    const { x, y, z } = await threeDuplicates();
    const res = await ali.api.post('/api/v1/contacts/merge', {
      survivorId: x.id,
      mergedIds: [y.id],
      values: { planet: y.id, title: z.id },
      versions: versions(x, y),
    });
    expectProblem(res, 400, { field: 'values.planet', code: 'unknown_field' });
  });
});
