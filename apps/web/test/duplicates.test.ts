import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AppSession, logIn, openApp } from './support/app-session.js';

type Rec = Record<string, any> & { id: string; version: number };

/** Likely duplicates warned about on create, found per module, and merged by picking values. */
describe('duplicates in the web app', () => {
  let app: AppSession;
  let maryams: Rec[];
  before(async () => {
    app = await openApp();
    maryams = [
      await app.api('POST', '/contacts', { firstName: 'مریم', lastName: 'رضایی', title: 'مدیر فروش' }),
      await app.api('POST', '/contacts', {
        firstName: 'مريم',
        lastName: 'رضايي',
        emails: [{ kind: 'work', address: 'maryam@example.ir' }],
      }),
      await app.api('POST', '/contacts', {
        firstName: 'مریم',
        lastName: 'رضایی',
        title: 'کارشناس ارشد',
        phones: [{ kind: 'mobile', number: '09121234567' }],
      }),
    ];
    await app.api('POST', '/notes', { body: 'یادداشت پیگیری', links: [{ module: 'contacts', id: maryams[2]!.id }] });
    await logIn(app.page, app.server.url, '/contacts');
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  test('the create form warns before saving a likely duplicate, and saves it only when asked', async () => {
    const { page } = app;
    await page.goto(app.url('/contacts/new'));
    await page.getByLabel('نام', { exact: true }).fill('سارا');
    await page.getByLabel('نام خانوادگی').fill('کریمی');
    await page.getByLabel('شماره').first().fill('۰۹۱۲۱۲۳۴۵۶۷');
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByText('این رکورد احتمالاً تکراری است').waitFor();
    await page.getByText('موبایل یکسان').waitFor();
    const open = page.getByRole('link', { name: 'باز کردن مریم رضایی' });
    assert.equal(await open.getAttribute('href'), `/contacts/${maryams[2]!.id}`);
    const before = await app.api('POST', '/contacts/query', {
      filter: { field: 'lastName', op: 'eq', value: 'کریمی' },
    });
    assert.equal(before.data.length, 0, 'nothing saved while the warning is up');
    await page.getByRole('button', { name: 'با این حال ذخیره کن' }).click();
    await page.getByRole('heading', { name: 'سارا کریمی', level: 1 }).waitFor();
  });

  test('the find-duplicates screen, reached from the list, shows the group', async () => {
    const { page } = app;
    await page.goto(app.url('/contacts'));
    await page.getByRole('link', { name: 'یافتن تکراری‌ها' }).click();
    const group = page.getByRole('region', { name: 'گروه تکراری' }).filter({ hasText: 'نام یکسان یا بسیار نزدیک در همان سازمان' });
    await group.waitFor();
    for (const m of maryams) await group.getByText(m.number).waitFor();
  });

  test('three contacts merge in the UI with field picks, and the API agrees on the survivor', async () => {
    const { page } = app;
    const group = page.getByRole('region', { name: 'گروه تکراری' }).filter({ hasText: 'نام یکسان یا بسیار نزدیک در همان سازمان' });
    await group.getByRole('link', { name: 'ادغام این رکوردها' }).click();
    await page.getByRole('table').waitFor();
    const [first, second, third] = maryams as [Rec, Rec, Rec];
    await page.getByLabel(`نگه داشتن مریم رضایی`).first().waitFor();
    await page.getByRole('radio', { name: `سمت از ${third.number}` }).check();
    await page.getByRole('radio', { name: `ایمیل‌ها از ${second.number}` }).check();
    await page.getByRole('radio', { name: `تلفن‌ها از ${third.number}` }).check();
    await page.getByRole('button', { name: /^ادغام .* رکورد$/ }).click();
    await page.waitForURL(`**/contacts/${first.id}`);
    await page.getByText('کارشناس ارشد').first().waitFor();
    await page.getByRole('tab', { name: 'تاریخچه' }).click();
    await page.getByText(/ادغام شد با/).waitFor();

    const survivor = await app.api('GET', `/contacts/${first.id}`);
    assert.equal(survivor.title, 'کارشناس ارشد');
    assert.equal(survivor.emails[0].address, 'maryam@example.ir');
    assert.equal(survivor.phones[0].number, '+989121234567');
    const live = await app.api('POST', '/contacts/query', {
      filter: { field: 'firstName', op: 'in', value: ['مریم', 'مريم'] },
    });
    assert.deepEqual(
      live.data.map((r: Rec) => r.id),
      [first.id],
      'one Maryam left, the one the UI landed on',
    );
    const notes = await app.api('POST', '/notes/query', { filter: { field: 'links', op: 'eq', value: first.id } });
    assert.equal(notes.data.length, 1, 'the note moved to the survivor');
  });
});
