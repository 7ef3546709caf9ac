import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { toPersianDigits } from '@peyvand/shared';
import type { Page } from 'playwright-core';
import { type AppSession, logIn, logInAs, openApp } from './support/app-session.js';

const SARA = { email: 'sara.ahmadi@peyvand.test', password: 'Sara-password-1403' };
const MENTION_NOTE = 'هماهنگی ارسال بار با @سارا احمدی انجام شود.';
const HER_NOTE = 'کاتالوگ محصولات برای آقای صادقی فرستاده شد.';
const HER_NOTE_EDITED = 'کاتالوگ محصولات برای آقای صادقی فرستاده شد و دریافتش را تأیید کرد.';
const HER_SECOND_NOTE = 'قرار بازدید حضوری برای هفته بعد گذاشته شد.';
const CALL = 'تماس با احمد صادقی درباره پیش‌فاکتور';
/** useTimeline's page: the timeline asks for twenty entries at a time. */
const PAGE_SIZE = 20;

/** A lead's timeline: notes with mentions, who may change which note, the kind filter and paging. */
describe('notes and the timeline', () => {
  let app: AppSession;
  let sara: { id: string };
  let lead: { id: string };
  let organization: { id: string };
  /** Sara's own browser, logged in as her. */
  let hers: { page: Page; close(): Promise<void> };

  const timelineOf = (page: Page) => page.getByRole('list', { name: 'خط زمانی' });
  const noteIn = (page: Page, text: string) => timelineOf(page).getByRole('listitem').filter({ hasText: text });
  /** The timeline entry whose note is being edited. */
  const editing = (page: Page) =>
    timelineOf(page)
      .getByRole('listitem')
      .filter({ has: page.getByRole('textbox', { name: 'یادداشت' }) });
  /** Saves the note being edited, and waits until it reads as text again, in its new words. */
  async function saveEdit(page: Page, text: string) {
    await editing(page).getByRole('button', { name: 'ذخیره' }).click();
    // React keeps a textarea's text equal to its value: the open editor holds the new words too.
    await editing(page).waitFor({ state: 'detached' });
    await noteIn(page, text).waitFor();
  }
  async function write(page: Page, text: string) {
    await page.getByRole('textbox', { name: 'یادداشت' }).first().fill(text);
    await page.getByRole('button', { name: 'ثبت یادداشت' }).click();
    await noteIn(page, text).waitFor();
  }
  const storedNotes = async (body: string) =>
    (await app.api('POST', '/notes/query', { filter: { field: 'body', op: 'eq', value: body } })).data;

  before(async () => {
    app = await openApp();
    const user = (email: string, password: string, firstName: string, lastName: string) =>
      app.api('POST', '/users', { email, password, firstName, lastName, role: 'user', active: true });
    sara = await user(SARA.email, SARA.password, 'سارا', 'احمدی');
    await user('reza.karimi@peyvand.test', 'Reza-password-1403', 'رضا', 'کریمی');
    lead = await app.api('POST', '/leads', { firstName: 'احمد', lastName: 'صادقی', company: 'پرتو گستر امید' });
    const { version } = await app.api('GET', `/leads/${lead.id}`);
    await app.api('PATCH', `/leads/${lead.id}`, { mobile: '09138086200', version });
    await app.api('POST', '/activities', {
      type: 'call',
      subject: CALL,
      startsAt: new Date().toISOString(),
      links: [{ module: 'leads', id: lead.id }],
    });
    organization = await app.api('POST', '/organizations', { name: 'صنایع غذایی زاگرس' });
    for (let n = 1; n <= PAGE_SIZE + 5; n++) {
      await app.api('POST', '/notes', {
        body: `پیگیری شماره ${toPersianDigits(String(n))}`,
        links: [{ module: 'organizations', id: organization.id }],
      });
    }
    await logIn(app.page, app.server.url, `/leads/${lead.id}`);
    await app.page.getByRole('tab', { name: 'خط زمانی' }).click();
  });
  after(async () => {
    await hers?.close();
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  test('a colleague picked with @ in a note is notified of it, and her name in the note links to her', async () => {
    const { page } = app;
    const composer = page.getByRole('textbox', { name: 'یادداشت' });
    await composer.fill('هماهنگی ارسال بار با @سار');
    const picker = page.getByRole('list', { name: 'کاربرانی که می‌توان نام برد' });
    await picker.getByRole('button', { name: 'سارا احمدی' }).waitFor();
    // The list narrows to the name once typing pauses.
    await picker.getByRole('button', { name: 'رضا کریمی' }).waitFor({ state: 'detached' });
    assert.deepEqual(await picker.getByRole('button').allTextContents(), ['سارا احمدی'], 'only those the name fits');
    await app.screenshot('timeline-mention-picker');
    // A busy tab draws its frames late: a key typed right after the pick, then the next frame, then
    // the rest of the words. Each key must land where the one before it ended.
    await page.evaluate(() => {
      const draw = window.requestAnimationFrame.bind(window);
      Object.assign(window, { drawOnTime: draw });
      window.requestAnimationFrame = (callback) => draw((time) => setTimeout(() => callback(time), 200));
    });
    await picker.getByRole('button', { name: 'سارا احمدی' }).click();
    await page.keyboard.type('ا');
    await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(drawn)));
    await page.keyboard.type('نجام شود.');
    await page.evaluate(() => {
      window.requestAnimationFrame = (window as unknown as { drawOnTime: typeof requestAnimationFrame }).drawOnTime;
    });
    assert.equal(await composer.inputValue(), MENTION_NOTE);
    await page.getByRole('button', { name: 'ثبت یادداشت' }).click();
    const mention = noteIn(page, 'هماهنگی ارسال بار').getByRole('link', { name: '@سارا احمدی' });
    await mention.waitFor();
    assert.equal(await mention.getAttribute('href'), `/users/${sara.id}`);
    const [note] = await storedNotes(MENTION_NOTE);
    assert.deepEqual(note.mentions, [sara.id]);
    await page.getByRole('button', { name: `اعلان‌ها (${toPersianDigits('0')} خوانده‌نشده)` }).waitFor();

    hers = await logInAs(app, SARA.email, SARA.password, '/');
    await hers.page.getByRole('button', { name: `اعلان‌ها (${toPersianDigits('1')} خوانده‌نشده)` }).click();
    const centre = hers.page.getByRole('dialog', { name: 'اعلان‌ها' });
    await centre
      .getByRole('button', { name: /از شما در یک یادداشت نام برده شد: هماهنگی ارسال بار با @سارا احمدی/ })
      .click();
    await hers.page.waitForURL(app.url(`/notes/${note.id}`));
    await hers.page.getByRole('heading', { level: 1, name: /هماهنگی ارسال بار/ }).waitFor();
    await app.screenshot('timeline-mention-notified', hers.page);
  });

  test('a user is offered edit and delete on her own notes, not on a colleague’s', async () => {
    const { page } = hers;
    await page.goto(app.url(`/leads/${lead.id}`));
    await page.getByRole('tab', { name: 'خط زمانی' }).click();
    const others = noteIn(page, 'هماهنگی ارسال بار');
    await others.waitFor();
    assert.equal(await others.getByRole('button').count(), 0, 'nothing to press on the administrator’s note');
    await write(page, HER_NOTE);
    await write(page, HER_SECOND_NOTE);
    for (const text of [HER_NOTE, HER_SECOND_NOTE]) {
      const own = noteIn(page, text);
      assert.deepEqual(await own.getByRole('button').allTextContents(), ['ویرایش یادداشت', 'حذف یادداشت']);
    }
    await app.screenshot('timeline-own-notes', page);
    // The note's own page agrees: hers can be edited and deleted there, the administrator's cannot.
    const [adminNote] = await storedNotes(MENTION_NOTE);
    await page.goto(app.url(`/notes/${adminNote.id}`));
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^(ویرایش|حذف)/ }).count(), 0);
    const [own] = await storedNotes(HER_NOTE);
    await page.goto(app.url(`/notes/${own.id}`));
    await page.getByRole('button', { name: 'ویرایش', exact: true }).waitFor();
    await page.getByRole('button', { name: 'حذف', exact: true }).waitFor();
    await page.goto(app.url(`/leads/${lead.id}`));
    await page.getByRole('tab', { name: 'خط زمانی' }).click();
  });

  test('the author edits her note in place, and deletes the other after confirming', async () => {
    const { page } = hers;
    await noteIn(page, HER_NOTE).getByRole('button', { name: 'ویرایش یادداشت' }).click();
    const box = editing(page).getByRole('textbox', { name: 'یادداشت' });
    assert.equal(await box.inputValue(), HER_NOTE);
    await box.fill(HER_NOTE_EDITED);
    await saveEdit(page, HER_NOTE_EDITED);
    assert.equal((await storedNotes(HER_NOTE_EDITED)).length, 1);

    const [second] = await storedNotes(HER_SECOND_NOTE);
    await noteIn(page, HER_SECOND_NOTE).getByRole('button', { name: 'حذف یادداشت' }).click();
    const confirm = page.getByRole('dialog', { name: 'حذف یادداشت' });
    await confirm.getByText('یادداشت به سطل بازیافت می‌رود.').waitFor();
    await confirm.getByRole('button', { name: 'حذف' }).click();
    // The open dialog hides the timeline from role queries, so the note reads as gone until the dialog is.
    await confirm.waitFor({ state: 'detached' });
    await noteIn(page, HER_SECOND_NOTE).waitFor({ state: 'detached' });
    await assert.rejects(app.api('GET', `/notes/${second.id}`), /404/);
  });

  test('an administrator edits and deletes a colleague’s note', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('tab', { name: 'خط زمانی' }).click();
    const theirs = noteIn(page, HER_NOTE_EDITED);
    await theirs.getByRole('button', { name: 'ویرایش یادداشت' }).click();
    await editing(page).getByRole('textbox', { name: 'یادداشت' }).fill(`${HER_NOTE_EDITED} (بازبینی مدیر)`);
    await saveEdit(page, 'بازبینی مدیر');
    const [note] = await storedNotes(`${HER_NOTE_EDITED} (بازبینی مدیر)`);
    assert.equal(note.createdBy, sara.id, 'still hers');

    await noteIn(page, 'بازبینی مدیر').getByRole('button', { name: 'حذف یادداشت' }).click();
    const confirm = page.getByRole('dialog', { name: 'حذف یادداشت' });
    await confirm.getByRole('button', { name: 'حذف' }).click();
    await confirm.waitFor({ state: 'detached' });
    await noteIn(page, 'بازبینی مدیر').waitFor({ state: 'detached' });
    await assert.rejects(app.api('GET', `/notes/${note.id}`), /404/);
  });

  test('the kind filter shows only notes, only activities or only changes', async () => {
    const { page } = app;
    const filter = page.getByRole('group', { name: 'نمایش در خط زمانی' });
    const kind = (name: string) => filter.getByRole('button', { name, exact: true });
    const timeline = timelineOf(page);
    await timeline.getByRole('link', { name: CALL }).waitFor();
    const kindsShown = async () =>
      new Set(await timeline.getByRole('listitem').evaluateAll((items) => items.map((i) => i.dataset.kind)));
    assert.deepEqual(await kindsShown(), new Set(['note', 'activity', 'change']));

    // Each choice loads its list afresh: what it shows is awaited, and what it hides.
    await kind('فعالیت‌ها').click();
    await kind('تغییرها').click();
    await timeline.getByRole('link', { name: CALL }).waitFor({ state: 'detached' });
    await noteIn(page, 'هماهنگی ارسال بار').waitFor();
    assert.deepEqual(await kindsShown(), new Set(['note']));
    assert.equal(await kind('یادداشت‌ها').getAttribute('aria-pressed'), 'true');
    assert.equal(await kind('فعالیت‌ها').getAttribute('aria-pressed'), 'false');

    await kind('فعالیت‌ها').click();
    await kind('یادداشت‌ها').click();
    await noteIn(page, 'هماهنگی ارسال بار').waitFor({ state: 'detached' });
    await timeline.getByRole('link', { name: CALL }).waitFor();
    assert.deepEqual(await kindsShown(), new Set(['activity']));

    await kind('تغییرها').click();
    await kind('فعالیت‌ها').click();
    await timeline.getByRole('link', { name: CALL }).waitFor({ state: 'detached' });
    await timeline.getByRole('listitem').filter({ hasText: 'ایجاد شد' }).waitFor();
    assert.deepEqual(await kindsShown(), new Set(['change']));
    const changes = await timeline.getByRole('listitem').allInnerTexts();
    assert.equal(changes.length, 2);
    assert.match(changes[0]!, /ویرایش شد/);
    assert.match(changes[1]!, /ایجاد شد/);
    await app.screenshot('timeline-changes-only');

    await kind('یادداشت‌ها').click();
    await kind('فعالیت‌ها').click();
    await timeline.getByRole('link', { name: CALL }).waitFor();
  });

  test('a long timeline shows twenty entries, and «بیشتر» brings the rest, oldest last', async () => {
    const { page } = app;
    await page.goto(app.url(`/organizations/${organization.id}`));
    await page.getByRole('tab', { name: 'خط زمانی' }).click();
    const timeline = timelineOf(page);
    const entries = timeline.getByRole('listitem');
    await entries.first().waitFor();
    const numbers = async () =>
      (await entries.allInnerTexts()).map((text) => /پیگیری شماره ([۰-۹]+)/.exec(text)?.[1] ?? 'created');
    const persian = (from: number, to: number) =>
      Array.from({ length: from - to + 1 }, (_, i) => toPersianDigits(String(from - i)));
    assert.deepEqual(await numbers(), persian(25, 6), 'the newest twenty');
    const more = page.getByRole('button', { name: 'بیشتر', exact: true });
    await more.click();
    await timeline.getByText('پیگیری شماره ۱', { exact: true }).waitFor();
    assert.deepEqual(await numbers(), [...persian(25, 1), 'created']);
    assert.match(await entries.last().innerText(), /ایجاد شد/);
    assert.equal(await more.count(), 0, 'nothing more to load');
    await entries.last().scrollIntoViewIfNeeded();
    await app.screenshot('timeline-paged');
  });
});
