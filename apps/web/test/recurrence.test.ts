import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, formatJalaliDate, tehranDateOf, toPersianDigits } from '@peyvand/shared';
import { type AppSession, logIn, openApp } from './support/app-session.js';

const SUBJECT = 'جلسه هفتگی تیم فروش';
const jalali = (iso: string) => formatJalaliDate(iso, { persianDigits: true });

/** A repeating meeting set up the way people say it, from an empty slot of the calendar. */
describe('a weekly meeting from the calendar', () => {
  // The Saturday that opens next week (the Iranian week runs Saturday to Friday).
  const today = tehranDateOf(new Date());
  const saturday = addDays(today, 7 - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 1) % 7));
  const monday = addDays(saturday, 2);
  let app: AppSession;
  before(async () => {
    app = await openApp();
    await logIn(app.page, app.server.url, '/calendar');
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  const day = (iso: string) => app.page.getByRole('group', { name: new RegExp(jalali(iso)) });

  test('a click on a slot opens a new activity there; it repeats on Saturdays and Mondays, four times', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'بازه بعدی' }).click();
    await day(saturday)
      .getByRole('button', { name: `افزودن فعالیت در ${jalali(saturday)} ${toPersianDigits('09:00')}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `فعالیت تازه در ${jalali(saturday)} ${toPersianDigits('09:00')}` });
    await dialog.getByRole('textbox', { name: 'موضوع' }).fill(SUBJECT);
    await dialog.getByRole('combobox', { name: 'تکرار' }).click();
    await page.getByRole('option', { name: 'هفتگی' }).click();
    await dialog.getByText('روزی انتخاب نشده است').waitFor();
    await dialog.getByRole('button', { name: 'شنبه', exact: true }).click();
    await dialog.getByRole('button', { name: 'دوشنبه', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'پایان' }).click();
    await page.getByRole('option', { name: 'پس از چند بار' }).click();
    await dialog.getByRole('textbox', { name: 'چند بار' }).fill('۴');
    await app.screenshot('recurrence-form');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'detached' });

    const { data } = await app.api('POST', '/activities/query', {
      filter: { field: 'subject', op: 'eq', value: SUBJECT },
    });
    assert.equal(data.length, 1);
    assert.equal(data[0].recurrence, 'FREQ=WEEKLY;BYDAY=SA,MO;COUNT=4');
    assert.equal(data[0].startsAt, new Date(`${saturday}T09:00:00+03:30`).toISOString());
  });

  test('the week views show it on both days, two weeks running, and not a third', async () => {
    const { page } = app;
    const meeting = (iso: string) => day(iso).getByRole('link', { name: `${toPersianDigits('09:00')} ${SUBJECT}` });
    await meeting(saturday).waitFor();
    await meeting(monday).waitFor();
    assert.equal(
      await day(addDays(saturday, 1))
        .getByRole('link', { name: new RegExp(SUBJECT) })
        .count(),
      0,
    );
    await page.getByRole('button', { name: 'بازه بعدی' }).click();
    await meeting(addDays(saturday, 7)).waitFor();
    await meeting(addDays(monday, 7)).waitFor();
    await page.getByRole('button', { name: 'بازه بعدی' }).click();
    await day(addDays(saturday, 14)).waitFor();
    // The week's columns are drawn at once, its activities once the loading bar has gone.
    await page.getByRole('main').getByRole('progressbar').waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('link', { name: new RegExp(SUBJECT) }).count(), 0, 'four times, then no more');
  });

  test('the activity says how it repeats in words, and its form reads the rule back', async () => {
    const { page } = app;
    const { data } = await app.api('POST', '/activities/query', {
      filter: { field: 'subject', op: 'eq', value: SUBJECT },
    });
    await page.goto(app.url(`/activities/${data[0].id}`));
    await page.getByText('هر هفته، شنبه و دوشنبه، ۴ بار').waitFor();
    await page.getByRole('button', { name: 'ویرایش', exact: true }).click();
    const repeats = page.getByRole('combobox', { name: 'تکرار' });
    await repeats.waitFor();
    assert.equal(await repeats.textContent(), 'هفتگی');
    assert.equal(await page.getByRole('button', { name: 'شنبه', exact: true }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByRole('button', { name: 'یکشنبه', exact: true }).getAttribute('aria-pressed'), 'false');
    assert.equal(await page.getByRole('textbox', { name: 'چند بار' }).inputValue(), '۴');
  });
});
