import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AppSession, logIn, openApp } from './support/app-session.js';

const contact = (firstName: string, lastName: string, city: string) => ({
  firstName,
  lastName,
  addresses: [{ kind: 'main', city, street: 'خیابان آزادی' }],
});

/** Custom lists from the filter builder, column choice, bulk actions, the recycle bin and quick add. */
describe('lists, custom lists and quick add', () => {
  let app: AppSession;
  before(async () => {
    app = await openApp();
    for (const c of [
      contact('مریم', 'احمدی', 'تهران'),
      contact('علی', 'رضایی', 'تهران'),
      contact('زهرا', 'کریمی', 'اصفهان'),
      contact('حسین', 'موسوی', 'شیراز'),
    ]) {
      await app.api('POST', '/contacts', c);
    }
    await logIn(app.page, app.server.url, '/contacts');
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  const rows = () => app.page.locator('tbody tr[data-record-id]');
  /** Waits until the list shows exactly `count` records (a new filter first empties it while it loads). */
  const rowCount = (count: number) =>
    app.page.waitForFunction((n) => document.querySelectorAll('tbody tr[data-record-id]').length === n, count);

  test('the filter builder narrows the list to contacts in Tehran, and saves it as a shared custom list', async () => {
    const { page } = app;
    await rows().nth(3).waitFor();
    await page.getByRole('button', { name: 'فیلتر' }).click();
    const dialog = page.getByRole('dialog', { name: 'فیلتر' });
    await dialog.getByRole('combobox', { name: 'فیلد' }).fill('شهر');
    await page.getByRole('option', { name: 'نشانی‌ها › شهر' }).click();
    await dialog.getByRole('textbox', { name: 'مقدار' }).fill('تهران');
    await app.screenshot('filter-builder');
    await dialog.getByRole('button', { name: 'اعمال فیلتر' }).click();
    await page.getByRole('row', { name: /کریمی/ }).waitFor({ state: 'detached' });
    await rowCount(2);

    await page.getByRole('button', { name: 'ذخیره به‌عنوان فهرست' }).click();
    const save = page.getByRole('dialog', { name: 'ذخیره به‌عنوان فهرست' });
    await save.getByLabel('نام فهرست').fill('مخاطبین تهران');
    await save.getByLabel('اشتراک با همه کاربران').check();
    await save.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByRole('heading', { level: 1, name: 'مخاطبین' }).waitFor();
    await page.getByText('مخاطبین تهران').first().waitFor();
    assert.match(page.url(), /\?list=/);
    const lists = await app.api('GET', '/saved-lists?module=contacts');
    assert.equal(lists.data[0].name, 'مخاطبین تهران');
    assert.equal(lists.data[0].shared, true);
    assert.deepEqual(lists.data[0].filter, { and: [{ field: 'addresses.city', op: 'eq', value: 'تهران' }] });
  });

  test('the custom list is picked from the list header and filters again', async () => {
    const { page } = app;
    await page.goto(app.url('/contacts'));
    await rows().nth(3).waitFor();
    await page.getByRole('combobox', { name: 'فهرست' }).click();
    await page.getByRole('option', { name: /مخاطبین تهران/ }).click();
    await page.getByRole('row', { name: /کریمی/ }).waitFor({ state: 'detached' });
    await rowCount(2);
    await app.screenshot('custom-list');
  });

  test("an administrator updates another user's shared list from the list header", async () => {
    const { page } = app;
    const email = 'sara.ahmadi@peyvand.test';
    const password = 'Sara-password-1403';
    const sara = await app.api('POST', '/users', {
      email,
      password,
      firstName: 'سارا',
      lastName: 'احمدی',
      role: 'user',
      active: true,
    });
    const login = await fetch(app.url('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await fetch(app.url('/api/v1/saved-lists'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: login.headers.get('set-cookie')!.split(';')[0]!,
        'x-csrf-token': csrfToken,
      },
      body: JSON.stringify({ module: 'contacts', name: 'فهرست سارا', shared: true, filter: null, sort: null }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const list = (await created.json()) as { id: string };

    await page.goto(app.url(`/contacts?list=${list.id}`));
    await rows().nth(3).waitFor();
    await page.getByRole('button', { name: 'به‌روزرسانی فهرست' }).click();
    const dialog = page.getByRole('dialog', { name: 'به‌روزرسانی فهرست' });
    await dialog.getByLabel('نام فهرست').fill('فهرست سارا و مدیر');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'detached' });
    const stored = await app.api('GET', `/saved-lists/${list.id}`);
    assert.equal(stored.name, 'فهرست سارا و مدیر');
    assert.deepEqual([stored.ownerId, stored.shared], [sara.id, true]);
  });

  test('a column chosen in the column chooser stays after a reload', async () => {
    const { page } = app;
    await page.goto(app.url('/contacts'));
    await page.getByRole('button', { name: 'ستون‌ها' }).click();
    // The column shows at once; the choice reaches the server in the background, and a reload reads it from there.
    const stored = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/me/preferences/list.contacts.columns') && r.ok(),
    );
    await page.getByRole('dialog', { name: 'ستون‌ها' }).getByLabel('نشانی‌ها').check();
    await page.keyboard.press('Escape');
    await page.getByRole('columnheader', { name: 'نشانی‌ها' }).waitFor();
    await stored;
    await page.reload();
    await page.getByRole('columnheader', { name: 'نشانی‌ها' }).waitFor();
    assert.match(await rows().first().innerText(), /خیابان آزادی/);
  });

  test('two selected contacts go to the recycle bin at once, and one comes back from there', async () => {
    const { page } = app;
    await page.getByRole('checkbox', { name: /CON-1003/ }).check();
    await page.getByRole('checkbox', { name: /CON-1004/ }).check();
    await page.getByRole('region', { name: 'کارهای گروهی' }).getByText('۲ مورد انتخاب شده').waitFor();
    await page.getByRole('region', { name: 'کارهای گروهی' }).getByRole('button', { name: 'حذف' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'حذف' }).click();
    await page.getByText('۲ رکورد به سطل بازیافت رفت.').waitFor();
    await page.getByRole('row', { name: /کریمی/ }).waitFor({ state: 'detached' });
    await rowCount(2);

    await page.getByRole('link', { name: 'سطل بازیافت' }).click();
    await page.getByRole('combobox', { name: /^بخش/ }).click();
    await page.getByRole('option', { name: 'مخاطبین' }).click();
    const deleted = page.getByRole('row', { name: /کریمی/ });
    await deleted.getByRole('button', { name: 'بازگرداندن' }).click();
    await page.getByText('رکورد بازگردانده شد.').waitFor();
    await app.screenshot('recycle-bin');
    const { data } = await app.api('POST', '/contacts/query', {});
    assert.deepEqual(data.map((c: { lastName: string }) => c.lastName).sort(), ['احمدی', 'رضایی', 'کریمی']);
  });

  test('selected contacts are assigned to a group at once', async () => {
    const { page } = app;
    const group = await app.api('POST', '/groups', { name: 'فروش تهران' });
    await page.getByRole('navigation', { name: 'بخش‌ها' }).getByRole('link', { name: 'مخاطبین' }).click();
    await page.getByRole('checkbox', { name: /CON-1001/ }).check();
    await page.getByRole('checkbox', { name: /CON-1002/ }).check();
    await page.getByRole('region', { name: 'کارهای گروهی' }).getByRole('button', { name: 'واگذاری' }).click();
    const dialog = page.getByRole('dialog', { name: 'واگذاری ۲ رکورد' });
    await dialog.getByRole('button', { name: 'به گروه' }).click();
    await dialog.getByRole('combobox', { name: 'به گروه' }).click();
    await page.getByRole('option', { name: 'فروش تهران' }).click();
    await dialog.getByRole('button', { name: 'واگذاری' }).click();
    await page.getByText('۲ رکورد واگذار شد.').waitFor();
    const { data } = await app.api('POST', '/contacts/query', {
      filter: { field: 'ownerGroupId', op: 'eq', value: group.id },
    });
    assert.deepEqual(data.map((c: { number: string }) => c.number).sort(), ['CON-1001', 'CON-1002']);
  });

  test('quick add: (+), pick leads, fill the short form, save', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'افزودن سریع' }).click();
    await page.getByRole('menuitem', { name: 'سرنخ فروش' }).click();
    const dialog = page.getByRole('dialog', { name: 'افزودن سریع سرنخ فروش' });
    await dialog.getByLabel('نام', { exact: true }).fill('احمد');
    await dialog.getByLabel('نام خانوادگی').fill('صادقی');
    await dialog.getByLabel('شرکت').fill('پرتو گستر امید');
    await dialog.getByLabel('شماره موبایل').fill('۰۹۱۳۸۰۸۶۲۰۰');
    await app.screenshot('quick-add');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('ذخیره شد.').waitFor();
    const { data } = await app.api('POST', '/leads/query', {});
    assert.equal(data.length, 1);
    assert.equal(data[0].company, 'پرتو گستر امید');
    assert.equal(data[0].mobile, '+989138086200');
    await page.getByRole('navigation', { name: 'بخش‌ها' }).getByRole('link', { name: 'سرنخ‌های فروش' }).click();
    await page.getByRole('row', { name: /پرتو گستر امید/ }).waitFor();
  });
});
