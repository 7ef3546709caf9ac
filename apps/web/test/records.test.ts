import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseJalaliDate } from '@peyvand/shared';
import { type AppSession, logIn, openApp } from './support/app-session.js';

/** Organizations and contacts through the generated forms, the list, search and a 409, in Persian. */
describe('records through the forms', () => {
  let app: AppSession;
  before(async () => {
    app = await openApp();
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  test('the app opens right to left, in Persian, at the login page', async () => {
    const { page } = app;
    await page.goto(app.url('/contacts'));
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fa');
    await app.screenshot('login');
    await logIn(page, app.server.url, '/contacts');
    await page.getByRole('heading', { name: 'مخاطبین', level: 1 }).waitFor();
  });

  test('an organization is created through the full form; Persian digits are read as numbers', async () => {
    const { page } = app;
    await page.goto(app.url('/organizations/new'));
    await page.getByLabel('نام سازمان').fill('پرتو گستر امید');
    await page.getByLabel('تلفن', { exact: true }).fill('۰۳۱-۹۱۰۰۷۸۷۹');
    await page.getByLabel('درآمد سالانه').fill('۱۲۵۰۰۰۰۰۰۰');
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByRole('heading', { name: 'پرتو گستر امید', level: 1 }).waitFor();
    await page.getByText('۱٬۲۵۰٬۰۰۰٬۰۰۰ ریال').waitFor();
    const { data } = await app.api('POST', '/organizations/query', {
      filter: { field: 'name', op: 'eq', value: 'پرتو گستر امید' },
    });
    assert.equal(data[0].phone, '+983191007879');
    assert.equal(data[0].annualRevenue, 1_250_000_000);
  });

  test('a wrong phone number is caught in the browser, on its field, before anything is sent', async () => {
    const { page } = app;
    await page.goto(app.url('/contacts/new'));
    await page.getByLabel('نام', { exact: true }).fill('احمد');
    await page.getByLabel('شماره').first().fill('۱۲۳');
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByText('شماره تلفن نامعتبر است.').waitFor();
    assert.equal(
      await page
        .getByLabel('شماره')
        .first()
        .evaluate((e) => e === document.activeElement),
      true,
    );
  });

  test('a contact is created with its organization picked by search, a Jalali birth date and a phone in Persian digits', async () => {
    const { page } = app;
    await page.getByLabel('نام خانوادگی').fill('صادقی');
    await page.getByLabel('شماره').first().fill('۰۹۱۳ ۸۰۸ ۶۲۰۰');
    await page.getByRole('combobox', { name: 'سازمان' }).fill('پرتو');
    await page.getByRole('option', { name: 'پرتو گستر امید' }).click();
    // The Jalali picker takes the date typed as digits, section by section.
    await page.getByRole('group', { name: 'تاریخ تولد' }).click();
    await page.keyboard.type('13700512');
    await app.screenshot('contact-form');
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByRole('heading', { name: 'احمد صادقی', level: 1 }).waitFor();
    await page.getByText('۱۳۷۰/۰۵/۱۲').waitFor();
    await page.getByRole('link', { name: 'پرتو گستر امید' }).waitFor();
    await app.screenshot('contact-record');
    const { data } = await app.api('POST', '/contacts/query', {
      filter: { field: 'lastName', op: 'eq', value: 'صادقی' },
    });
    assert.equal(data[0].birthDate, parseJalaliDate('1370/05/12'));
    assert.equal(data[0].phones[0].number, '+989138086200');
  });

  test('both appear in the contacts list, the organization by name', async (t) => {
    const { page } = app;
    const started = Date.now();
    await page.getByRole('navigation', { name: 'بخش‌ها' }).getByRole('link', { name: 'مخاطبین' }).click();
    const row = page.getByRole('row', { name: /احمد.*صادقی/ });
    await row.waitFor();
    t.diagnostic(`contacts list shown ${Date.now() - started} ms after navigation`);
    assert.match(await row.innerText(), /پرتو گستر امید/);
    assert.match(await row.innerText(), /۰۹۱۳/);
    await app.screenshot('contacts-list');
  });

  test('global search finds the contact typed with Arabic letters and opens it from the keyboard', async (t) => {
    const { page } = app;
    const search = page.getByRole('combobox', { name: 'جستجو در همه بخش‌ها' });
    const started = Date.now();
    await search.fill('صادقي');
    await page.getByRole('option', { name: /احمد صادقی/ }).waitFor();
    t.diagnostic(`search answered ${Date.now() - started} ms after typing (200 ms of it is the typing pause)`);
    await page.getByText('مخاطبین', { exact: true }).last().waitFor();
    await app.screenshot('search');
    await search.press('ArrowDown');
    await search.press('Enter');
    await page.getByRole('heading', { name: 'احمد صادقی', level: 1 }).waitFor();
  });

  test('a change saved meanwhile by someone else is a conflict the user can reload from', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'ویرایش سمت' }).click();
    await page.getByRole('textbox', { name: 'سمت' }).fill('مدیر فروش');
    const [contact] = (
      await app.api('POST', '/contacts/query', { filter: { field: 'lastName', op: 'eq', value: 'صادقی' } })
    ).data;
    await app.api('PATCH', `/contacts/${contact.id}`, { title: 'مدیر عامل', version: contact.version });
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByText('این رکورد تغییر کرده است').waitFor();
    await app.screenshot('conflict');
    await page.getByRole('alert').getByRole('button', { name: 'بارگذاری دوباره' }).click();
    await page.getByText('مدیر عامل').waitFor();
    assert.equal(await page.getByText('مدیر فروش').count(), 0);
  });
});
