import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { jalaliMonthRange, parseJalaliDate, tehranDateOf, toJalaliParts, toPersianDigits } from '@peyvand/shared';
import { type AppSession, logIn, openApp } from './support/app-session.js';

// The deal is expected to close in Esfand of next year, a month the board's filter offers.
const closeYear = toJalaliParts(tehranDateOf(new Date())).year + 1;

/** Seed 004 in the browser: a lead is converted through the dialog, its deal moved on the board, and reported. */
describe('the sales pipeline, seed 004', () => {
  let app: AppSession;
  let leadId: string;
  let contactId: string;
  let opportunityId: string;
  before(async () => {
    app = await openApp();
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  const organizationsNamed = async (name: string) =>
    (await app.api('POST', '/organizations/query', { filter: { field: 'name', op: 'contains', value: name } })).data;

  test('the lead «احمد صادقی» of «پرتو گستر امید» is created through its form', async () => {
    const { page } = app;
    await logIn(page, app.server.url, '/leads/new');
    await page.getByLabel('نام', { exact: true }).fill('احمد');
    await page.getByLabel('نام خانوادگی').fill('صادقی');
    await page.getByLabel('شرکت').fill('پرتو گستر امید');
    await page.getByLabel('تلفن', { exact: true }).fill('03191007879');
    await page.getByLabel('شماره موبایل').fill('09138086200');
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByRole('heading', { name: 'احمد صادقی پرتو گستر امید', level: 1 }).waitFor();
    leadId = new URL(page.url()).pathname.split('/').at(-1)!;
  });

  test('the conversion dialog creates the organization, the contact and the opportunity, and opens the contact', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'تبدیل سرنخ' }).click();
    const dialog = page.getByRole('dialog', { name: 'تبدیل سرنخ' });
    const organization = dialog.getByRole('group', { name: 'سازمان' });
    assert.equal(await organization.getByLabel('نام سازمان').inputValue(), 'پرتو گستر امید');
    const contact = dialog.getByRole('group', { name: 'مخاطب' });
    assert.equal(await contact.getByLabel('نام خانوادگی').inputValue(), 'صادقی');
    const opportunity = dialog.getByRole('group', { name: 'فرصت فروش' });
    await opportunity.getByLabel('مقدار (مبلغ)').fill('۵۰۰٬۰۰۰٬۰۰۰');
    await opportunity.getByRole('combobox', { name: 'مرحله فروش' }).click();
    await page.getByRole('option', { name: 'نیازسنجی' }).click();
    await opportunity.getByRole('group', { name: 'تاریخ مورد انتظار بسته شدن' }).click();
    await page.keyboard.type(`${closeYear}1215`);
    await dialog.getByRole('radio', { name: 'مخاطب' }).check();
    await app.screenshot('convert-dialog');
    await dialog.getByRole('button', { name: 'تبدیل', exact: true }).click();
    await page.getByRole('heading', { name: 'احمد صادقی', level: 1 }).waitFor();
    assert.match(page.url(), /\/contacts\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'پرتو گستر امید' }).waitFor();

    const lead = await app.api('GET', `/leads/${leadId}`);
    assert.equal(lead.converted, true);
    contactId = lead.convertedContactId;
    opportunityId = lead.convertedOpportunityId;
    assert.equal(page.url(), app.url(`/contacts/${contactId}`));
    const contact_ = await app.api('GET', `/contacts/${contactId}`);
    const [created] = await organizationsNamed('پرتو گستر امید');
    assert.equal(contact_.organizationId, created.id, "the contact's organization is the new one");
    assert.equal(contact_.organizationId, lead.convertedOrganizationId);
    assert.deepEqual(
      contact_.phones.map((p: { number: string }) => p.number),
      ['+983191007879', '+989138086200'],
    );
    const deal = await app.api('GET', `/opportunities/${opportunityId}`);
    assert.equal(deal.stage, 'needs_analysis');
    assert.equal(deal.amount, 500_000_000);
    assert.equal(deal.expectedCloseDate, parseJalaliDate(`${closeYear}/12/15`));
    assert.equal(deal.organizationId, created.id);
  });

  test('the converted lead is gone from the lead list, and its page is read-only with links to what it became', async () => {
    const { page } = app;
    await page.goto(app.url('/leads'));
    await page.getByRole('heading', { name: 'سرنخ‌های فروش', level: 1 }).waitFor();
    // Rows of a loaded list: while it loads, the table shows placeholder rows.
    await page.getByText('هنوز هیچ رکوردی').or(page.locator('tbody tr[data-record-id]')).first().waitFor();
    assert.equal(await page.getByRole('row', { name: /صادقی/ }).count(), 0);

    await page.goto(app.url(`/leads/${leadId}`));
    const notice = page.getByRole('alert').filter({ hasText: 'تبدیل شده است' });
    await notice.getByRole('link', { name: 'احمد صادقی' }).waitFor();
    await notice.getByRole('link', { name: 'پرتو گستر امید' }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'تبدیل سرنخ' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'ویرایش', exact: true }).count(), 0);
  });

  /** Drags a card by the mouse onto a column, in small steps as a hand would (dnd-kit needs the moves). */
  async function dragCard(cardId: string, stage: string) {
    const { page } = app;
    const card = page.locator(`[data-card-id="${cardId}"]`);
    const target = page.locator(`section[data-stage="${stage}"]`);
    await target.scrollIntoViewIfNeeded();
    await card.scrollIntoViewIfNeeded();
    const from = (await card.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    const to = (await target.boundingBox())!;
    await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 15 });
    await page.mouse.up();
  }

  /** The board's next load of a column's cards: a move is sent with the version its card was loaded with. */
  const cardsLoaded = (stage: string) =>
    app.page.waitForResponse(
      (r) =>
        r.url().endsWith('/api/v1/opportunities/query') &&
        r.ok() &&
        (r.request().postDataJSON() as { filter: { and: { field: string; value?: unknown }[] } }).filter.and.some(
          (c) => c.field === 'stage' && c.value === stage,
        ),
    );

  const stageOf = async () => (await app.api('GET', `/opportunities/${opportunityId}`)).stage;
  async function waitForStage(stage: string) {
    for (let i = 0; i < 50 && (await stageOf()) !== stage; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await stageOf(), stage);
  }

  test('the opportunity is on the board, reached from the list; dragging it to another stage is saved', async () => {
    const { page } = app;
    await page.goto(app.url('/opportunities'));
    await page
      .getByRole('button', { name: 'نمایش قیف فروش' })
      .or(page.getByRole('link', { name: 'نمایش قیف فروش' }))
      .click();
    await page.getByRole('heading', { name: 'قیف فروش', level: 1 }).waitFor();
    const column = page.locator('section[data-stage="needs_analysis"]');
    await column.locator(`[data-card-id="${opportunityId}"]`).getByText('پرتو گستر امید').first().waitFor();
    await column.getByText('۱ فرصت · ۵۰۰٬۰۰۰٬۰۰۰ ریال').waitFor();
    await column.getByText('پیش‌بینی: ۱۵۰٬۰۰۰٬۰۰۰ ریال').waitFor();
    await column.getByText(toPersianDigits(`${closeYear}/12/15`)).waitFor();
    await app.screenshot('pipeline-board');

    await dragCard(opportunityId, 'proposal');
    await waitForStage('proposal');
    await page.locator(`section[data-stage="proposal"] [data-card-id="${opportunityId}"]`).waitFor();
    await page.locator('section[data-stage="proposal"]').getByText('پیش‌بینی: ۳۰۰٬۰۰۰٬۰۰۰ ریال').waitFor();
  });

  test('the board narrows to one expected-close month and one owner', async () => {
    const { page } = app;
    const card = page.locator(`[data-card-id="${opportunityId}"]`);
    const month = page.getByRole('group', { name: 'ماه بسته شدن' });
    await month.getByRole('combobox', { name: 'سال' }).click();
    await page.getByRole('option', { name: toPersianDigits(String(closeYear - 1)) }).click();
    await card.waitFor({ state: 'detached' });
    await month.getByRole('combobox', { name: 'سال' }).click();
    await page.getByRole('option', { name: toPersianDigits(String(closeYear)) }).click();
    await month.getByRole('combobox', { name: 'ماه' }).click();
    await page.getByRole('option', { name: 'اسفند' }).click();
    await card.waitFor();
    await page.getByRole('combobox', { name: 'مسئول' }).fill('مدیر');
    await page.getByRole('option').first().click();
    await card.waitFor();
    await month.getByRole('combobox', { name: 'سال' }).click();
    await page.getByRole('option', { name: 'همه ماه‌ها' }).click();
    await card.waitFor();
    await page.locator('.MuiMenu-root').waitFor({ state: 'detached' });
  });

  test('a deal changed meanwhile is not moved: the board reloads and says so', async () => {
    const { page } = app;
    await app.api('PATCH', `/opportunities/${opportunityId}`, { nextStep: 'تماس دوباره' });
    const reloaded = cardsLoaded('proposal');
    await dragCard(opportunityId, 'negotiation');
    await page.getByText('این فرصت فروش را کس دیگری هم‌زمان تغییر داده است').waitFor();
    assert.equal(await stageOf(), 'proposal');
    // The reloaded board carries the new version, so the same move now goes through. The card shows the
    // same before the reload as after it: what tells them apart is the reload's answer.
    await (await reloaded).finished();
    await page.locator(`section[data-stage="proposal"] [data-card-id="${opportunityId}"]`).waitFor();
    await dragCard(opportunityId, 'negotiation');
    await waitForStage('negotiation');
  });

  test('won asks for the reason, and both are saved', async () => {
    const { page } = app;
    await page.locator(`section[data-stage="negotiation"] [data-card-id="${opportunityId}"]`).waitFor();
    // Each column reloads on its own: until the one it left has, the card is in both.
    await page
      .locator(`section[data-stage="proposal"] [data-card-id="${opportunityId}"]`)
      .waitFor({ state: 'detached' });
    await dragCard(opportunityId, 'closed_won');
    const dialog = page.getByRole('dialog', { name: 'چرا «پرتو گستر امید» موفق شد؟' });
    await dialog.getByRole('combobox', { name: 'دلیل موفقیت یا شکست' }).click();
    await page.getByRole('option', { name: 'قیمت' }).click();
    await dialog.getByRole('button', { name: 'جابه‌جا کن' }).click();
    await waitForStage('closed_won');
    assert.equal((await app.api('GET', `/opportunities/${opportunityId}`)).closeReason, 'price');
  });

  test('the reports page draws one chart per report, with the API’s figures', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'بخش‌ها' }).getByRole('link', { name: 'گزارش‌های فروش' }).click();
    await page.getByRole('heading', { name: 'گزارش‌های فروش', level: 1 }).waitFor();
    const now = toJalaliParts(tehranDateOf(new Date()));
    const back = now.year * 12 + now.month - 1 - 11;
    const range = `from=${jalaliMonthRange(Math.floor(back / 12), (back % 12) + 1).start}&to=${jalaliMonthRange(now.year, now.month).end}`;
    const newLeads = await app.api('GET', `/reports/sales/new-leads?${range}&period=month`);
    const conversion = await app.api('GET', `/reports/sales/lead-conversion?${range}&period=month`);
    const pipeline = await app.api('GET', '/reports/sales/pipeline-by-stage');
    const won = await app.api('GET', `/reports/sales/won-amount?${range}&period=month`);
    const section = (name: string) => page.getByRole('region', { name });
    const sum = (rows: { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);

    const leads = section('سرنخ‌های تازه');
    await leads.getByText(`${toPersianDigits(String(sum(newLeads.data)))} سرنخ در این بازه`).waitFor();
    // The axis names every Jalali month of the range, this month last.
    await leads.locator('svg').getByText(newLeads.data.at(-1).label.fa).waitFor();
    const { converted, leads: all } = conversion.totals;
    await section('نرخ تبدیل سرنخ به فرصت فروش')
      .getByText(`${toPersianDigits(String(converted))} از ${toPersianDigits(String(all))} سرنخ تبدیل شده است`)
      .waitFor();
    assert.equal(pipeline.totals.amount, 500_000_000);
    await section('ارزش قیف فروش بر پایه مرحله (امروز)').getByText('ارزش کل ۵۰۰٬۰۰۰٬۰۰۰ ریال').waitFor();
    assert.equal(sum(won.data), 1);
    await section('مبلغ فرصت‌های موفق').getByText('۱ فرصت موفق به مبلغ ۵۰۰٬۰۰۰٬۰۰۰ ریال').waitFor();
    for (const name of ['سرنخ‌ها بر پایه منبع', 'سرنخ‌ها بر پایه وضعیت', 'نرخ تبدیل بر پایه مسئول']) {
      await section(name).locator('svg').first().waitFor();
    }
    assert.equal((await page.locator('main section svg .MuiBarElement-root, main section svg rect').count()) > 0, true);
    await app.screenshot('sales-reports');
  });
});
