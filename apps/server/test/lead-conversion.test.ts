import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, tehranDateOf } from '@peyvand/shared';
import { ApiClient } from './support/api-client.js';
import { expectProblem, missingId, ok, plainUserClient, q } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;
let adminId: string;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  adminId = ok(await api.get('/api/v1/me')).id;
});
after(() => server.stop());

const SEED_LEAD = {
  firstName: 'احمد',
  lastName: 'صادقی',
  company: 'پرتو گستر امید',
  phone: '03191007879',
  mobile: '09138086200',
  leadSource: 'exhibition',
  industry: 'it',
};

let companyCounter = 0;
/** A lead of a company no other test uses, so duplicate checks stay out of the way. */
function uniqueLead(extra: Record<string, unknown> = {}) {
  return { firstName: 'مریم', lastName: 'کاظمی', company: `بازرگانی آزمون ${++companyCounter}`, ...extra };
}

const createLead = async (body: Record<string, unknown>) => ok(await api.post('/api/v1/leads', body), 201);
const convert = (id: string, body: Record<string, unknown> = {}, client = api) =>
  client.post(`/api/v1/leads/${id}/convert`, body);
const get = async (module: string, id: string) => ok(await api.get(`/api/v1/${module}/${id}`));

/** How many live records each module has, to show a failed conversion left nothing behind. */
async function counts() {
  const count = async (module: string) => {
    const rows = await server.server.ctx.database.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('module', '=', module)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(rows.n);
  };
  return {
    organizations: await count('organizations'),
    contacts: await count('contacts'),
    opportunities: await count('opportunities'),
  };
}

async function leadListIds(): Promise<string[]> {
  const listed = ok(await api.get('/api/v1/leads?limit=200'));
  const queried = ok(await api.post('/api/v1/leads/query', { limit: 200 }));
  assert.deepEqual(
    queried.data.map((r: { id: string }) => r.id).sort(),
    listed.data.map((r: { id: string }) => r.id).sort(),
    'the list and the query without a filter agree',
  );
  return listed.data.map((r: { id: string }) => r.id);
}

