import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, formatJalaliDate, tehranDateOf, toPersianDigits } from '@peyvand/shared';
import type { Page } from 'playwright-core';
import { TestClock } from '../../server/test/support/test-clock.js';
import { type AppSession, logIn, logInAs, openApp } from './support/app-session.js';

/** An ISO instant at a Tehran wall-clock time (UTC+03:30 all year since 2022). */
const tehran = (date: string, time: string) => new Date(`${date}T${time}:00+03:30`).toISOString();
const SARA = { email: 'sara.ahmadi@peyvand.test', password: 'Sara-password-1403' };
const WIDGETS = ['فعالیت‌های پیش رو', 'فعالیت‌های عقب‌افتاده', 'تماس‌های امروز', 'بازدیدهای اخیر'];

/** The dashboard as each user keeps it: today's calls, their own arrangement, the records they opened last. */
describe('the dashboard', () => {
  // The server's day stands still, so «today» cannot turn into tomorrow halfway through.
  const clock = new TestClock(new Date().toISOString());
  const today = tehranDateOf(clock.now());
  const tomorrow = addDays(today, 1);
  let app: AppSession;
  let organization: { id: string };
  let contact: { id: string };

  /** The dashboard's widgets, by their titles, top to bottom. */
  const widgetsOn = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
  /** Runs an action and waits until the server has stored the preference it changes: the arrangement, unless told. */
  async function saved(action: () => Promise<void>, preference = 'dashboardWidgets') {
    const stored = app.page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith(`/me/preferences/${preference}`) && r.ok(),
    );
    await action();
    await stored;
  }

  before(async () => {
    app = await openApp({ server: { now: clock.now } });
    const sara = await app.api('POST', '/users', {
      ...SARA,
      firstName: 'سارا',
      lastName: 'احمدی',
      role: 'user',
      active: true,
    });
    const activity = (type: string, subject: string, date: string, time: string, extra: object = {}) =>
      app.api('POST', '/activities', { type, subject, startsAt: tehran(date, time), ...extra });
    await activity('call', 'تماس پیگیری با پرتو گستر امید', today, '16:00');
    await activity('call', 'تماس با احمد صادقی', today, '08:00', { status: 'held' });
    await activity('call', 'تماس با نمایندگی شیراز', tomorrow, '10:00');
    await activity('meeting', 'جلسه با تیم فنی', today, '11:00');
    await activity('call', 'تماس با مشتری کرج', today, '12:00', { ownerId: sara.id });
    organization = await app.api('POST', '/organizations', { name: 'پرتو گستر امید' });
    contact = await app.api('POST', '/contacts', { firstName: 'احمد', lastName: 'صادقی' });
    await logIn(app.page, app.server.url, '/');
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  test('today’s calls lists my calls of today in time order, held or not; not tomorrow’s, a meeting or a colleague’s', async () => {
    const calls = app.page.getByRole('region', { name: 'تماس‌های امروز' });
    await calls.getByRole('link', { name: 'تماس با احمد صادقی' }).waitFor();
    assert.deepEqual(await calls.getByRole('link').allTextContents(), [
      'تماس با احمد صادقی',
      'تماس پیگیری با پرتو گستر امید',
    ]);
    const at = (time: string) => toPersianDigits(`${formatJalaliDate(today)} ${time}`);
    assert.match(await calls.innerText(), new RegExp(`تماس با احمد صادقی\\s+${at('08:00')}\\s+برگزار شد`));
    assert.match(await calls.innerText(), new RegExp(`تماس پیگیری با پرتو گستر امید\\s+${at('16:00')}`));
    await app.screenshot('dashboard-todays-calls');
  });

  test('widgets moved up and hidden stay so after a reload', async () => {
    const { page } = app;
    assert.deepEqual(await widgetsOn(page), WIDGETS, 'the usual arrangement at first');
    await page.getByRole('button', { name: 'چیدمان ابزارک‌ها' }).click();
    const arrange = page.getByRole('list', { name: 'چیدمان ابزارک‌ها' });
    assert.equal(await arrange.getByRole('button', { name: 'بالا بردن فعالیت‌های پیش رو' }).isDisabled(), true);
    await saved(() => arrange.getByRole('button', { name: 'بالا بردن تماس‌های امروز' }).click());
    await saved(() => arrange.getByRole('button', { name: 'بالا بردن تماس‌های امروز' }).click());
    await saved(() => arrange.getByRole('checkbox', { name: 'نمایش فعالیت‌های عقب‌افتاده' }).uncheck());
    await page.getByRole('region', { name: 'فعالیت‌های عقب‌افتاده' }).waitFor({ state: 'detached' });
    await app.screenshot('dashboard-arrange');
    await page.getByRole('button', { name: 'پایان چیدمان' }).click();
    const arranged = ['تماس‌های امروز', 'فعالیت‌های پیش رو', 'بازدیدهای اخیر'];
    assert.deepEqual(await widgetsOn(page), arranged);

    // On a slow connection too, the dashboard opens as arranged: the usual widgets do not flash first.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/me/preferences', async (route) => {
      await held;
      await route.continue();
    });
    try {
      const agenda = page.waitForResponse((r) => r.url().includes('/api/v1/me/agenda'));
      await page.reload();
      await agenda;
      assert.equal(await page.getByRole('region', { name: 'فعالیت‌های عقب‌افتاده' }).count(), 0, 'no hidden widget');
    } finally {
      release();
      await page.unrouteAll({ behavior: 'wait' });
    }
    await page.getByRole('region', { name: 'تماس‌های امروز' }).getByRole('link').first().waitFor();
    assert.deepEqual(await widgetsOn(page), arranged);
    assert.equal(await arrange.count(), 0, 'the arranging panel is closed again');
    await page.getByRole('button', { name: 'چیدمان ابزارک‌ها' }).click();
    assert.equal(await arrange.getByRole('checkbox', { name: 'نمایش فعالیت‌های عقب‌افتاده' }).isChecked(), false);
    await page.getByRole('button', { name: 'پایان چیدمان' }).click();
  });

  test('a colleague’s dashboard keeps the usual arrangement and lists her own calls of today', async () => {
    const colleague = await logInAs(app, SARA.email, SARA.password, '/');
    try {
      const calls = colleague.page.getByRole('region', { name: 'تماس‌های امروز' });
      await calls.getByRole('link', { name: 'تماس با مشتری کرج' }).waitFor();
      assert.deepEqual(await calls.getByRole('link').allTextContents(), ['تماس با مشتری کرج']);
      assert.deepEqual(await widgetsOn(colleague.page), WIDGETS);
      await app.screenshot('dashboard-colleague', colleague.page);
    } finally {
      await colleague.close();
    }
    // Mine is still as I left it.
    await app.page.reload();
    await app.page.getByRole('region', { name: 'تماس‌های امروز' }).getByRole('link').first().waitFor();
    assert.deepEqual(await widgetsOn(app.page), ['تماس‌های امروز', 'فعالیت‌های پیش رو', 'بازدیدهای اخیر']);
  });

  test('a record I open goes to the top of recently viewed, with its module', async () => {
    const { page } = app;
    const recent = page.getByRole('region', { name: 'بازدیدهای اخیر' });
    await recent.getByText('موردی نیست.').waitFor();
    // A page puts its record on the list once both have loaded; leaving before the server has it would lose it.
    const view = (path: string, title: string) =>
      saved(async () => {
        await page.goto(app.url(path));
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
      }, 'recentRecords');
    await view(`/contacts/${contact.id}`, 'احمد صادقی');
    await view(`/organizations/${organization.id}`, 'پرتو گستر امید');
    await page.getByRole('navigation', { name: 'بخش‌ها' }).getByRole('link', { name: 'پیشخوان' }).click();
    // Each title is fetched with its own module's batch: one can be shown while the other still loads.
    await recent.getByRole('link', { name: 'پرتو گستر امید' }).waitFor();
    await recent.getByRole('link', { name: 'احمد صادقی' }).waitFor();
    assert.deepEqual(await recent.getByRole('link').allTextContents(), ['پرتو گستر امید', 'احمد صادقی']);
    assert.deepEqual(await recent.getByRole('listitem').allInnerTexts(), [
      'پرتو گستر امید · سازمان',
      'احمد صادقی · مخاطب',
    ]);

    await recent.getByRole('link', { name: 'احمد صادقی' }).click();
    await page.getByRole('heading', { level: 1, name: 'احمد صادقی' }).waitFor();
    await page.goBack();
    await recent.getByRole('link').first().waitFor();
    assert.deepEqual(await recent.getByRole('link').allTextContents(), ['احمد صادقی', 'پرتو گستر امید']);
    await app.screenshot('dashboard-recent');
  });
});
