import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseJalaliDate } from '@peyvand/shared';
import { type AppSession, logIn, openApp } from './support/app-session.js';

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
    await page.keyboard.type('14101215');
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
    assert.equal(deal.expectedCloseDate, parseJalaliDate('1410/12/15'));
    assert.equal(deal.organizationId, created.id);
  });

  test('the converted lead is gone from the lead list, and its page is read-only with links to what it became', async () => {
    const { page } = app;
    await page.goto(app.url('/leads'));
    await page.getByRole('heading', { name: 'سرنخ‌های فروش', level: 1 }).waitFor();
    await page.getByText('هنوز هیچ رکوردی').or(page.locator('tbody tr')).first().waitFor();
    assert.equal(await page.getByRole('row', { name: /صادقی/ }).count(), 0);

    await page.goto(app.url(`/leads/${leadId}`));
    const notice = page.getByRole('alert').filter({ hasText: 'تبدیل شده است' });
    await notice.getByRole('link', { name: 'احمد صادقی' }).waitFor();
    await notice.getByRole('link', { name: 'پرتو گستر امید' }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'تبدیل سرنخ' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'ویرایش', exact: true }).count(), 0);
  });
});
