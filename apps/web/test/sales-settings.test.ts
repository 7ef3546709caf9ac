import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AppSession, logIn, openApp } from './support/app-session.js';

/** The conversion dialog's harder answers, and the two sales settings screens. */
describe('lead conversion choices and sales settings', () => {
  let app: AppSession;
  let existingId: string;
  before(async () => {
    app = await openApp();
    existingId = (await app.api('POST', '/organizations', { name: 'پرتو گستر امید' })).id;
    await logIn(app.page, app.server.url, '/settings');
  });
  after(async () => {
    assert.deepEqual(app.pageErrors, []);
    await app.close();
  });

  const openConversion = async (lead: Record<string, unknown>) => {
    const { id } = await app.api('POST', '/leads', lead);
    await app.page.goto(app.url(`/leads/${id}`));
    await app.page.getByRole('button', { name: 'تبدیل سرنخ' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'تبدیل سرنخ' });
    await dialog.getByRole('group', { name: 'فرصت فروش' }).getByLabel('نام فرصت فروش').waitFor();
    return { id, dialog };
  };

  test('a company that exists already: the dialog offers it, and the new contact joins it', async () => {
    const { page } = app;
    // Arabic yeh and kaf: the same name once normalised.
    const { id, dialog } = await openConversion({ firstName: 'سارا', lastName: 'کريمي', company: 'پرتو گستر اميد' });
    await dialog.getByRole('button', { name: 'تبدیل', exact: true }).click();
    await dialog.getByText('سازمانی با همین نام پیش‌تر ثبت شده است').waitFor();
    await app.screenshot('convert-duplicate');
    await dialog.getByRole('radio', { name: /استفاده از «پرتو گستر امید»/ }).check();
    await dialog.getByRole('button', { name: 'تبدیل', exact: true }).click();
    await page.getByRole('heading', { name: 'پرتو گستر اميد', level: 1 }).waitFor();
    assert.match(page.url(), /\/opportunities\//, 'the opportunity opens by default');
    const lead = await app.api('GET', `/leads/${id}`);
    assert.equal(lead.convertedOrganizationId, existingId);
    assert.equal((await app.api('GET', `/contacts/${lead.convertedContactId}`)).organizationId, existingId);
    const { data } = await app.api('POST', '/organizations/query', { limit: 10 });
    assert.equal(data.length, 1, 'no second organization');
  });

  test('or a new organization of the same name, when the user says so; parts can be left out', async () => {
    const { page } = app;
    const { id, dialog } = await openConversion({ lastName: 'نوری', company: 'پرتو گستر امید' });
    await dialog.getByRole('group', { name: 'فرصت فروش' }).getByRole('checkbox').uncheck();
    await dialog.getByRole('button', { name: 'تبدیل', exact: true }).click();
    await dialog.getByRole('radio', { name: 'ساختن سازمان تازه با همین نام' }).check();
    await dialog.getByRole('radio', { name: 'سازمان', exact: true }).check();
    await dialog.getByRole('button', { name: 'تبدیل', exact: true }).click();
    await page.getByRole('heading', { name: 'پرتو گستر امید', level: 1 }).waitFor();
    const lead = await app.api('GET', `/leads/${id}`);
    assert.notEqual(lead.convertedOrganizationId, existingId);
    assert.equal(page.url(), app.url(`/organizations/${lead.convertedOrganizationId}`));
    assert.equal(lead.convertedOpportunityId, null);
  });

  test('a lead converted meanwhile: the server’s error is shown and nothing more is made', async () => {
    const { id, dialog } = await openConversion({ lastName: 'رضایی', company: 'فولاد سپاهان' });
    await app.api('POST', `/leads/${id}/convert`, {});
    await dialog.getByRole('button', { name: 'تبدیل', exact: true }).click();
    await dialog
      .getByRole('alert')
      .getByText(/پیش‌تر تبدیل شده است/)
      .waitFor();
  });

  test('the conversion mapping offers only fitting fields, and shows the server’s refusal on its row', async () => {
    const { page } = app;
    const band = (values: string[]) => values.map((value) => ({ value, label: { fa: value, en: value } }));
    const field = (module: string, body: Record<string, unknown>) =>
      app.api('POST', `/metadata/modules/${module}/fields`, body);
    await field('leads', {
      name: 'budgetBand',
      type: 'picklist',
      label: { fa: 'بازه بودجه' },
      options: band(['s', 'm']),
    });
    await field('opportunities', {
      name: 'budgetBand',
      type: 'picklist',
      label: { fa: 'بودجه فرصت' },
      options: band(['s']),
    });
    await field('opportunities', { name: 'budgetNote', type: 'text', label: { fa: 'یادداشت بودجه' } });

    await page.goto(app.url('/settings'));
    await page.getByRole('link', { name: /معادل‌یابی فیلدها برای تبدیل سرنخ/ }).click();
    await page.getByRole('button', { name: 'افزودن معادل' }).click();
    const row = page.getByRole('group', { name: 'معادل ۱' });
    await row.getByRole('combobox', { name: 'فیلد سرنخ' }).click();
    await page.getByRole('option', { name: 'بازه بودجه' }).click();
    await row.getByRole('combobox', { name: 'فیلد مقصد' }).click();
    // A picklist goes only into a picklist: the text field is not offered.
    assert.equal(await page.getByRole('option', { name: 'یادداشت بودجه' }).count(), 0);
    await page.getByRole('option', { name: 'بودجه فرصت' }).click();
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await row.getByText('این گزینه‌های «custom.budgetBand» در «opportunities.custom.budgetBand» نیستند: m.').waitFor();
    assert.deepEqual((await app.api('GET', '/leads/conversion-mapping')).mappings, []);

    await app.api('PATCH', '/metadata/modules/opportunities/fields/budgetBand', { options: band(['s', 'm']) });
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByText('ذخیره شد.').waitFor();
    assert.deepEqual((await app.api('GET', '/leads/conversion-mapping')).mappings, [
      { leadField: 'custom.budgetBand', targetModule: 'opportunities', targetField: 'custom.budgetBand' },
    ]);
  });

  test('round-robin is turned on for a group from its settings screen', async () => {
    const { page } = app;
    const user = await app.api('POST', '/users', {
      email: 'seller@example.ir',
      password: 'a long secret 1',
      firstName: 'نرگس',
      lastName: 'فروشنده',
      role: 'user',
      active: true,
    });
    await app.api('POST', '/groups', { name: 'تیم فروش', memberIds: [user.id] });
    await page.goto(app.url('/settings'));
    await page.getByRole('link', { name: /واگذاری خودکار سرنخ‌ها/ }).click();
    await page.getByRole('switch', { name: /واگذاری چرخشی/ }).check();
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page
      .getByText('این فیلد الزامی است')
      .or(page.getByText(/الزامی/))
      .first()
      .waitFor();
    await page.getByRole('combobox', { name: 'گروه' }).fill('تیم');
    await page.getByRole('option', { name: 'تیم فروش' }).click();
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByText('نوبت بعدی').waitFor();
    const rule = await app.api('GET', '/leads/assignment-rule');
    assert.equal(rule.enabled, true);
    assert.equal(rule.nextUserId, user.id);
    const lead = await app.api('POST', '/leads', { lastName: 'چرخشی' });
    assert.equal(lead.ownerId, user.id);
  });
  test('a new sales stage gets its probability and kind and its place in the funnel', async () => {
    const { page } = app;
    await page.goto(app.url('/settings'));
    await page.getByRole('link', { name: /مرحله‌های فروش/ }).click();
    const dialog = page.getByRole('dialog', { name: 'ویرایش مرحله فروش' });
    await dialog.getByRole('button', { name: 'افزودن', exact: true }).click();
    await dialog.getByLabel('برچسب فارسی').last().fill('ارائه نسخه نمایشی');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    // No probability yet: the server's refusal is shown on that row, and nothing is saved.
    await dialog.getByText('این فیلد الزامی است.').waitFor();
    await dialog.getByLabel('احتمال موفقیت').last().fill('۴۵');
    assert.equal(await dialog.getByText('این فیلد الزامی است.').count(), 0, 'the old complaint goes with the edit');
    for (let i = 0; i < 3; i++) await dialog.getByRole('button', { name: 'بالا بردن «ارائه نسخه نمایشی»' }).click();
    await app.screenshot('sales-stages');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'detached' });

    const { fields } = await app.api('GET', '/metadata/modules/opportunities');
    const stages = fields.find((f: { name: string }) => f.name === 'stage').options;
    assert.deepEqual(
      stages.map((o: { value: string }) => o.value),
      [
        'prospecting',
        'qualification',
        'needs_analysis',
        'proposal',
        'ارائه نسخه نمایشی',
        'negotiation',
        'closed_won',
        'closed_lost',
      ],
    );
    assert.deepEqual(stages[4], {
      value: 'ارائه نسخه نمایشی',
      label: { fa: 'ارائه نسخه نمایشی', en: 'ارائه نسخه نمایشی' },
      probability: 45,
      kind: 'open',
    });
    const deal = await app.api('POST', '/opportunities', {
      name: 'دمو برای فولاد',
      organizationId: existingId,
      expectedCloseDate: '1405/10/30',
      stage: 'ارائه نسخه نمایشی',
    });
    assert.equal(deal.probability, 45, 'a deal in the stage takes its probability');
  });
  test('a list shared with leads is edited there: the contact’s lead source leads to it', async () => {
    const { page } = app;
    await page.goto(app.url('/settings/fields/contacts?field=leadSource'));
    const dialog = page.getByRole('dialog', { name: 'ویرایش نحوه آشنایی' });
    await dialog.getByText('گزینه‌های این فیلد همان گزینه‌های «منبع سرنخ» در سرنخ‌های فروش است.').waitFor();
    assert.equal(await dialog.getByText('گزینه‌ها', { exact: true }).count(), 0, 'no options to edit here');
    await dialog.getByRole('link', { name: 'ویرایش گزینه‌ها در سرنخ‌های فروش' }).click();
    const leads = page.getByRole('dialog', { name: 'ویرایش منبع سرنخ' });
    await leads.getByText('گزینه‌ها', { exact: true }).waitFor();
    assert.equal(page.url(), app.url('/settings/fields/leads?field=leadSource'));
    assert.equal(await page.getByRole('dialog').count(), 1);
  });
});
