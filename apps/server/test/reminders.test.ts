import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatJalaliDate, toPersianDigits } from '@peyvand/shared';
import { type RunningServer, startServer } from '../src/server.js';
import { createSeedLead, tehran } from './support/activity-helpers.js';
import { ApiClient } from './support/api-client.js';
import { usingPostgres } from './support/auth-helpers.js';
import { EventStream } from './support/event-stream.js';
import { expectProblem, ok, plainUserClient } from './support/records-helpers.js';
import { SmtpSink } from './support/smtp-sink.js';
import { TestClock } from './support/test-clock.js';
import { type TestServer, startTestServer } from './support/test-server.js';

const PUBLIC_URL = 'https://crm.example.ir';
const clock = new TestClock(tehran('2030-06-01', '14:00'));
let sink: SmtpSink;
let server: TestServer;
/** With DATABASE_URL, a second app server on the same database, its poller racing the first's. */
let second: RunningServer | undefined;
let servers: RunningServer[];
let expert: { id: string; api: ApiClient; email: string };
let lead: { id: string };
let stream: EventStream;

const bearer = (api: ApiClient) => ({ authorization: `Bearer ${api.token}` });
/** The server whose open streams must hear of reminders fired by whichever server. */
const pushUrl = () => servers.at(-1)!.url;
/** Every server finishes a pass at the current clock: nothing due is left unfired or unsent. */
const runAllJobs = () => Promise.all(servers.map((s) => s.runJobs()));

async function remindersOf(activityId: string): Promise<any[]> {
  const { data } = ok(await expert.api.get('/api/v1/notifications?limit=200'));
  return data.filter((n: any) => n.kind === 'reminder' && n.recordId === activityId);
}

async function followUp(startsAt: string, reminders: unknown[], extra: Record<string, unknown> = {}) {
  return ok(
    await expert.api.post('/api/v1/activities', {
      type: 'call',
      subject: 'تماس پیگیری با احمد صادقی',
      startsAt,
      links: [{ module: 'leads', id: lead.id }],
      reminders,
      ...extra,
    }),
    201,
  );
}

before(async () => {
  sink = await SmtpSink.start();
  server = await startTestServer({
    now: clock.now,
    jobPollIntervalMs: 50,
    smtpUrl: sink.url,
    mailFrom: 'پیوند <crm@peyvand.test>',
    publicUrl: PUBLIC_URL,
  });
  if (usingPostgres()) second = await startServer(server.server.ctx.config);
  servers = [server.server, ...(second ? [second] : [])];
  const admin = new ApiClient(server.url, server.adminToken);
  lead = await createSeedLead(admin);
  const user = await plainUserClient(server.url, admin);
  expert = { ...user, email: ok(await user.api.get('/api/v1/me')).email };
  stream = await EventStream.open(`${pushUrl()}/api/v1/notifications/stream`, bearer(expert.api));
});
after(async () => {
  stream?.close();
  await second?.stop();
  await server?.stop();
  await sink?.close();
});

