import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { type AppSession, logIn, openApp } from './support/app-session.js';

/** The field manager's custom fields in forms and records, English and Gregorian per user, a phone-sized screen. */
describe('custom fields, language and calendar', () => {
  let app: AppSession;
  let contactId: string;
  before(async () => {
    app = await openApp();
    contactId = (await app.api('POST', '/contacts', { firstName: 'مریم', lastName: 'احمدی', birthDate: '1991-08-03' }))
      .id;
    await logIn(app.page, app.server.url, '/settings');
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  test('an administrator adds a number field to contacts in the field manager', async () => {
    const { page } = app;
    await page
      .getByRole('main')
      .getByRole('link', { name: /^مخاطبین/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'فیلدهای مخاطبین' }).waitFor();
    await page.getByRole('button', { name: 'افزودن فیلد' }).click();
    const dialog = page.getByRole('dialog', { name: 'افزودن فیلد' });
    await dialog.getByLabel('برچسب فارسی').fill('امتیاز باشگاه');
    await dialog.getByLabel('برچسب انگلیسی').fill('Club points');
    await dialog.getByLabel('نام API').fill('clubPoints');
    await dialog.getByRole('combobox', { name: /^نوع فیلد/ }).click();
    await page.getByRole('option', { name: 'عدد', exact: true }).click();
    await dialog.getByLabel('افزودن سریع').check();
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('custom.clubPoints').waitFor();
    await app.screenshot('field-manager');
    const fields = await app.api('GET', '/metadata/modules/contacts/fields');
    const added = fields.data.find((f: { name: string }) => f.name === 'clubPoints');
    assert.equal(added.type, 'number');
    assert.equal(added.quickCreate, true);
  });

  test('a field hidden in the field manager leaves the forms', async () => {
    const { page } = app;
    const row = page.getByRole('listitem').filter({ hasText: 'assistant' });
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/metadata/modules/contacts/fields/assistant') && r.ok(),
    );
    await row.getByLabel('نمایش').uncheck();
    await saved;
    await page.goto(app.url('/contacts/new'));
    await page.getByRole('textbox', { name: 'نام خانوادگی' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'دستیار' }).count(), 0);
  });

  test('the new field is in the form, takes Persian digits and shows on the record', async () => {
    const { page } = app;
    await page.goto(app.url(`/contacts/${contactId}`));
    await page.getByRole('button', { name: 'ویرایش امتیاز باشگاه' }).click();
    await page.getByRole('textbox', { name: 'امتیاز باشگاه' }).fill('۱۲۵۰');
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByText('۱٬۲۵۰').waitFor();
    const stored = await app.api('GET', `/contacts/${contactId}`);
    assert.equal(stored.custom.clubPoints, 1250);

    await page.getByRole('button', { name: 'افزودن سریع' }).click();
    await page.getByRole('menuitem', { name: 'مخاطب', exact: true }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'امتیاز باشگاه' }).waitFor();
    await page.keyboard.press('Escape');
  });

  test('English and Gregorian per user: the page turns left to right, dates follow the calendar, and back', async () => {
    const { page } = app;
    await page.getByText('۱۳۷۰/۰۵/۱۲').waitFor();
    // The page switches at once; each choice reaches the user's record by a PATCH of its own, in the background.
    const storedOnMe = (change: Record<string, string>) =>
      page.waitForResponse(
        (r) =>
          r.request().method() === 'PATCH' &&
          r.url().endsWith('/api/v1/me') &&
          r.ok() &&
          isDeepStrictEqual(r.request().postDataJSON(), change),
      );
    const stored = Promise.all([storedOnMe({ language: 'en' }), storedOnMe({ calendar: 'gregorian' })]);
    await page.getByRole('button', { name: 'حساب کاربری', exact: true }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Gregorian' }).click();
    await page.keyboard.press('Escape');
    await page.getByText('1991/08/03').waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contacts' }).waitFor();
    await page.getByText('Club points').waitFor();
    await app.screenshot('english-gregorian');
    await stored;
    const me = await app.api('GET', '/me');
    assert.equal(me.language, 'en');
    assert.equal(me.calendar, 'gregorian');

    // The choice is the user's: a reload keeps it.
    await page.reload();
    await page.getByText('1991/08/03').waitFor();

    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('button', { name: 'فارسی' }).click();
    await page.getByRole('button', { name: 'شمسی' }).click();
    await page.keyboard.press('Escape');
    await page.getByText('۱۳۷۰/۰۵/۱۲').waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  });

  test('on a phone-sized screen the navigation folds behind a menu button', async () => {
    // Persian, whatever the test before left behind.
    await app.api('PATCH', '/me', { language: 'fa', calendar: 'jalali' });
    const phone = await app.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(app.url('/contacts'));
    await phone.getByRole('heading', { level: 1, name: 'مخاطبین' }).waitFor();
    await phone.getByRole('row', { name: /احمدی/ }).waitFor();
    assert.equal(await phone.getByRole('link', { name: 'سازمان‌ها' }).isVisible(), false);
    await app.screenshot('phone-list', phone);
    await phone.getByRole('button', { name: 'باز کردن فهرست بخش‌ها' }).click();
    await phone.getByRole('link', { name: 'سازمان‌ها' }).click();
    await phone.getByRole('heading', { level: 1, name: 'سازمان‌ها' }).waitFor();
    await phone.close();
  });
});
