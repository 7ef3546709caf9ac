import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSeedLead, tehran } from './support/activity-helpers.js';
import { ApiClient } from './support/api-client.js';
import { expectProblem, missingId, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let admin: ApiClient;
let lead: { id: string };
let expert: { id: string; api: ApiClient };

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  lead = await createSeedLead(admin);
  expert = await plainUserClient(server.url, admin);
});
after(() => server.stop());

describe('notes', () => {
  test('a note on the seed lead keeps its line breaks and links, and is numbered', async () => {
    const body = 'تماس گرفتم.\nدرخواست تماس مجدد فردا ساعت ۱۱ صبح.';
    const note = ok(await expert.api.post('/api/v1/notes', { body, links: [{ module: 'leads', id: lead.id }] }), 201);
    assert.equal(note.body, body);
    assert.deepEqual(note.links, [{ module: 'leads', id: lead.id }]);
    assert.match(note.number, /^NOTE-\d+$/);
    assert.equal(note.createdBy, expert.id);
  });

  test('links must name a module and a live record, and the error names the link', async () => {
    const missing = await admin.post(
      '/api/v1/notes',
      { body: 'x', links: [{ module: 'leads', id: missingId() }] },
      { language: 'en' },
    );
    expectProblem(missing, 400, { field: 'links.0.id', code: 'reference_not_found' });
    const unknown = await admin.post('/api/v1/notes', { body: 'x', links: [{ module: 'planets', id: lead.id }] });
    const error = expectProblem(unknown, 400, { field: 'links.0.module', code: 'unknown_module' });
    assert.match(error!.message, /ماژول/);
    expectProblem(await admin.post('/api/v1/notes', { links: [] }), 400, { field: 'body', code: 'required' });
  });

  test('only the author or an admin changes or deletes a note, and edits land in its history', async () => {
    const mine = ok(await admin.post('/api/v1/notes', { body: 'یادداشت مدیر' }), 201);
    expectProblem(await expert.api.patch(`/api/v1/notes/${mine.id}`, { body: 'دستکاری' }), 403);
    expectProblem(await expert.api.delete(`/api/v1/notes/${mine.id}`), 403);
    assert.equal(ok(await admin.get(`/api/v1/notes/${mine.id}`)).body, 'یادداشت مدیر');

    const theirs = ok(await expert.api.post('/api/v1/notes', { body: 'پیش‌نویس' }), 201);
    ok(await expert.api.patch(`/api/v1/notes/${theirs.id}`, { body: 'نسخه نهایی' }));
    ok(await admin.patch(`/api/v1/notes/${theirs.id}`, { body: 'ویرایش مدیر' }));
    const history = ok(await expert.api.get(`/api/v1/notes/${theirs.id}/history`));
    assert.deepEqual(
      history.data.map((h: any) => h.changes.find((c: any) => c.field === 'body')?.to),
      ['ویرایش مدیر', 'نسخه نهایی', 'پیش‌نویس'],
    );
    ok(await expert.api.delete(`/api/v1/notes/${theirs.id}`));
  });

  test('a colleague can neither change, delete nor restore a note; an admin can, and it stays its author’s', async () => {
    const colleague = await plainUserClient(server.url, admin);
    const note = ok(
      await expert.api.post('/api/v1/notes', {
        body: 'قیمت نهایی را فردا اعلام می‌کنم.',
        links: [{ module: 'leads', id: lead.id }],
      }),
      201,
    );
    expectProblem(await colleague.api.patch(`/api/v1/notes/${note.id}`, { body: 'قیمت را من اعلام می‌کنم.' }), 403);
    expectProblem(await colleague.api.delete(`/api/v1/notes/${note.id}`), 403);
    const untouched = ok(await colleague.api.get(`/api/v1/notes/${note.id}`));
    assert.deepEqual([untouched.body, untouched.version], [note.body, note.version], 'refused: nothing changed');

    const edited = ok(await admin.patch(`/api/v1/notes/${note.id}`, { body: 'قیمت نهایی را پس‌فردا اعلام می‌کنم.' }));
    assert.equal(edited.body, 'قیمت نهایی را پس‌فردا اعلام می‌کنم.');
    assert.equal(edited.createdBy, expert.id, 'still the author’s note');

    ok(await admin.delete(`/api/v1/notes/${note.id}`));
    expectProblem(await expert.api.get(`/api/v1/notes/${note.id}`), 404);
    expectProblem(await colleague.api.post(`/api/v1/notes/${note.id}/restore`), 403);
    expectProblem(await colleague.api.get(`/api/v1/notes/${note.id}`), 404); // still in the recycle bin
    ok(await admin.post(`/api/v1/notes/${note.id}/restore`));
    assert.equal(ok(await expert.api.get(`/api/v1/notes/${note.id}`)).body, edited.body);
  });

  test('a mentioned user is notified once, the author never', async () => {
    const note = ok(await admin.post('/api/v1/notes', { body: 'لطفاً پیگیری کنید', mentions: [expert.id] }), 201);
    ok(await admin.patch(`/api/v1/notes/${note.id}`, { body: 'لطفاً امروز پیگیری کنید', mentions: [expert.id] }));
    const mine = ok(await expert.api.get('/api/v1/notifications')).data.filter((n: any) => n.recordId === note.id);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].kind, 'mention');
    assert.match(mine[0].title, /لطفاً پیگیری کنید/);
    assert.equal(
      ok(await admin.get('/api/v1/notifications')).data.filter((n: any) => n.recordId === note.id).length,
      0,
    );
    expectProblem(await admin.post('/api/v1/notes', { body: 'x', mentions: [missingId()] }), 400, {
      field: 'mentions',
      code: 'reference_not_found',
    });
  });
});