describe('reminders', () => {
  test(`the issue's check: a note, a call for 11:00 tomorrow, its 15-minute reminder on the stream and by e-mail at 10:45, once`, async () => {
    ok(
      await expert.api.post('/api/v1/notes', {
        body: 'با آقای صادقی صحبت شد؛ فردا ساعت ۱۱ دوباره تماس می‌گیرم.',
        links: [{ module: 'leads', id: lead.id }],
      }),
      201,
    );
    const call = await followUp(tehran('2030-06-02', '11:00'), [{ minutesBefore: 15, channels: ['inApp', 'email'] }]);

    clock.set(tehran('2030-06-02', '10:44'));
    await runAllJobs();
    assert.deepEqual(await remindersOf(call.id), [], 'not before 10:45');
    assert.equal(sink.mails.length, 0);

    clock.set(tehran('2030-06-02', '10:45'));
    await stream.until(() => stream.notifications().some((n) => n.recordId === call.id), 'the reminder on the stream');
    const [pushed] = stream.notifications().filter((n) => n.recordId === call.id);
    assert.equal(pushed.kind, 'reminder');
    assert.equal(pushed.createdAt, tehran('2030-06-02', '10:45'));
    assert.equal(pushed.occursAt, tehran('2030-06-02', '11:00'));
    assert.equal(pushed.late, false);
    assert.match(pushed.title, /تماس پیگیری با احمد صادقی/);
    assert.match(pushed.title, /۱۱:۰۰/);

    const [mail] = await sink.received(1);
    assert.equal(mail!.to && !Array.isArray(mail!.to) ? mail!.to.value[0]!.address : undefined, expert.email);
    assert.match(mail!.subject ?? '', /تماس پیگیری با احمد صادقی/);
    const jalali = formatJalaliDate('2030-06-02', { persianDigits: true });
    for (const body of [mail!.text ?? '', String(mail!.html)]) {
      assert.match(body, /تماس پیگیری با احمد صادقی/);
      assert.ok(body.includes(jalali), `the Jalali date ${jalali} in ${body}`);
      assert.ok(body.includes(toPersianDigits('11:00')), 'the Tehran time');
      assert.ok(body.includes(`${PUBLIC_URL}/activities/${call.id}`), 'a link to the call');
    }
    assert.match(String(mail!.html), /dir="rtl"/);

    await runAllJobs();
    assert.equal((await remindersOf(call.id)).length, 1, 'one notification, however many servers polled');
    assert.equal(stream.notifications().filter((n) => n.recordId === call.id).length, 1);
    assert.equal(sink.mails.length, 1, 'one e-mail');
  });

  test('a reminder missed while no server ran fires late; one for an occurrence a day gone is dropped', async () => {
    const gone = await followUp(tehran('2030-06-02', '12:00'), [{ minutesBefore: 15, channels: ['inApp'] }]);
    const missed = await followUp(tehran('2030-06-03', '12:20'), [{ minutesBefore: 15, channels: ['inApp'] }]);
    clock.set(tehran('2030-06-03', '12:30'));
    await stream.until(() => stream.notifications().some((n) => n.recordId === missed.id), 'the late reminder');
    await runAllJobs();
    const [late] = await remindersOf(missed.id);
    assert.equal(late.late, true);
    assert.equal(late.createdAt, tehran('2030-06-03', '12:30'));
    assert.deepEqual(await remindersOf(gone.id), []);
  });

  test('deleting an activity cancels its reminders; restoring it from the recycle bin brings them back', async () => {
    const call = await followUp(tehran('2030-06-04', '10:00'), [{ minutesBefore: 60, channels: ['inApp'] }]);
    ok(await expert.api.delete(`/api/v1/activities/${call.id}`));
    clock.set(tehran('2030-06-04', '09:30'));
    await runAllJobs();
    assert.deepEqual(await remindersOf(call.id), [], 'nothing while in the recycle bin');
    ok(await expert.api.post(`/api/v1/activities/${call.id}/restore`));
    await stream.until(() => stream.notifications().some((n) => n.recordId === call.id), 'the restored reminder');
    const [fired] = await remindersOf(call.id);
    assert.equal(fired.late, false, 'its time passed while deleted: it fires at once, on time');
    assert.equal(fired.occursAt, tehran('2030-06-04', '10:00'));
  });

  test('a weekly Saturday 01:00 meeting is reminded of every Saturday in Tehran', async () => {
    const meeting = ok(
      await expert.api.post('/api/v1/activities', {
        type: 'meeting',
        subject: 'جلسه شبانه پشتیبانی',
        startsAt: tehran('2030-06-08', '01:00'),
        durationMinutes: 30,
        recurrence: 'FREQ=WEEKLY;BYDAY=SA;COUNT=3',
        reminders: [{ minutesBefore: 30, channels: ['inApp'] }],
      }),
      201,
    );
    const heard = () => stream.notifications().filter((n) => n.recordId === meeting.id);
    clock.set(tehran('2030-06-08', '00:30'));
    await stream.until(() => heard().length === 1, 'the first Saturday');
    clock.set(tehran('2030-06-15', '00:30'));
    await stream.until(() => heard().length === 2, 'the second Saturday');
    assert.deepEqual(
      heard().map((n) => [n.occursAt, n.late]),
      [
        [tehran('2030-06-08', '01:00'), false],
        [tehran('2030-06-15', '01:00'), false],
      ],
    );
  });

  test('an e-mail the SMTP server refuses is retried after a back-off and arrives once', async () => {
    const before = sink.mails.length;
    const call = await followUp(tehran('2030-06-16', '10:00'), [{ minutesBefore: 0, channels: ['email'] }]);
    sink.refuseNext = 1;
    clock.set(tehran('2030-06-16', '10:00'));
    await stream.until(() => stream.notifications().some((n) => n.recordId === call.id), 'the reminder');
    await runAllJobs();
    assert.equal(sink.refuseNext, 0, 'the first attempt was made and refused');
    assert.equal(sink.mails.length, before);
    clock.set(tehran('2030-06-16', '10:01'));
    await runAllJobs();
    clock.set(tehran('2030-06-16', '11:00'));
    await runAllJobs();
    assert.equal(sink.mails.length, before + 1);
    assert.match(sink.mails.at(-1)!.subject ?? '', /تماس پیگیری با احمد صادقی/);
  });

  test('a user who chose English and the Gregorian calendar is reminded in English, left to right', async () => {
    ok(await expert.api.patch('/api/v1/me', { language: 'en', calendar: 'gregorian' }));
    try {
      const before = sink.mails.length;
      const call = await followUp(tehran('2030-06-17', '16:30'), [{ minutesBefore: 30, channels: ['email'] }]);
      clock.set(tehran('2030-06-17', '16:00'));
      await stream.until(() => stream.notifications().some((n) => n.recordId === call.id), 'the reminder');
      const [mail] = (await sink.received(before + 1)).slice(before);
      assert.equal(mail!.subject, 'Reminder: تماس پیگیری با احمد صادقی');
      for (const body of [mail!.text ?? '', String(mail!.html)]) {
        assert.ok(body.includes('Date: 2030-06-17'), body);
        assert.ok(body.includes('Time: 16:30 (Tehran time)'), body);
        assert.ok(body.includes(`${PUBLIC_URL}/activities/${call.id}`));
      }
      assert.match(String(mail!.html), /<html lang="en" dir="ltr">/);
    } finally {
      ok(await expert.api.patch('/api/v1/me', { language: 'fa', calendar: 'jalali' }));
    }
  });
});

