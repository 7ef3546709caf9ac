import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  addDays,
  formatJalaliDate,
  jalaliMonthNames,
  jalaliMonthRange,
  tehranDateOf,
  toJalaliParts,
  toPersianDigits,
} from '@peyvand/shared';
import type { Locator } from 'playwright-core';
import { type AppSession, logIn, openApp } from './support/app-session.js';

/** An ISO instant at a Tehran wall-clock time (UTC+03:30 all year since 2022). */
const tehran = (date: string, time: string) => new Date(`${date}T${time}:00+03:30`).toISOString();
const jalali = (iso: string) => formatJalaliDate(iso, { persianDigits: true });
const MINE = 'جلسه معرفی محصول به پرتو گستر';
const SARAS_CALL = 'تماس با آقای صادقی';
const REZAS_VISIT = 'بازدید از کارخانه سپاهان';
const SARA_TAKES_PART = 'جلسه هماهنگی ارسال بار';
const THE_TEAMS = 'آماده‌سازی غرفه نمایشگاه';
/** Four on one day of next month, one more than a month cell shows. */
const BUSY_DAY = [
  ['08:00', 'تماس با دفتر تهران'],
  ['10:00', 'جلسه با مدیر فروش'],
  ['12:00', 'ناهار کاری با نماینده بوشهر'],
  ['16:00', 'جمع‌بندی هفته'],
] as const;