describe('seed 004: «احمد صادقی» of «پرتو گستر امید»', () => {
  let lead: any;
  let result: any;

  before(async () => {
    lead = await createLead(SEED_LEAD);
    assert.ok((await leadListIds()).includes(lead.id), 'a new lead is in the lead list');
    const converted = await convert(lead.id, {
      opportunity: { expectedCloseDate: '۱۴۰۳/۱۲/۱۵', stage: 'needs_analysis', amount: '۵۰۰٬۰۰۰٬۰۰۰' },
    });
    result = ok(converted);
  });

  test('the conversion answers with the three new records', () => {
    assert.deepEqual(Object.keys(result).sort(), ['contactId', 'opportunityId', 'organizationId']);
    for (const id of Object.values(result)) assert.match(String(id), /^[0-9a-f-]{36}$/);
  });

  test('the organization is «پرتو گستر امید», with the company’s phone and industry', async () => {
    const organization = await get('organizations', result.organizationId);
    assert.equal(organization.name, 'پرتو گستر امید');
    assert.equal(organization.phone, '+983191007879');
    assert.equal(organization.industry, 'it');
    assert.equal(organization.ownerId, adminId, "the records go to the lead's owner");
  });

  test('the contact is «احمد صادقی», reachable on both numbers, and works for the new organization', async () => {
    const contact = await get('contacts', result.contactId);
    assert.equal(contact.firstName, 'احمد');
    assert.equal(contact.lastName, 'صادقی');
    assert.equal(contact.organizationId, result.organizationId);
    assert.deepEqual(
      contact.phones.map((p: any) => [p.kind, p.number]),
      [
        ['work', '+983191007879'],
        ['mobile', '+989138086200'],
      ],
    );
    assert.equal(contact.leadSource, 'exhibition');
    const staff = ok(await api.get(`/api/v1/organizations/${result.organizationId}/related/contacts`));
    assert.deepEqual(
      staff.data.map((c: any) => c.id),
      [result.contactId],
    );
  });

  test('the opportunity is linked to the organization, the contact and the lead, with the dialog’s values', async () => {
    const opportunity = await get('opportunities', result.opportunityId);
    assert.equal(opportunity.name, 'پرتو گستر امید');
    assert.equal(opportunity.organizationId, result.organizationId);
    assert.equal(opportunity.contactId, result.contactId);
    assert.equal(opportunity.leadId, lead.id);
    assert.equal(opportunity.expectedCloseDate, '2025-03-05', '۱۴۰۳/۱۲/۱۵ in the Gregorian calendar');
    assert.equal(opportunity.stage, 'needs_analysis');
    assert.equal(opportunity.probability, 30, "the stage's probability");
    assert.equal(opportunity.amount, 500_000_000);
    assert.equal(opportunity.leadSource, 'exhibition');
    const deals = ok(await api.get(`/api/v1/organizations/${result.organizationId}/related/opportunities`));
    assert.deepEqual(
      deals.data.map((o: any) => o.id),
      [result.opportunityId],
    );
  });

  test('the lead is gone from the lead list but reachable by id, by filter and by search', async () => {
    assert.ok(!(await leadListIds()).includes(lead.id), 'not in the default list');
    const byId = await get('leads', lead.id);
    assert.equal(byId.converted, true);
    assert.equal(byId.convertedOrganizationId, result.organizationId);
    assert.equal(byId.convertedContactId, result.contactId);
    assert.equal(byId.convertedOpportunityId, result.opportunityId);
    assert.ok(Date.parse(byId.convertedAt) > Date.parse(byId.createdAt) - 1);

    const converted = ok(
      await api.post('/api/v1/leads/query', { filter: { field: 'converted', op: 'eq', value: true } }),
    );
    assert.ok(converted.data.some((r: any) => r.id === lead.id));
    const unconverted = ok(
      await api.post('/api/v1/leads/query', { filter: { field: 'converted', op: 'eq', value: false } }),
    );
    assert.ok(!unconverted.data.some((r: any) => r.id === lead.id));

    const found = ok(await api.get(`/api/v1/search?q=${q('احمد صادقي')}`));
    const modules = found.data.filter((r: any) => r.id === lead.id || r.id === result.contactId);
    assert.deepEqual(modules.map((r: any) => r.module).sort(), ['contacts', 'leads']);
  });

  test('converting it again is refused with 409 and creates nothing', async () => {
    const before = await counts();
    const again = await convert(lead.id);
    expectProblem(again, 409, { field: 'converted', code: 'already_converted' });
    assert.deepEqual(again.body.convertedTo, {
      organizationId: result.organizationId,
      contactId: result.contactId,
      opportunityId: result.opportunityId,
    });
    assert.deepEqual(await counts(), before);
  });

  test('the converted lead is read-only: a PATCH is 409 and changes nothing', async () => {
    const current = await get('leads', lead.id);
    const patched = await api.patch(`/api/v1/leads/${lead.id}`, { leadStatus: 'qualified' }, { language: 'en' });
    const error = expectProblem(patched, 409, { field: 'converted', code: 'lead_converted' });
    assert.match(error!.message, /converted/);
    assert.deepEqual(await get('leads', lead.id), current);
    expectProblem(await api.patch(`/api/v1/leads/${lead.id}`, { ownerId: adminId }), 409, { code: 'lead_converted' });
  });
});

