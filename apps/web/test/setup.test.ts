import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AppSession, openApp } from './support/app-session.js';

/** On an empty database the web app creates the first administrator and logs them in. */
describe('first-run set-up', () => {
  let app: AppSession;
  before(async () => {
    app = await openApp({ withAdmin: false });
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  test('the set-up form creates the administrator, checks the password first, and opens the app', async () => {
    const { page } = app;
    await page.goto(app.url('/'));
    const form = page.getByRole('form', { name: 'راه‌اندازی نخستین' });
    await form.getByLabel(/^نام/).first().fill('نسرین');
    await form.getByLabel(/^نام خانوادگی/).fill('افشار');
    await form.getByLabel(/^ایمیل/).fill('nasrin@peyvand.test');
    await form.getByLabel(/^گذرواژه/).fill('short');
    await form.getByRole('button', { name: 'ساخت حساب مدیر و ورود' }).click();
    await form.getByText('دست‌کم ۸ نویسه لازم است.').waitFor();
    await app.screenshot('setup');
    await form.getByLabel(/^گذرواژه/).fill('a long secret 1403');
    await form.getByRole('button', { name: 'ساخت حساب مدیر و ورود' }).click();
    await page.getByRole('navigation', { name: 'بخش‌ها' }).waitFor();
    await page.getByRole('link', { name: 'تنظیمات' }).waitFor();
    const setup = await fetch(app.url('/api/v1/auth/setup')).then((r) => r.json());
    assert.equal(setup.needed, false);
  });
});