/** The day, week and month views, and whose calendar they show, seen from the administrator's desk. */
describe('the calendar’s day and month views and team calendars', () => {
  const today = tehranDateOf(new Date());
  const tomorrow = addDays(today, 1);
  // The month view opens at tomorrow's Jalali month, where the day view left it; the test steps to the next.
  const { year, month } = toJalaliParts(tomorrow);
  const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const firstOfNext = jalaliMonthRange(nextYear, nextMonth).start;
  const tenth = addDays(firstOfNext, 9);
  const twentieth = addDays(firstOfNext, 19);
  let app: AppSession;
  let admin: { id: string };

  /** A day's column (day and week views) or cell (month view), named by weekday and Jalali date. */
  const day = (iso: string) => app.page.getByRole('group', { name: new RegExp(jalali(iso)) });
  /** An activity on the calendar, as its time and subject. */
  const event = (place: Locator, time: string, subject: string) =>
    place.getByRole('link', { name: `${toPersianDigits(time)} ${subject}` });
  const slot = (iso: string, time: string) =>
    day(iso).getByRole('button', { name: `افزودن فعالیت در ${jalali(iso)} ${toPersianDigits(time)}` });
  /** Asserts an activity sits level with the half hour it starts at. */
  async function assertAt(iso: string, time: string, subject: string) {
    const shown = event(day(iso), time, subject);
    await shown.waitFor();
    const top = async (l: Locator) => Math.round((await l.boundingBox())!.y);
    assert.equal(await top(shown), await top(slot(iso, time)), `${subject} at ${time}`);
  }
  const view = (name: 'روز' | 'هفته' | 'ماه') =>
    app.page.getByRole('group', { name: 'نمای تقویم' }).getByRole('button', { name, exact: true });

  before(async () => {
    app = await openApp();
    admin = await app.api('GET', '/me');
    const user = (email: string, firstName: string, lastName: string) =>
      app.api('POST', '/users', { email, password: 'Test-user-1403', firstName, lastName, role: 'user', active: true });
    const sara = await user('sara.ahmadi@peyvand.test', 'سارا', 'احمدی');
    const reza = await user('reza.karimi@peyvand.test', 'رضا', 'کریمی');
    const team = await app.api('POST', '/groups', { name: 'تیم فروش اصفهان', memberIds: [sara.id] });
    const activity = (subject: string, date: string, from: string, to: string, extra: object = {}) =>
      app.api('POST', '/activities', {
        type: 'meeting',
        subject,
        startsAt: tehran(date, from),
        endsAt: tehran(date, to),
        ...extra,
      });
    await activity(MINE, tomorrow, '10:30', '11:30');
    await activity(SARAS_CALL, tomorrow, '09:00', '09:15', { type: 'call', ownerId: sara.id });
    await activity(REZAS_VISIT, tomorrow, '12:00', '13:00', { ownerId: reza.id });
    await activity(SARA_TAKES_PART, tomorrow, '13:00', '13:30', {
      ownerId: reza.id,
      participants: [{ module: 'users', id: sara.id }],
    });
    await activity(THE_TEAMS, tomorrow, '15:00', '16:00', { ownerGroupId: team.id });
    for (const [time, subject] of BUSY_DAY) await activity(subject, tenth, time, time.replace(':00', ':30'));
    await logIn(app.page, app.server.url, '/calendar');
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  test('the day view shows one day, tomorrow’s activities at their times, and steps back to today', async () => {
    const { page } = app;
    await slot(today, '09:00').first().waitFor();
    await view('روز').click();
    assert.equal(await view('روز').getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'بازه بعدی' }).click();
    await assertAt(tomorrow, '10:30', MINE);
    assert.equal(await page.getByRole('group', { name: /[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}/ }).count(), 1, 'a single day');
    // My calendar: a colleague's call that day is not on it.
    assert.equal(await page.getByRole('link', { name: new RegExp(SARAS_CALL) }).count(), 0);
    await app.screenshot('calendar-day');
    await page.getByRole('button', { name: 'بازه قبلی' }).click();
    await day(today).waitFor();
    assert.equal(await day(tomorrow).count(), 0);
  });

  test('a click on an empty half hour of the day view opens a new activity there, which is saved at that time', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'بازه بعدی' }).click();
    await slot(tomorrow, '14:30').click();
    const dialog = page.getByRole('dialog', { name: `فعالیت تازه در ${jalali(tomorrow)} ${toPersianDigits('14:30')}` });
    await dialog.getByRole('textbox', { name: 'موضوع' }).fill('تماس تصویری با نمایندگی شیراز');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'detached' });
    await assertAt(tomorrow, '14:30', 'تماس تصویری با نمایندگی شیراز');
    const { data } = await app.api('POST', '/activities/query', {
      filter: { field: 'subject', op: 'eq', value: 'تماس تصویری با نمایندگی شیراز' },
    });
    assert.equal(data.length, 1);
    assert.deepEqual(
      [data[0].type, data[0].startsAt, data[0].endsAt, data[0].ownerId],
      ['meeting', tehran(tomorrow, '14:30'), tehran(tomorrow, '15:00'), admin.id],
    );
  });

  test('the month view puts activities on their Jalali day; a full day offers «۱ مورد دیگر», which opens that day', async () => {
    const { page } = app;
    await view('ماه').click();
    await page.getByRole('button', { name: 'بازه بعدی' }).click();
    const heading = page.getByRole('heading', { level: 2, name: new RegExp(jalaliMonthNames.fa[nextMonth - 1]!) });
    await heading.waitFor();
    assert.match((await heading.textContent()) ?? '', new RegExp(toPersianDigits(String(nextYear))));
    const cell = day(tenth);
    for (const [time, subject] of BUSY_DAY.slice(0, 3)) await event(cell, time, subject).waitFor();
    assert.equal(await cell.getByRole('link').count(), 3, 'three shown in the cell');
    for (const neighbour of [addDays(tenth, -1), addDays(tenth, 1)]) {
      assert.equal(await day(neighbour).getByRole('link').count(), 0, `nothing on ${neighbour}`);
    }
    await app.screenshot('calendar-month');

    await cell.getByRole('button', { name: `${toPersianDigits('1')} مورد دیگر` }).click();
    assert.equal(await view('روز').getAttribute('aria-pressed'), 'true');
    for (const [time, subject] of BUSY_DAY) await assertAt(tenth, time, subject);
  });

  test('a click on an empty day of the month view opens a new activity at 9:00 that day, which is saved there', async () => {
    const { page } = app;
    await view('ماه').click();
    await day(twentieth).click();
    const dialog = page.getByRole('dialog', {
      name: `فعالیت تازه در ${jalali(twentieth)} ${toPersianDigits('09:00')}`,
    });
    await dialog.getByRole('textbox', { name: 'موضوع' }).fill('بازدید از نمایشگاه صنعت ساختمان');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'detached' });
    await event(day(twentieth), '09:00', 'بازدید از نمایشگاه صنعت ساختمان').waitFor();
    const { data } = await app.api('POST', '/activities/query', {
      filter: { field: 'subject', op: 'eq', value: 'بازدید از نمایشگاه صنعت ساختمان' },
    });
    assert.deepEqual(
      data.map((a: { startsAt: string; endsAt: string }) => [a.startsAt, a.endsAt]),
      [[tehran(twentieth, '09:00'), tehran(twentieth, '09:30')]],
    );
  });

  test('a colleague’s calendar shows what she owns or takes part in, and not mine or another colleague’s', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'امروز', exact: true }).click();
    await view('روز').click();
    await page.getByRole('button', { name: 'بازه بعدی' }).click();
    await event(day(tomorrow), '10:30', MINE).waitFor();
    await page.getByRole('combobox', { name: /^تقویم/ }).click();
    await page.getByRole('option', { name: 'تقویم یک کاربر' }).click();
    await page.getByRole('combobox', { name: 'کاربر', exact: true }).fill('سارا');
    await page.getByRole('option', { name: 'سارا احمدی' }).click();
    await assertAt(tomorrow, '09:00', SARAS_CALL);
    await assertAt(tomorrow, '13:00', SARA_TAKES_PART);
    assert.deepEqual(await subjectsOn(day(tomorrow)), [SARAS_CALL, SARA_TAKES_PART]);
    await app.screenshot('calendar-colleague');
  });

  test('a group’s calendar shows its members’ and its own activities, and nobody else’s', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: /^تقویم/ }).click();
    await page.getByRole('option', { name: 'تقویم یک گروه' }).click();
    await page.getByRole('combobox', { name: 'گروه', exact: true }).fill('اصفهان');
    await page.getByRole('option', { name: 'تیم فروش اصفهان' }).click();
    await assertAt(tomorrow, '15:00', THE_TEAMS);
    assert.deepEqual(await subjectsOn(day(tomorrow)), [SARAS_CALL, SARA_TAKES_PART, THE_TEAMS]);
    await app.screenshot('calendar-group');

    await page.getByRole('combobox', { name: /^تقویم/ }).click();
    await page.getByRole('option', { name: 'تقویم من' }).click();
    await event(day(tomorrow), '10:30', MINE).waitFor();
    assert.deepEqual(await subjectsOn(day(tomorrow)), [MINE, 'تماس تصویری با نمایندگی شیراز']);
  });
});

/** The subjects of the activities in a day's column, top to bottom. */
async function subjectsOn(column: Locator): Promise<string[]> {
  const names = await column
    .getByRole('link')
    .evaluateAll((links) =>
      links.map((l) => ({ name: l.getAttribute('aria-label') ?? '', y: l.getBoundingClientRect().y })),
    );
  return names.sort((a, b) => a.y - b.y).map((l) => l.name.replace(/^[۰-۹]{2}:[۰-۹]{2} /, ''));
}