describe('the notification stream', () => {
  test('Last-Event-ID resumes with what was missed, oldest first', async () => {
    const { data } = ok(await expert.api.get('/api/v1/notifications?limit=200'));
    const ids = data.map((n: any) => n.id).reverse();
    assert.ok(ids.length >= 3);
    const resumed = await EventStream.open(`${pushUrl()}/api/v1/notifications/stream`, {
      ...bearer(expert.api),
      'last-event-id': ids[0],
    });
    await resumed.until(() => resumed.events.length === ids.length - 1, 'the missed notifications');
    assert.deepEqual(
      resumed.events.map((e) => e.id),
      ids.slice(1),
    );
    resumed.close();
  });

  test('it needs a login, and a bad Last-Event-ID is named', async () => {
    const anonymous = await fetch(`${pushUrl()}/api/v1/notifications/stream`);
    assert.equal(anonymous.status, 401);
    const bad = await expert.api.get('/api/v1/notifications/stream', {
      headers: { 'last-event-id': 'yesterday' },
      language: 'en',
    });
    expectProblem(bad, 400, { field: 'Last-Event-ID', code: 'invalid_cursor' });
  });

  test('stopping the servers ends open streams at once', async () => {
    const open = await EventStream.open(`${server.url}/api/v1/notifications/stream`, bearer(expert.api));
    await Promise.all([second?.stop(), server.server.stop()]);
    await Promise.all([open.ended, stream.ended]);
  });
});