describe('what the conversion creates', () => {
  test('the dialog starts from what a conversion without values would create', async () => {
    const lead = await createLead(uniqueLead({ phone: '031 9100 7879', email: 'maryam@example.ir', industry: 'it' }));
    const start = ok(await api.get(`/api/v1/leads/${lead.id}/conversion-defaults`));
    assert.deepEqual(start.organization, {
      name: lead.company,
      industry: 'it',
      phone: '031 9100 7879',
    });
    assert.deepEqual(start.contact.phones, [{ kind: 'work', number: '031 9100 7879' }]);
    assert.deepEqual(start.contact.emails, [{ kind: 'work', address: 'maryam@example.ir' }]);
    assert.deepEqual(start.opportunity, {
      stage: 'prospecting',
      name: lead.company,
      expectedCloseDate: addDays(tehranDateOf(new Date()), 30),
    });
    const person = ok(
      await api.get(`/api/v1/leads/${(await createLead({ lastName: 'تنها' })).id}/conversion-defaults`),
    );
    assert.equal(person.organization, null, 'no company, no organization');
    expectProblem(await api.get(`/api/v1/leads/${missingId()}/conversion-defaults`), 404);
  });

  test('the opportunity defaults: first open stage, its probability, closing 30 days from today in Tehran', async () => {
    const lead = await createLead(uniqueLead({ leadSource: 'website' }));
    const result = ok(await convert(lead.id));
    const opportunity = await get('opportunities', result.opportunityId);
    assert.equal(opportunity.stage, 'prospecting');
    assert.equal(opportunity.probability, 10);
    assert.equal(opportunity.expectedCloseDate, addDays(tehranDateOf(new Date()), 30));
    assert.equal(opportunity.name, lead.company);
    assert.equal(opportunity.amount, null);
  });

  test('each part can be left out with false; the lead records what it became', async () => {
    const lead = await createLead(uniqueLead());
    const result = ok(await convert(lead.id, { contact: false, opportunity: false }));
    assert.equal(result.contactId, null);
    assert.equal(result.opportunityId, null);
    assert.ok(result.organizationId);
    const after = await get('leads', lead.id);
    assert.equal(after.converted, true);
    assert.equal(after.convertedOrganizationId, result.organizationId);
    assert.equal(after.convertedOpportunityId, null);
  });

  test('a lead without a company becomes a contact and an opportunity linked to that contact', async () => {
    const lead = await createLead({
      firstName: 'رضا',
      lastName: 'نوری',
      email: 'Reza.Nouri@Example.ir',
      telegramId: '@rezanouri',
    });
    const result = ok(await convert(lead.id));
    assert.equal(result.organizationId, null);
    const contact = await get('contacts', result.contactId);
    assert.deepEqual(contact.emails, [{ kind: 'work', address: 'reza.nouri@example.ir' }]);
    assert.deepEqual(contact.socials, [{ network: 'telegram', handle: 'rezanouri' }]);
    const opportunity = await get('opportunities', result.opportunityId);
    assert.equal(opportunity.name, 'رضا نوری');
    assert.equal(opportunity.contactId, result.contactId);
    assert.equal(opportunity.organizationId, null);
  });

  test('values sent for a part win over those taken from the lead', async () => {
    const lead = await createLead(uniqueLead({ industry: 'it' }));
    const result = ok(
      await convert(lead.id, {
        organization: { industry: 'telecom', name: 'نام تازه سازمان' },
        contact: { title: 'مدیر بازاریابی' },
        opportunity: { name: 'خرید سامانه', nextStep: 'ارسال پیش‌فاکتور' },
      }),
    );
    const organization = await get('organizations', result.organizationId);
    assert.equal(organization.name, 'نام تازه سازمان');
    assert.equal(organization.industry, 'telecom', 'the industry is editable in the dialog (seed 004)');
    assert.equal((await get('contacts', result.contactId)).title, 'مدیر بازاریابی');
    const opportunity = await get('opportunities', result.opportunityId);
    assert.equal(opportunity.name, 'خرید سامانه');
    assert.equal(opportunity.nextStep, 'ارسال پیش‌فاکتور');
  });

  test('assignTo gives every new record to that user or group; by default they go to the lead’s owner', async () => {
    const seller = await plainUserClient(server.url, api);
    const lead = await createLead(uniqueLead());
    const result = ok(await convert(lead.id, { assignTo: { userId: seller.id } }));
    for (const [module, id] of [
      ['organizations', result.organizationId],
      ['contacts', result.contactId],
      ['opportunities', result.opportunityId],
    ]) {
      const record = await get(module!, id);
      assert.equal(record.ownerId, seller.id, module);
    }

    const team = ok(await api.post('/api/v1/groups', { name: `تیم فروش ${companyCounter}` }), 201);
    const groupLead = await createLead(uniqueLead({ ownerGroupId: team.id }));
    const byGroup = ok(await convert(groupLead.id));
    const opportunity = await get('opportunities', byGroup.opportunityId);
    assert.equal(opportunity.ownerGroupId, team.id);
    assert.equal(opportunity.ownerId, null);

    const assignedLead = await createLead(uniqueLead());
    const toGroup = ok(await convert(assignedLead.id, { assignTo: { groupId: team.id } }));
    assert.equal((await get('contacts', toGroup.contactId)).ownerGroupId, team.id);
  });

  test('a plain user converts a lead too', async () => {
    const seller = await plainUserClient(server.url, api);
    const lead = ok(await seller.api.post('/api/v1/leads', uniqueLead()), 201);
    const result = ok(await convert(lead.id, {}, seller.api));
    assert.equal((await get('opportunities', result.opportunityId)).ownerId, seller.id);
  });
});

