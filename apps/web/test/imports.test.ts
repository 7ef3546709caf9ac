import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Download, Page } from 'playwright-core';
import { type ImportWorker, startImportWorker } from '../../server/src/modules/imports/import-worker.js';
import { type AppSession, logIn, openApp } from './support/app-session.js';

/** The bytes of a finished download. */
async function downloaded(page: Page, start: () => Promise<void>): Promise<Buffer> {
  const [download] = (await Promise.all([page.waitForEvent('download'), start()])) as [Download, void];
  return readFile((await download.path())!);
}

const parseCsv = (bytes: Buffer): string[][] => parse(bytes, { bom: true, relax_column_count: true });

/**
 * The import wizard, its progress, summary, error report and undo; and the list's export. The
 * server does not poll for imports here: the test runs each batch, so every stage of the
 * progress is on screen long enough to be seen.
 */
describe('import and export from the list', () => {
  let app: AppSession;
  let worker: ImportWorker;
  before(async () => {
    app = await openApp({ server: { jobPollIntervalMs: 0 } });
    worker = startImportWorker(app.server.server.ctx, app.server.server.app.log);
    for (const [firstName, lastName, city] of [
      ['=cmd|/C calc!A0', 'صادقی', 'تهران'],
      ['مریم', 'احمدی', 'تهران'],
      ['علی', 'رضایی', 'تهران'],
      ['زهرا', 'کریمی', 'اصفهان'],
    ])
      await app.api('POST', '/contacts', { firstName, lastName, addresses: [{ kind: 'main', city }] });
    await logIn(app.page, app.server.url, '/contacts');
  });
  after(async () => {
    await worker.stop();
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  /** One batch of one row; then its lease lapses, as if its server had stopped, so the next run resumes it. */
  const runOneRow = async () => {
    await worker.runNow({ batchSize: 1, maxBatches: 1 });
    await sql`update imports set lease_until = now() - interval '1 second' where lease_token is not null`.execute(
      app.server.server.ctx.database.db,
    );
  };
  const rowsWith = (page: Page, text: string) => page.locator('tbody tr[data-record-id]', { hasText: text });
  const contactsNamed = async (lastName: string) =>
    (await app.api('POST', '/contacts/query', { filter: { field: 'lastName', op: 'eq', value: lastName } })).data;

  test('a CSV with Persian headers, digits and Jalali dates: mapping, preview, progress, summary, error report, undo', async () => {
    const { page } = app;
    const csv = [
      'نام,نام خانوادگی,موبایل,ایمیل,تاریخ تولد,یادداشت قدیمی,سازمان',
      'بد,وارداتی,12345,not-an-email,1370/13/40,x,',
      'سارا,وارداتی,۰۹۱۲۱۲۳۴۵۶۷,sara@example.ir,۱۳۷۰/۰۱/۱۵,y,نوآوران وارداتی',
      'رضا,وارداتی,۰۹۱۲۷۶۵۴۳۲۱,reza@example.ir,1365/02/20,z,',
    ].join('\r\n');
    await page.getByRole('link', { name: 'درون‌ریزی' }).click();
    await page.getByRole('heading', { level: 1, name: 'درون‌ریزی مخاطبین' }).waitFor();
    await page.getByLabel('فایل درون‌ریزی').setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'بعدی' }).click();

    // Auto-mapped from the Persian headers; the column nothing matches is left out.
    const fieldFor = (column: string) => page.getByRole('combobox', { name: `فیلد ستون ${column}`, exact: true });
    await fieldFor('نام').waitFor();
    assert.equal(await fieldFor('نام').innerText(), 'نام');
    assert.equal(await fieldFor('تاریخ تولد').innerText(), 'تاریخ تولد');
    assert.match(await fieldFor('موبایل').innerText(), /تلفن/);
    assert.equal(await fieldFor('یادداشت قدیمی').innerText(), 'درون‌ریزی نشود');
    await page.getByRole('combobox', { name: 'یافتن تکراری با' }).click();
    await page.getByRole('option', { name: 'ایمیل' }).click();
    await app.screenshot('import-mapping');
    await page.getByRole('button', { name: 'بعدی' }).click();

    // The rows as they will be stored: Jalali date and phone read from Persian digits; the bad row's problems.
    const preview = page.getByRole('table', { name: 'پیش‌نمایش ردیف‌ها' });
    await preview.waitFor();
    const sara = preview.locator('tr[data-row-number="3"]');
    assert.match(await sara.innerText(), /سارا[\s\S]*۱۳۷۰\/۰۱\/۱۵/);
    // An organization nobody has entered yet is not a problem: the import creates it first.
    assert.match(await sara.innerText(), /«نوآوران وارداتی» هنوز نیست و با درون‌ریزی ساخته می‌شود/);
    const bad = preview.locator('tr[data-row-number="2"]');
    assert.match(await bad.innerText(), /ایمیل/);
    await app.screenshot('import-preview');
    await page.getByRole('button', { name: 'شروع درون‌ریزی' }).click();

    await page.getByText('در صف درون‌ریزی…').waitFor();
    await runOneRow();
    await page.getByText('در حال درون‌ریزی…').waitFor();
    await page.getByRole('progressbar', { name: 'پیشرفت درون‌ریزی' }).waitFor();
    const progress = page.locator('[data-progress]');
    await progress.getByText('۱ خطا', { exact: true }).waitFor();
    const shown = await progress.locator('p').allInnerTexts();
    assert.match(shown[0]!, /^۱( از ۳)? ردیف$/);
    assert.match(shown[1]!, /^[۰-۹]+ ردیف در ثانیه$/);
    assert.equal(shown[2], '۱ خطا');
    await app.screenshot('import-progress');
    await worker.runNow({ batchSize: 1 });

    await page.getByText('درون‌ریزی پایان یافت').waitFor();
    const count = async (key: string) => page.locator(`tr[data-count="${key}"] td`).innerText();
    assert.deepEqual(
      [await count('imported'), await count('updated'), await count('skipped'), await count('failed')],
      ['۲', '۰', '۰', '۱'],
    );
    assert.equal(await count('created.organizations'), '۱');
    assert.equal(await page.locator('tr[data-count="created.organizations"] th').innerText(), 'افزوده به سازمان‌ها');
    await app.screenshot('import-summary');
    // The run has a page of its own: a reload finds the result again.
    const runUrl = page.url();
    const importId = /\/contacts\/imports\/([0-9a-f-]{36})$/.exec(runUrl)?.[1];
    assert.ok(importId, runUrl);
    await page.reload();
    await page.getByText('درون‌ریزی پایان یافت').waitFor();
    assert.equal(await count('imported'), '۲');

    const report = parseCsv(
      await downloaded(page, () => page.getByRole('link', { name: 'دریافت گزارش خطا (CSV)' }).click()),
    );
    assert.equal(report.length, 2);
    assert.deepEqual(report[1]!.slice(0, 7), ['بد', 'وارداتی', '12345', 'not-an-email', '1370/13/40', 'x', '']);
    assert.equal(report[1]![7], '2');
    assert.match(report[1]![8]!, /ایمیل/);

    // The list, in another tab, shows what was imported.
    const list = await app.context.newPage();
    await list.goto(app.url('/contacts'));
    await rowsWith(list, 'وارداتی').nth(1).waitFor();
    assert.equal(await rowsWith(list, 'وارداتی').count(), 2);
    await list.close();
    assert.equal((await contactsNamed('وارداتی')).length, 2);

    await page.getByRole('button', { name: 'برگرداندن درون‌ریزی' }).click();
    const confirm = page.getByRole('dialog', { name: 'درون‌ریزی برگردانده شود؟' });
    await confirm.getByRole('button', { name: 'برگرداندن' }).click();
    await page.getByText('در حال برگرداندن درون‌ریزی…').waitFor();
    await worker.runNow();
    await page.getByText('درون‌ریزی برگردانده شد').waitFor();
    assert.equal(await count('undone'), '۲');
    await page.getByRole('link', { name: 'بازگشت به مخاطبین' }).click();
    await rowsWith(page, 'احمدی').waitFor();
    assert.equal(await rowsWith(page, 'وارداتی').count(), 0);
    assert.equal((await contactsNamed('وارداتی')).length, 0);

    // The wizard lists it among the recent imports, as it ended, with a link back to its page.
    await page.getByRole('link', { name: 'درون‌ریزی' }).click();
    const recent = page.getByRole('region', { name: 'درون‌ریزی‌های اخیر' }).locator(`tr[data-import="${importId}"]`);
    await recent.waitFor();
    await app.screenshot('import-recent');
    assert.match(await recent.innerText(), /contacts\.csv[\s\S]*درون‌ریزی برگردانده شد[\s\S]*۲[\s\S]*۱/);
    await recent.getByRole('link', { name: 'contacts.csv' }).click();
    await page.waitForURL(runUrl);
    await page.getByText('درون‌ریزی برگردانده شد').waitFor();
  });

  test('an xlsx with two sheets: the second is picked from the list of its sheets and imported', async () => {
    const { page } = app;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('راهنما').addRow(['این برگه فقط توضیح است']);
    const customers = workbook.addWorksheet('مشتریان');
    customers.addRow(['نام', 'نام خانوادگی', 'تاریخ تولد']);
    customers.addRow(['پریسا', 'اکسلی', '1375/06/31']);
    customers.addRow(['کاوه', 'اکسلی', '1368/10/12']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.goto(app.url('/contacts/import'));
    await page.getByLabel('فایل درون‌ریزی').setInputFiles({
      name: 'customers.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.getByRole('button', { name: 'بعدی' }).click();
    // The first sheet is read; the others are offered by name, and another brings its own columns.
    // A select's name is its label then its value.
    const sheet = page.getByRole('combobox', { name: /^برگه / });
    await page.getByRole('combobox', { name: 'فیلد ستون این برگه فقط توضیح است' }).waitFor();
    assert.equal(await sheet.innerText(), 'راهنما');
    await sheet.click();
    assert.deepEqual(await page.getByRole('option').allInnerTexts(), ['راهنما', 'مشتریان']);
    await page.getByRole('option', { name: 'مشتریان' }).click();
    await page.getByRole('combobox', { name: 'فیلد ستون نام خانوادگی' }).waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'فیلد ستون نام خانوادگی' }).innerText(), 'نام خانوادگی');
    assert.equal(await page.getByRole('combobox', { name: 'فیلد ستون این برگه فقط توضیح است' }).count(), 0);
    await app.screenshot('import-sheet');
    await page.getByRole('button', { name: 'بعدی' }).click();
    await page.getByRole('table', { name: 'پیش‌نمایش ردیف‌ها' }).getByText('پریسا').waitFor();
    await page.getByRole('button', { name: 'شروع درون‌ریزی' }).click();
    await page.getByText('در صف درون‌ریزی…').waitFor();
    await worker.runNow();
    await page.getByText('درون‌ریزی پایان یافت').waitFor();
    assert.equal(await page.locator('tr[data-count="imported"] td').innerText(), '۲');
    const stored = await contactsNamed('اکسلی');
    assert.deepEqual(stored.map((c: { birthDate: string }) => c.birthDate).sort(), ['1990-01-02', '1996-09-21']);
  });

  test('an import cancelled midway keeps the rows stored so far, counted, and they can be undone', async () => {
    const { page } = app;
    const csv = ['نام,نام خانوادگی', 'یک,لغوی', 'دو,لغوی', 'سه,لغوی'].join('\n');
    await page.goto(app.url('/contacts/import'));
    await page
      .getByLabel('فایل درون‌ریزی')
      .setInputFiles({ name: 'cancel.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'بعدی' }).click();
    await page.getByRole('combobox', { name: 'فیلد ستون نام خانوادگی' }).waitFor();
    await page.getByRole('button', { name: 'بعدی' }).click();
    await page.getByRole('button', { name: 'شروع درون‌ریزی' }).click();
    await page.getByText('در صف درون‌ریزی…').waitFor();
    await runOneRow();
    await page
      .locator('[data-progress]')
      .getByText(/^۱ از ۳ ردیف$/)
      .waitFor();

    await page.getByRole('button', { name: 'لغو درون‌ریزی' }).click();
    await page.getByText('درون‌ریزی لغو شد').waitFor();
    assert.equal(await page.locator('tr[data-count="imported"] td').innerText(), '۱');
    // No server takes it up again.
    await worker.runNow({ batchSize: 1 });
    assert.equal((await contactsNamed('لغوی')).length, 1);

    await page.getByRole('button', { name: 'برگرداندن درون‌ریزی' }).click();
    await page
      .getByRole('dialog', { name: 'درون‌ریزی برگردانده شود؟' })
      .getByRole('button', { name: 'برگرداندن' })
      .click();
    await page.getByText('در حال برگرداندن درون‌ریزی…').waitFor();
    await worker.runNow();
    await page.getByText('درون‌ریزی برگردانده شد').waitFor();
    assert.equal((await contactsNamed('لغوی')).length, 0);
  });

  test('the filtered list exports to xlsx and CSV with its rows and columns, formulas neutralised', async () => {
    const { page } = app;
    await page.goto(app.url('/contacts'));
    await page.getByRole('button', { name: 'فیلتر' }).click();
    const dialog = page.getByRole('dialog', { name: 'فیلتر' });
    await dialog.getByRole('combobox', { name: 'فیلد' }).fill('شهر');
    await page.getByRole('option', { name: 'نشانی‌ها › شهر' }).click();
    await dialog.getByRole('textbox', { name: 'مقدار' }).fill('تهران');
    await dialog.getByRole('button', { name: 'اعمال فیلتر' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-record-id]').length === 3);
    const headers = (await page.locator('thead th').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
    const lastNameColumn = headers.indexOf('نام خانوادگی');
    assert.ok(lastNameColumn >= 0, headers.join('|'));
    const shownLastNames = await page
      .locator('tbody tr[data-record-id]')
      .evaluateAll(
        (rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i + 1]!.innerText.trim()),
        lastNameColumn,
      );

    const exportAs = (format: string) =>
      downloaded(page, async () => {
        await page.getByRole('button', { name: 'برون‌بری' }).click();
        await page.getByRole('menuitem', { name: format }).click();
      });

    const workbook = new ExcelJS.Workbook();
    // exceljs's types predate Node's generic Buffer.
    await workbook.xlsx.load((await exportAs('Excel (xlsx)')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const xlsxRows = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as ExcelJS.CellValue[]).slice(1).map(String));
    assert.deepEqual(xlsxRows[0], headers);
    assert.deepEqual(
      xlsxRows.slice(1).map((r) => r[lastNameColumn]),
      shownLastNames,
    );
    assert.ok(
      xlsxRows.some((r) => r.includes("'=cmd|/C calc!A0")),
      JSON.stringify(xlsxRows),
    );

    const csv = await exportAs('CSV');
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const csvRows = parseCsv(csv);
    assert.deepEqual(csvRows[0], headers);
    assert.deepEqual(
      csvRows.slice(1).map((r) => r[lastNameColumn]),
      shownLastNames,
    );
    assert.ok(csvRows.some((r) => r.includes("'=cmd|/C calc!A0")));
  });
});