describe('activities', () => {
  const call = (extra: Record<string, unknown> = {}) => ({
    type: 'call',
    subject: 'تماس پیگیری با احمد صادقی',
    startsAt: tehran('2030-06-02', '11:00'),
    links: [{ module: 'leads', id: lead.id }],
    ...extra,
  });

  test('a follow-up call gets defaults and its duration from start and end', async () => {
    const created = ok(
      await expert.api.post('/api/v1/activities', call({ endsAt: tehran('2030-06-02', '11:20') })),
      201,
    );
    assert.equal(created.status, 'planned');
    assert.equal(created.priority, 'normal');
    assert.equal(created.durationMinutes, 20);
    assert.equal(created.ownerId, expert.id);
    const moved = ok(
      await expert.api.patch(`/api/v1/activities/${created.id}`, { startsAt: tehran('2030-06-03', '09:00') }),
    );
    assert.equal(moved.endsAt, tehran('2030-06-03', '09:20'), 'a reschedule keeps the length');
  });

  test('cross-field rules name the field, in Persian and in English', async () => {
    const backwards = await admin.post('/api/v1/activities', call({ endsAt: tehran('2030-06-02', '10:00') }), {
      language: 'en',
    });
    assert.match(expectProblem(backwards, 400, { field: 'endsAt', code: 'ends_before_start' })!.message, /end/);
    const fa = await admin.post('/api/v1/activities', call({ endsAt: tehran('2030-06-02', '10:00') }));
    assert.match(expectProblem(fa, 400, { field: 'endsAt' })!.message, /پایان/);
    expectProblem(await admin.post('/api/v1/activities', { type: 'task', subject: 'ارسال پیش‌فاکتور' }), 400, {
      field: 'dueAt',
      code: 'required',
    });
    expectProblem(await admin.post('/api/v1/activities', call({ startsAt: undefined })), 400, { field: 'startsAt' });
    expectProblem(await admin.post('/api/v1/activities', { ...call(), type: 'meeting', callOutcome: 'reached' }), 400, {
      field: 'callOutcome',
      code: 'only_for_calls',
    });
    expectProblem(await admin.post('/api/v1/activities', call({ recurrence: 'every tuesday' })), 400, {
      field: 'recurrence',
      code: 'invalid_recurrence',
    });
    expectProblem(await admin.post('/api/v1/activities', call({ recurrence: 'FREQ=MINUTELY' })), 400, {
      field: 'recurrence',
      code: 'recurrence_too_frequent',
    });
    expectProblem(
      await admin.post('/api/v1/activities', call({ reminders: [{ minutesBefore: 15, channels: ['sms'] }] })),
      400,
      { field: 'reminders.0.channels.0' },
    );
    expectProblem(
      await admin.post('/api/v1/activities', call({ participants: [{ module: 'leads', id: lead.id }] })),
      400,
      { field: 'participants.0.module' },
    );
  });

  test('"activities linked to this contact" is a filter on links, alongside participants', async () => {
    const contact = ok(await admin.post('/api/v1/contacts', { firstName: 'سارا', lastName: 'احمدی' }), 201);
    const linked = ok(
      await admin.post('/api/v1/activities', {
        type: 'meeting',
        subject: 'جلسه معرفی محصول',
        startsAt: tehran('2030-07-01', '10:00'),
        endsAt: tehran('2030-07-01', '11:00'),
        links: [{ module: 'contacts', id: contact.id }],
        participants: [
          { module: 'users', id: expert.id },
          { module: 'contacts', id: contact.id },
        ],
      }),
      201,
    );
    ok(await admin.post('/api/v1/activities', call()), 201);
    const byLink = ok(
      await admin.post('/api/v1/activities/query', { filter: { field: 'links', op: 'eq', value: contact.id } }),
    );
    assert.deepEqual(
      byLink.data.map((a: any) => a.id),
      [linked.id],
    );
    const byParticipant = ok(
      await admin.post('/api/v1/activities/query', {
        filter: {
          and: [
            { field: 'participants.module', op: 'eq', value: 'users' },
            { field: 'participants', op: 'eq', value: expert.id },
          ],
        },
      }),
    );
    assert.deepEqual(
      byParticipant.data.map((a: any) => a.id),
      [linked.id],
    );
  });
});
