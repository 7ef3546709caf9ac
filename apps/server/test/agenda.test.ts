import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tehran } from './support/activity-helpers.js';
import { ApiClient } from './support/api-client.js';
import { expectProblem, ok, plainUserClient } from './support/records-helpers.js';
import { TestClock } from './support/test-clock.js';
import { type TestServer, startTestServer } from './support/test-server.js';

const clock = new TestClock(tehran('2030-06-10', '12:00'));
let server: TestServer;
let admin: ApiClient;
let expert: { id: string; api: ApiClient };
const created: Record<string, string> = {};

async function activity(name: string, api: ApiClient, body: Record<string, unknown>) {
  created[name] = ok(await api.post('/api/v1/activities', { subject: name, ...body }), 201).id;
}

before(async () => {
  server = await startTestServer({ now: clock.now });
  admin = new ApiClient(server.url, server.adminToken);
  expert = await plainUserClient(server.url, admin);
  const mine = expert.api;
  await activity('پیش‌فاکتور عقب‌افتاده', mine, { type: 'task', dueAt: tehran('2030-06-09', '17:00') });
  await activity('پیش‌فاکتور فرستاده‌شده', mine, {
    type: 'task',
    dueAt: tehran('2030-06-09', '16:00'),
    status: 'done',
  });
  await activity('تماس صبح', mine, { type: 'call', startsAt: tehran('2030-06-10', '09:00') });
  await activity('تماس عصر', mine, { type: 'call', startsAt: tehran('2030-06-10', '15:00') });
  await activity('تماس بامداد فردا', mine, { type: 'call', startsAt: tehran('2030-06-11', '00:30') });
  await activity('جلسه پنجشنبه', mine, { type: 'meeting', startsAt: tehran('2030-06-13', '10:00') });
  await activity('جلسه لغوشده', mine, {
    type: 'meeting',
    startsAt: tehran('2030-06-12', '10:00'),
    status: 'cancelled',
  });
  await activity('جلسه ماه بعد', mine, { type: 'meeting', startsAt: tehran('2030-06-20', '10:00') });
  await activity('بازدید با همکار', admin, {
    type: 'meeting',
    startsAt: tehran('2030-06-12', '09:00'),
    participants: [{ module: 'users', id: expert.id }],
  });
  await activity('تماس مدیر', admin, { type: 'call', startsAt: tehran('2030-06-10', '16:00') });
});
after(() => server.stop());

const subjects = (entries: any[]) => entries.map((e) => e.activity.subject);

describe('my agenda', () => {
  test('upcoming, overdue and today’s calls agree with the activities’ times, by the server clock', async () => {
    const agenda = ok(await expert.api.get('/api/v1/me/agenda'));
    assert.deepEqual(subjects(agenda.overdue), ['پیش‌فاکتور عقب‌افتاده', 'تماس صبح']);
    assert.deepEqual(subjects(agenda.upcoming), ['تماس عصر', 'تماس بامداد فردا', 'بازدید با همکار', 'جلسه پنجشنبه']);
    assert.deepEqual(subjects(agenda.todaysCalls), ['تماس صبح', 'تماس عصر'], 'the Tehran day, not the UTC one');
    assert.equal(agenda.upcoming[0].startsAt, tehran('2030-06-10', '15:00'));
    assert.equal(agenda.overdue[0].startsAt, tehran('2030-06-09', '17:00'));
  });

  test('a longer look ahead, and what changes when the clock moves and a call is done', async () => {
    const fortnight = ok(await expert.api.get('/api/v1/me/agenda?days=14'));
    assert.equal(subjects(fortnight.upcoming).at(-1), 'جلسه ماه بعد');
    ok(await expert.api.patch(`/api/v1/activities/${created['تماس صبح']}`, { status: 'held', callOutcome: 'reached' }));
    clock.set(tehran('2030-06-10', '15:30'));
    const later = ok(await expert.api.get('/api/v1/me/agenda'));
    assert.deepEqual(subjects(later.overdue), ['پیش‌فاکتور عقب‌افتاده', 'تماس عصر']);
    assert.equal(subjects(later.upcoming)[0], 'تماس بامداد فردا');
  });

  test('a bad look-ahead names the parameter', async () => {
    expectProblem(await expert.api.get('/api/v1/me/agenda?days=0'), 400, { field: 'days' });
    expectProblem(await expert.api.get('/api/v1/me/agenda?days=400', { language: 'en' }), 400, { field: 'days' });
    expectProblem(await expert.api.get('/api/v1/me/agenda?weeks=2'), 400, { field: 'weeks' });
  });
});
