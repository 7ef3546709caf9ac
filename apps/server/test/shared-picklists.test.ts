import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { expectProblem, ok } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;

type Option = { value: string; label: { fa: string; en: string }; hidden?: boolean };
const instagram: Option = { value: 'instagram', label: { fa: 'اینستاگرام', en: 'Instagram' } };
const fieldPath = (module: string, field: string) => `/api/v1/metadata/modules/${module}/fields/${field}`;

async function optionsOf(module: string, field: string): Promise<Option[]> {
  const def = ok(await api.get(`/api/v1/metadata/modules/${module}`));
  return def.fields.find((f: { name: string }) => f.name === field).options;
}

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
});
after(() => server.stop());

/** Lead sources, industries, ratings and salutations are one list each, wherever a lead's value travels. */
describe('picklists shared between modules', () => {
  test('a lead source the admin adds to leads is a contact’s and a deal’s source too', async () => {
    ok(
      await api.patch(fieldPath('leads', 'leadSource'), {
        options: [...(await optionsOf('leads', 'leadSource')), instagram],
      }),
    );
    for (const module of ['contacts', 'opportunities'])
      assert.deepEqual((await optionsOf(module, 'leadSource')).at(-1), instagram, module);
  });

  test('so a lead from it converts, its source going to the contact and the deal', async () => {
    const lead = ok(
      await api.post('/api/v1/leads', {
        firstName: 'احمد',
        lastName: 'صادقی',
        company: 'پرتو گستر امید',
        leadSource: 'instagram',
      }),
      201,
    );
    const converted = ok(await api.post(`/api/v1/leads/${lead.id}/convert`, {}));
    const contact = ok(await api.get(`/api/v1/contacts/${converted.contactId}`));
    const deal = ok(await api.get(`/api/v1/opportunities/${converted.opportunityId}`));
    assert.equal(contact.leadSource, 'instagram');
    assert.equal(deal.leadSource, 'instagram');
  });

  test('the list is edited where it lives: elsewhere its options are refused, naming that field', async () => {
    const refused = expectProblem(await api.patch(fieldPath('contacts', 'leadSource'), { options: [instagram] }), 400, {
      field: 'options',
      code: 'options_shared',
    });
    assert.match(refused!.message, /leadSource/);
    assert.equal((await optionsOf('contacts', 'leadSource')).length, (await optionsOf('leads', 'leadSource')).length);
    // Its own label is still the module's to change.
    const relabelled = ok(
      await api.patch(fieldPath('contacts', 'leadSource'), { label: { fa: 'آشنایی از', en: 'Met via' } }),
    );
    assert.equal(relabelled.label.fa, 'آشنایی از');
  });

  test('a value only a contact holds cannot be removed from the lead list; hidden, it is hidden everywhere', async () => {
    const sources = await optionsOf('leads', 'leadSource');
    const fair = { value: 'fair', label: { fa: 'نمایشگاه کتاب', en: 'Book fair' } };
    ok(await api.patch(fieldPath('leads', 'leadSource'), { options: [...sources, fair] }));
    ok(await api.post('/api/v1/contacts', { lastName: 'نوری', leadSource: 'fair' }), 201);
    expectProblem(await api.patch(fieldPath('leads', 'leadSource'), { options: sources }), 422, {
      field: 'options',
      code: 'option_in_use',
    });
    ok(await api.patch(fieldPath('leads', 'leadSource'), { options: [...sources, { ...fair, hidden: true }] }));
    assert.equal((await optionsOf('opportunities', 'leadSource')).at(-1)!.hidden, true);
  });

  test('an industry added to organizations is a lead’s industry, and a lead’s rating an organization’s', async () => {
    const solar = { value: 'solar', label: { fa: 'انرژی خورشیدی', en: 'Solar energy' } };
    ok(
      await api.patch(fieldPath('organizations', 'industry'), {
        options: [...(await optionsOf('organizations', 'industry')), solar],
      }),
    );
    const lead = ok(
      await api.post('/api/v1/leads', { lastName: 'کریمی', company: 'خورشید پارس', industry: 'solar' }),
      201,
    );
    const converted = ok(await api.post(`/api/v1/leads/${lead.id}/convert`, { opportunity: false }));
    assert.equal(ok(await api.get(`/api/v1/organizations/${converted.organizationId}`)).industry, 'solar');
    assert.deepEqual(await optionsOf('leads', 'rating'), await optionsOf('organizations', 'rating'));
    assert.deepEqual(await optionsOf('leads', 'salutation'), await optionsOf('contacts', 'salutation'));
  });
});