describe('errors name the part and the field, and a failed conversion changes nothing', () => {
  test('a bad value in a part is a 400 naming it under the part; no record is created', async () => {
    const lead = await createLead(uniqueLead());
    const before = await counts();
    const response = await convert(lead.id, { opportunity: { expectedCloseDate: '1403/13/01' } });
    expectProblem(response, 400, { field: 'opportunity.expectedCloseDate', code: 'invalid_date' });
    expectProblem(await convert(lead.id, { contact: { nationalCode: '1234567890' } }), 400, {
      field: 'contact.nationalCode',
      code: 'invalid_national_code',
    });
    expectProblem(await convert(lead.id, { organization: { nmae: 'x' } }), 400, {
      field: 'organization.nmae',
      code: 'unknown_field',
    });
    expectProblem(await convert(lead.id, { opportunity: { stage: 'no_such_stage' } }), 400, {
      field: 'opportunity.stage',
      code: 'invalid_option',
    });
    assert.deepEqual(await counts(), before);
    assert.equal((await get('leads', lead.id)).converted, false);
  });

  test('a failure in the last step rolls back the organization and contact made before it', async () => {
    const lead = await createLead(uniqueLead());
    const before = await counts();
    const response = await convert(lead.id, { opportunity: { contactId: missingId() } });
    expectProblem(response, 400, { field: 'opportunity.contactId', code: 'reference_not_found' });
    assert.deepEqual(await counts(), before, 'the organization and contact were rolled back');
    assert.equal((await get('leads', lead.id)).converted, false);
    assert.ok((await leadListIds()).includes(lead.id));
  });

  test('an opportunity needs an organization or a contact', async () => {
    const lead = await createLead(uniqueLead());
    const response = await convert(lead.id, { organization: false, contact: false });
    expectProblem(response, 400, { field: 'opportunity.organizationId', code: 'required_one_of' });
  });

  test('a conversion that creates nothing is refused', async () => {
    const lead = await createLead(uniqueLead());
    const response = await convert(lead.id, { organization: false, contact: false, opportunity: false });
    expectProblem(response, 400, { field: 'body', code: 'nothing_to_convert' });
  });

  test('assignTo must name one existing user or group', async () => {
    const lead = await createLead(uniqueLead());
    expectProblem(await convert(lead.id, { assignTo: { userId: missingId() } }), 400, {
      field: 'assignTo.userId',
      code: 'reference_not_found',
    });
    expectProblem(await convert(lead.id, { assignTo: { userId: adminId, groupId: missingId() } }), 400, {
      field: 'assignTo.groupId',
      code: 'one_owner',
    });
    expectProblem(await convert(lead.id, { assignTo: {} }), 400, { field: 'assignTo.userId', code: 'required' });
    const leaver = await plainUserClient(server.url, api);
    ok(await api.patch(`/api/v1/users/${leaver.id}`, { active: false }));
    expectProblem(await convert(lead.id, { assignTo: { userId: leaver.id } }), 400, {
      field: 'assignTo.userId',
      code: 'inactive_user',
    });
    expectProblem(await convert(lead.id, { assignTo: { groupId: missingId() } }), 400, {
      field: 'assignTo.groupId',
      code: 'reference_not_found',
    });
  });

  test('an unknown lead is 404; a bad id is 400; messages come in English on request', async () => {
    expectProblem(await convert(missingId()), 404);
    expectProblem(await convert('not-an-id'), 400, { field: 'id' });
    const response = await convert(missingId(), {}, api);
    assert.equal(typeof response.body.detail, 'string');
    const english = await api.post(
      `/api/v1/leads/${(await createLead(uniqueLead())).id}/convert`,
      { opportunity: { amount: -5 } },
      { language: 'en' },
    );
    const error = expectProblem(english, 400, { field: 'opportunity.amount', code: 'too_small' });
    assert.match(error!.message, /smallest allowed value is 0/);
  });
});

