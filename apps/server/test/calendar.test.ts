import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { createSeedLead, tehran } from './support/activity-helpers.js';
import { ApiClient } from './support/api-client.js';
import { expectProblem, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let admin: ApiClient;
let expert: { id: string; api: ApiClient };
let call: any;
let weekly: any;
let invited: any;

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  expert = await plainUserClient(server.url, admin);
  const lead = await createSeedLead(admin);
  const links = [{ module: 'leads', id: lead.id }];
  call = ok(
    await expert.api.post('/api/v1/activities', {
      type: 'call',
      subject: 'تماس پیگیری با احمد صادقی',
      startsAt: tehran('2030-06-02', '11:00'),
      endsAt: tehran('2030-06-02', '11:15'),
      links,
    }),
    201,
  );
  weekly = ok(
    await expert.api.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'جلسه هفتگی فروش',
      startsAt: tehran('2030-06-01', '10:00'),
      durationMinutes: 60,
      recurrence: 'FREQ=WEEKLY;COUNT=4',
    }),
    201,
  );
  invited = ok(
    await admin.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'بازدید از پرتو گستر امید',
      startsAt: tehran('2030-06-05', '09:00'),
      endsAt: tehran('2030-06-05', '12:00'),
      participants: [{ module: 'users', id: expert.id }],
    }),
    201,
  );
  ok(
    await admin.post('/api/v1/activities', { type: 'task', subject: 'کار مدیر', dueAt: tehran('2030-06-03', '12:00') }),
    201,
  );
});
after(() => server.stop());

const range = (from: string, to: string) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
const twoWeeks = range('2030-06-01T00:00:00+03:30', '2030-06-15T00:00:00+03:30');

describe('calendar', () => {
  test('my two weeks: the call, the meeting I am invited to, and the weekly meeting twice, in time order', async () => {
    const { data } = ok(await expert.api.get(`/api/v1/calendar?${twoWeeks}`));
    assert.deepEqual(
      data.map((e: any) => [e.activityId, e.startsAt]),
      [
        [weekly.id, tehran('2030-06-01', '10:00')],
        [call.id, tehran('2030-06-02', '11:00')],
        [invited.id, tehran('2030-06-05', '09:00')],
        [weekly.id, tehran('2030-06-08', '10:00')],
      ],
    );
    assert.equal(data[3].endsAt, tehran('2030-06-08', '11:00'));
    assert.equal(data[3].recurring, true);
    assert.equal(data[1].activity.subject, 'تماس پیگیری با احمد صادقی');
  });

  test("a colleague's calendar and a group's", async () => {
    const theirs = ok(await admin.get(`/api/v1/calendar?${twoWeeks}&userId=${expert.id}`));
    assert.equal(theirs.data.length, 4);
    const group = ok(await admin.post('/api/v1/groups', { name: 'تیم فروش اصفهان', memberIds: [expert.id] }), 201);
    const team = ok(await admin.get(`/api/v1/calendar?${twoWeeks}&groupId=${group.id}`));
    assert.deepEqual(
      team.data.map((e: any) => e.activityId),
      theirs.data.map((e: any) => e.activityId),
    );
    const mine = ok(await admin.get(`/api/v1/calendar?${twoWeeks}`));
    assert.deepEqual(
      mine.data.map((e: any) => e.activity.subject),
      ['کار مدیر', 'بازدید از پرتو گستر امید'],
    );
  });

  test('bad ranges name the parameter', async () => {
    const back = range('2030-06-15T00:00:00Z', '2030-06-01T00:00:00Z');
    expectProblem(await admin.get(`/api/v1/calendar?${back}`), 400, { field: 'to', code: 'ends_before_start' });
    const long = range('2030-01-01T00:00:00Z', '2031-06-01T00:00:00Z');
    expectProblem(await admin.get(`/api/v1/calendar?${long}`), 400, { field: 'to', code: 'range_too_long' });
    expectProblem(await admin.get(`/api/v1/calendar?from=tomorrow&to=2030-06-01T00:00:00Z`), 400, { field: 'from' });
    expectProblem(await admin.get(`/api/v1/calendar?${twoWeeks}&userId=${expert.id}&groupId=${expert.id}`), 400, {
      field: 'groupId',
    });
  });
});

