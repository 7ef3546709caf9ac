import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, formatJalaliDate, tehranDateOf, toPersianDigits } from '@peyvand/shared';
import { SmtpSink } from '../../server/test/support/smtp-sink.js';
import { TestClock } from '../../server/test/support/test-clock.js';
import { type AppSession, logIn, openApp } from './support/app-session.js';

/** An ISO instant at a Tehran wall-clock time (UTC+03:30 all year since 2022). */
const tehran = (date: string, time: string) => new Date(`${date}T${time}:00+03:30`).toISOString();
const SUBJECT = 'تماس پیگیری با احمد صادقی پرتو گستر امید';
const NOTE = 'با آقای صادقی صحبت شد؛ فردا ساعت ۱۱ دوباره تماس می‌گیرم.\nپیش‌فاکتور: https://example.ir/q/7';

/** Seed 004 in the browser: a note on the lead, a follow-up call with a reminder that fires once, the calendar and the dashboard. */
describe('activities in the browser', () => {
  const clock = new TestClock(new Date().toISOString());
  const tomorrow = addDays(tehranDateOf(new Date()), 1);
  const jalaliTomorrow = formatJalaliDate(tomorrow, { persianDigits: true });
  let sink: SmtpSink;
  let app: AppSession;
  let lead: { id: string };
  let call: { id: string; startsAt: string; endsAt: string | null; version: number };

  /** Opens the calendar (week view) at the week that holds tomorrow, and gives tomorrow's column. */
  async function tomorrowInWeekView() {
    const { page } = app;
    await page.getByRole('navigation', { name: 'بخش‌ها' }).getByRole('link', { name: 'تقویم' }).click();
    const day = page.getByRole('group', { name: new RegExp(jalaliTomorrow) });
    await page
      .getByRole('button', { name: /^افزودن فعالیت در/ })
      .first()
      .waitFor();
    // Tomorrow is in next week when today is Friday, the last day of the Iranian week.
    if ((await day.count()) === 0) await page.getByRole('button', { name: 'بازه بعدی' }).click();
    return day;
  }

  before(async () => {
    sink = await SmtpSink.start();
    app = await openApp({
      server: { now: clock.now, jobPollIntervalMs: 50, smtpUrl: sink.url, mailFrom: 'پیوند <crm@peyvand.test>' },
    });
    lead = await app.api('POST', '/leads', {
      firstName: 'احمد',
      lastName: 'صادقی',
      company: 'پرتو گستر امید',
      phone: '03191007879',
      mobile: '09138086200',
    });
    await logIn(app.page, app.server.url, `/leads/${lead.id}`);
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
    await sink.close();
  });

  test('a note written in the lead’s timeline keeps its line break and its link', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'خط زمانی' }).click();
    await page.getByRole('textbox', { name: 'یادداشت' }).fill(NOTE);
    await page.getByRole('button', { name: 'ثبت یادداشت' }).click();
    const timeline = page.getByRole('list', { name: 'خط زمانی' });
    const link = timeline.getByRole('link', { name: 'https://example.ir/q/7' });
    await link.waitFor();
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match((await link.getAttribute('rel')) ?? '', /noopener/);
    assert.match(await timeline.locator('li[data-kind="note"]').first().innerText(), /تماس می‌گیرم.\nپیش‌فاکتور/);
    assert.equal(await page.getByRole('textbox', { name: 'یادداشت' }).inputValue(), '', 'the composer is empty again');
  });

  test('a follow-up call for 11:00 tomorrow with a 15-minute reminder is set from the lead', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'تنظیم پیگیری' }).click();
    const dialog = page.getByRole('dialog', { name: 'تنظیم پیگیری' });
    assert.equal(await dialog.getByRole('textbox', { name: 'موضوع' }).inputValue(), SUBJECT);
    await dialog.getByRole('group', { name: 'زمان شروع' }).getByRole('spinbutton').first().click();
    // The Jalali adapter writes a date-time as «HH:mm yyyy/MM/dd»: the time comes first.
    await page.keyboard.type(`1100${jalaliDigits(tomorrow)}`);
    await app.screenshot('follow-up-dialog');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'خط زمانی' }).getByRole('link', { name: SUBJECT }).waitFor();
    const { data } = await app.api('POST', '/activities/query', {
      filter: { field: 'subject', op: 'eq', value: SUBJECT },
    });
    call = data[0];
    assert.equal(call.startsAt, tehran(tomorrow, '11:00'));
    assert.deepEqual(data[0].reminders, [{ minutesBefore: 15, channels: ['inApp', 'email'] }]);
    assert.deepEqual(data[0].links, [{ module: 'leads', id: lead.id }]);
  });

  test('the week view shows the call on tomorrow’s Jalali day, at 11:00', async () => {
    const day = await tomorrowInWeekView();
    const event = day.getByRole('link', { name: `${toPersianDigits('11:00')} ${SUBJECT}` });
    await event.waitFor();
    const slot = day.getByRole('button', { name: `افزودن فعالیت در ${jalaliTomorrow} ${toPersianDigits('11:00')}` });
    assert.equal(Math.round((await event.boundingBox())!.y), Math.round((await slot.boundingBox())!.y));
    await app.screenshot('calendar-week');
  });

  test('at 10:45 the reminder arrives in the browser, in the notification centre and by e-mail, once', async () => {
    const { page } = app;
    clock.set(tehran(tomorrow, '10:44'));
    await app.server.server.runJobs();
    assert.equal(sink.mails.length, 0, 'nothing before 10:45');
    clock.set(tehran(tomorrow, '10:45'));
    await app.server.server.runJobs();
    const toast = page.getByRole('alert').filter({ hasText: SUBJECT });
    await toast.waitFor();
    await app.screenshot('reminder-toast');
    const bell = page.getByRole('button', { name: `اعلان‌ها (${toPersianDigits('1')} خوانده‌نشده)` });
    await bell.waitFor();
    const [mail] = await sink.received(1);
    assert.match(mail!.subject ?? '', new RegExp(SUBJECT));
    assert.match(mail!.text ?? '', new RegExp(toPersianDigits('11:00')));

    await app.server.server.runJobs();
    await bell.click();
    const centre = page.getByRole('dialog', { name: 'اعلان‌ها' });
    const items = centre.getByRole('button', { name: new RegExp(SUBJECT) });
    await items.first().waitFor();
    assert.equal(await items.count(), 1, 'one notification');
    assert.equal(sink.mails.length, 1, 'one e-mail');
    await items.first().click();
    await page.getByRole('heading', { name: SUBJECT, level: 1 }).waitFor();
    await page.getByRole('button', { name: `اعلان‌ها (${toPersianDigits('0')} خوانده‌نشده)` }).waitFor();
  });

  test('the dashboard’s upcoming and overdue widgets follow the activities’ due times', async () => {
    const { page } = app;
    // At 10:45 tomorrow: a task due at 9:00 is overdue, one due at 15:00 and the 11:00 call are ahead.
    for (const [subject, time] of [
      ['ارسال پیش‌فاکتور', '09:00'],
      ['ارسال کاتالوگ', '15:00'],
    ] as const) {
      await app.api('POST', '/activities', {
        type: 'task',
        subject,
        status: 'planned',
        dueAt: tehran(tomorrow, time),
        links: [{ module: 'leads', id: lead.id }],
      });
    }
    await page.getByRole('link', { name: 'پیشخوان' }).first().click();
    const upcoming = page.getByRole('region', { name: 'فعالیت‌های پیش رو' });
    const overdue = page.getByRole('region', { name: 'فعالیت‌های عقب‌افتاده' });
    const at = (time: string) => toPersianDigits(`${formatJalaliDate(tomorrow)} ${time}`);
    await upcoming.getByRole('link', { name: SUBJECT }).waitFor();
    assert.match(await upcoming.innerText(), new RegExp(`${SUBJECT}\\s+${at('11:00')}`));
    assert.match(await upcoming.innerText(), new RegExp(`ارسال کاتالوگ\\s+${at('15:00')}`));
    assert.doesNotMatch(await upcoming.innerText(), /ارسال پیش‌فاکتور/);
    assert.match(await overdue.innerText(), new RegExp(`ارسال پیش‌فاکتور\\s+${at('09:00')}`));
    assert.doesNotMatch(await overdue.innerText(), /ارسال کاتالوگ|تماس پیگیری/);
    const recent = page.getByRole('region', { name: 'بازدیدهای اخیر' });
    await recent.getByRole('link', { name: SUBJECT }).waitFor();
    await recent.getByRole('link', { name: 'احمد صادقی پرتو گستر امید', exact: true }).waitFor();
    await app.screenshot('dashboard');
  });

  test('dragging the call to 14:00 in the week view reschedules it, keeping its length', async () => {
    const { page } = app;
    const day = await tomorrowInWeekView();
    const event = day.getByRole('link', { name: new RegExp(SUBJECT) });
    await event.waitFor();
    const slot = `افزودن فعالیت در ${jalaliTomorrow} ${toPersianDigits('14:00')}`;
    await event.dragTo(day.getByRole('button', { name: slot }));
    await page.getByText('زمان فعالیت تغییر کرد.').waitFor();
    const moved = await app.api('GET', `/activities/${call.id}`);
    assert.equal(moved.startsAt, tehran(tomorrow, '14:00'));
    assert.equal(moved.version, call.version + 1);
    await page.reload();
    await page
      .getByRole('group', { name: new RegExp(jalaliTomorrow) })
      .getByRole('link', { name: `${toPersianDigits('14:00')} ${SUBJECT}` })
      .waitFor();
  });
});

/** The digits typed into the Jalali picker for an ISO date: year, month, day. */
function jalaliDigits(iso: string): string {
  return formatJalaliDate(iso).replaceAll('/', '');
}