describe('an organization that already exists', () => {
  let existing: any;
  before(async () => {
    existing = ok(await api.post('/api/v1/organizations', { name: 'شرکت صنايع كاشي نگين (سهامی خاص)' }), 201);
  });

  test('the same company under another spelling is a 409 with the candidates, and nothing is created', async () => {
    const lead = await createLead({ firstName: 'سحر', lastName: 'امینی', company: 'صنایع کاشی نگین' });
    const before = await counts();
    const response = await convert(lead.id);
    expectProblem(response, 409, { field: 'organization', code: 'organization_exists' });
    assert.deepEqual(response.body.candidates, [
      { module: 'organizations', id: existing.id, number: existing.number, name: existing.name },
    ]);
    assert.deepEqual(await counts(), before);
    assert.equal((await get('leads', lead.id)).converted, false);
  });

  test('`existingId` links the contact and the opportunity to it, and creates no organization', async () => {
    const lead = await createLead({ firstName: 'سحر', lastName: 'امینی', company: 'صنایع کاشی نگین' });
    const before = await counts();
    const result = ok(await convert(lead.id, { organization: { existingId: existing.id } }));
    assert.equal(result.organizationId, existing.id);
    assert.equal((await get('contacts', result.contactId)).organizationId, existing.id);
    assert.equal((await get('opportunities', result.opportunityId)).organizationId, existing.id);
    assert.equal((await counts()).organizations, before.organizations);
    assert.equal((await get('leads', lead.id)).convertedOrganizationId, existing.id);
  });

  test('`createNew: true` creates another organization all the same', async () => {
    const lead = await createLead({ lastName: 'حیدری', company: 'صنایع کاشی نگین' });
    const result = ok(await convert(lead.id, { organization: { createNew: true } }));
    assert.notEqual(result.organizationId, existing.id);
    assert.equal((await get('organizations', result.organizationId)).name, 'صنایع کاشی نگین');
  });

  test('`existingId` stands alone and must be a live organization', async () => {
    const lead = await createLead({ lastName: 'حیدری', company: 'صنایع کاشی نگین' });
    expectProblem(await convert(lead.id, { organization: { existingId: existing.id, name: 'x' } }), 400, {
      field: 'organization.existingId',
      code: 'existing_id_alone',
    });
    expectProblem(await convert(lead.id, { organization: { existingId: missingId() } }), 400, {
      field: 'organization.existingId',
      code: 'reference_not_found',
    });
  });
});