describe('iCalendar feed', () => {
  test('the secret URL serves my activities, in Asia/Tehran, parsed back by ical.js', async () => {
    const { url } = ok(await expert.api.get('/api/v1/me/calendar-feed'));
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const followUp = events.find((e) => e.summary === 'تماس پیگیری با احمد صادقی')!;
    assert.equal(followUp.component.getFirstProperty('dtstart')!.getParameter('tzid'), 'Asia/Tehran');
    assert.equal(followUp.startDate.zone.tzid, 'Asia/Tehran');
    assert.equal(followUp.startDate.hour, 11);
    assert.equal(followUp.startDate.toJSDate().toISOString(), tehran('2030-06-02', '11:00'));
    assert.equal(followUp.endDate.toJSDate().toISOString(), tehran('2030-06-02', '11:15'));
    const series = events.find((e) => e.summary === 'جلسه هفتگی فروش')!;
    assert.ok(series.isRecurring());
    assert.ok(
      events.some((e) => e.summary === 'بازدید از پرتو گستر امید'),
      'meetings I take part in are in it',
    );
    assert.ok(!events.some((e) => e.summary === 'کار مدیر'), "others' activities are not");
  });

  test('the feed URL is the same on every visit; rotating replaces it and the old one is 404', async () => {
    const { url: first } = ok(await expert.api.get('/api/v1/me/calendar-feed'));
    const { url: again } = ok(await expert.api.get('/api/v1/me/calendar-feed'));
    assert.equal(again, first);
    assert.notEqual(ok(await admin.get('/api/v1/me/calendar-feed')).url, first, 'each user has their own');
    const { url: fresh } = ok(await expert.api.post('/api/v1/me/calendar-feed/rotate'));
    assert.notEqual(fresh, first);
    assert.equal((await fetch(first)).status, 404);
    assert.equal((await fetch(fresh)).status, 200);
    assert.equal(ok(await expert.api.get('/api/v1/me/calendar-feed')).url, fresh);
    assert.equal((await fetch(`${server.url}/api/v1/calendar-feed/${'x'.repeat(43)}.ics`)).status, 404);
    assert.equal((await fetch(`${server.url}/api/v1/calendar-feed/nope`)).status, 400);
  });
});

describe('series in Tehran time', () => {
  test('a weekly meeting at 01:00 on Saturdays stays on Saturday 01:00 in Tehran (Friday in UTC)', async () => {
    const meeting = ok(
      await expert.api.post('/api/v1/activities', {
        type: 'meeting',
        subject: 'جلسه بامدادی شنبه',
        startsAt: tehran('2030-07-06', '01:00'),
        durationMinutes: 45,
        recurrence: 'FREQ=WEEKLY;BYDAY=SA;UNTIL=20300719T220000Z',
      }),
      201,
    );
    const july = range('2030-07-01T00:00:00+03:30', '2030-08-01T00:00:00+03:30');
    const { data } = ok(await expert.api.get(`/api/v1/calendar?${july}`));
    assert.deepEqual(
      data.filter((e: any) => e.activityId === meeting.id).map((e: any) => e.startsAt),
      [tehran('2030-07-06', '01:00'), tehran('2030-07-13', '01:00'), tehran('2030-07-20', '01:00')],
      'Saturdays in Tehran; UNTIL is an instant (20 July 01:30 in Tehran), so 20 July 01:00 is in',
    );
  });

  test('a series from before 2022 keeps its Tehran time across the old daylight-saving change', async () => {
    const meeting = ok(
      await expert.api.post('/api/v1/activities', {
        type: 'meeting',
        subject: 'جلسه ماهانه قدیمی',
        startsAt: tehran('2020-03-01', '10:00'),
        recurrence: 'FREQ=MONTHLY;COUNT=2',
      }),
      201,
    );
    const spring = range('2020-03-01T00:00:00Z', '2020-04-30T00:00:00Z');
    const { data } = ok(await expert.api.get(`/api/v1/calendar?${spring}`));
    assert.deepEqual(
      data.filter((e: any) => e.activityId === meeting.id).map((e: any) => e.startsAt),
      // Iran moved to UTC+04:30 on 21 March 2020: 10:00 in April is 05:30 UTC.
      ['2020-03-01T06:30:00.000Z', '2020-04-01T05:30:00.000Z'],
    );
  });
  test('a daily stand-up every other day, written in lower case, until the evening of its last day', async () => {
    const standUp = ok(
      await expert.api.post('/api/v1/activities', {
        type: 'meeting',
        subject: 'جلسه ایستاده',
        startsAt: tehran('2030-09-01', '21:00'),
        durationMinutes: 15,
        // As the form writes "until 7 September": 23:59:59 in Tehran.
        recurrence: 'rrule:freq=daily;interval=2;until=20300907T202959z',
      }),
      201,
    );
    assert.equal(standUp.recurrence, 'FREQ=DAILY;INTERVAL=2;UNTIL=20300907T202959Z', 'kept in canonical form');
    const september = range('2030-09-01T00:00:00+03:30', '2030-09-15T00:00:00+03:30');
    const { data } = ok(await expert.api.get(`/api/v1/calendar?${september}`));
    assert.deepEqual(
      data.filter((e: any) => e.activityId === standUp.id).map((e: any) => e.startsAt),
      ['2030-09-01', '2030-09-03', '2030-09-05', '2030-09-07'].map((day) => tehran(day, '21:00')),
    );
  });
});