describe('the conversion mapping of custom fields', () => {
  const field = async (module: string, body: Record<string, unknown>) =>
    ok(await api.post(`/api/v1/metadata/modules/${module}/fields`, body), 201);
  const band = (values: string[]) => values.map((value) => ({ value, label: { fa: value, en: value } }));

  before(async () => {
    await field('leads', {
      name: 'budgetBand',
      type: 'picklist',
      label: { fa: 'بازه بودجه' },
      options: band(['s', 'm']),
    });
    await field('opportunities', {
      name: 'budgetBand',
      type: 'picklist',
      label: { fa: 'بازه بودجه' },
      options: band(['s', 'm', 'l']),
    });
    await field('leads', { name: 'referrerPhone', type: 'phone', label: { fa: 'تلفن معرف' } });
    await field('contacts', { name: 'referrer', type: 'text', label: { fa: 'معرف' } });
    await field('leads', { name: 'visitDate', type: 'date', label: { fa: 'تاریخ بازدید' } });
    await field('organizations', { name: 'branchCount', type: 'number', label: { fa: 'تعداد شعبه' } });
    await field('organizations', { name: 'tier', type: 'picklist', label: { fa: 'سطح' }, options: band(['s']) });
  });

  const mappings = [
    { leadField: 'custom.budgetBand', targetModule: 'opportunities', targetField: 'custom.budgetBand' },
    { leadField: 'custom.referrerPhone', targetModule: 'contacts', targetField: 'custom.referrer' },
    { leadField: 'description', targetModule: 'opportunities', targetField: 'description' },
  ];

  test('an admin saves a type-checked mapping; everyone can read it', async () => {
    const refused = await api.put('/api/v1/leads/conversion-mapping', {
      mappings: [
        ...mappings,
        { leadField: 'custom.visitDate', targetModule: 'organizations', targetField: 'custom.branchCount' },
      ],
    });
    const error = expectProblem(refused, 422, { field: 'mappings.3', code: 'incompatible_field_types' });
    assert.match(error!.message, /custom\.visitDate/);
    assert.match(error!.message, /organizations\.custom\.branchCount/);

    const narrower = await api.put('/api/v1/leads/conversion-mapping', {
      mappings: [{ leadField: 'custom.budgetBand', targetModule: 'organizations', targetField: 'custom.tier' }],
    });
    expectProblem(narrower, 422, { field: 'mappings.0', code: 'options_missing_in_target' });

    const unknown = await api.put('/api/v1/leads/conversion-mapping', {
      mappings: [
        { leadField: 'custom.nope', targetModule: 'contacts', targetField: 'custom.referrer' },
        { leadField: 'company', targetModule: 'opportunities', targetField: 'leadId' },
      ],
    });
    expectProblem(unknown, 400, { field: 'mappings.0.leadField', code: 'unknown_field' });
    expectProblem(unknown, 400, { field: 'mappings.1.targetField', code: 'read_only' });
    const module = await api.put('/api/v1/leads/conversion-mapping', {
      mappings: [{ leadField: 'company', targetModule: 'tickets', targetField: 'name' }],
    });
    expectProblem(module, 400, { field: 'mappings.0.targetModule', code: 'invalid_value' });

    const twice = await api.put('/api/v1/leads/conversion-mapping', { mappings: [mappings[0], mappings[0]] });
    expectProblem(twice, 400, { field: 'mappings.1.targetField', code: 'listed_twice' });

    const seller = await plainUserClient(server.url, api);
    expectProblem(await seller.api.put('/api/v1/leads/conversion-mapping', { mappings }), 403);

    assert.deepEqual(ok(await api.put('/api/v1/leads/conversion-mapping', { mappings })), { mappings });
    assert.deepEqual(ok(await seller.api.get('/api/v1/leads/conversion-mapping')), { mappings });
  });

  test('a conversion copies the mapped values; values sent in the request win', async () => {
    ok(await api.put('/api/v1/leads/conversion-mapping', { mappings }));
    const lead = await createLead(
      uniqueLead({ description: 'نیاز به ۲۰ مجوز', custom: { budgetBand: 'm', referrerPhone: '0912 123 4567' } }),
    );
    const result = ok(await convert(lead.id));
    const opportunity = await get('opportunities', result.opportunityId);
    assert.equal(opportunity.custom.budgetBand, 'm');
    assert.equal(opportunity.description, 'نیاز به ۲۰ مجوز');
    assert.equal((await get('contacts', result.contactId)).custom.referrer, '0912 123 4567');

    const other = await createLead(uniqueLead({ custom: { budgetBand: 'm' } }));
    const chosen = ok(await convert(other.id, { opportunity: { custom: { budgetBand: 'l' } } }));
    assert.equal((await get('opportunities', chosen.opportunityId)).custom.budgetBand, 'l');
  });

  test('the dialog’s starting values carry the mapped ones', async () => {
    ok(await api.put('/api/v1/leads/conversion-mapping', { mappings }));
    const lead = await createLead(uniqueLead({ custom: { budgetBand: 's' } }));
    const start = ok(await api.get(`/api/v1/leads/${lead.id}/conversion-defaults`));
    assert.deepEqual(start.opportunity.custom, { budgetBand: 's' });
  });

  test('a mapped custom field that is deleted drops out of the mapping', async () => {
    ok(await api.put('/api/v1/leads/conversion-mapping', { mappings }));
    assert.equal((await api.delete('/api/v1/metadata/modules/contacts/fields/referrer')).status, 204);
    assert.deepEqual(ok(await api.get('/api/v1/leads/conversion-mapping')).mappings, [mappings[0], mappings[2]]);
    const lead = await createLead(uniqueLead({ custom: { referrerPhone: '09121234567' } }));
    ok(await convert(lead.id));
  });
});
