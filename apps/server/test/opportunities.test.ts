import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tehranDateOf } from '@peyvand/shared';
import { ApiClient } from './support/api-client.js';
import { expectProblem, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;
let adminId: string;
let organizationId: string;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  adminId = ok(await api.get('/api/v1/me')).id;
  organizationId = ok(await api.post('/api/v1/organizations', { name: 'فولاد مبارکه' }), 201).id;
});
after(() => server.stop());

const createDeal = async (body: Record<string, unknown>) =>
  ok(
    await api.post('/api/v1/opportunities', {
      name: 'قرارداد',
      organizationId,
      expectedCloseDate: '1404/06/31',
      ...body,
    }),
    201,
  );

const stageField = async () =>
  ok(await api.get('/api/v1/metadata/modules/opportunities/fields')).data.find((f: any) => f.name === 'stage');

describe('the opportunities module', () => {
  test('it has the fields of the API contract, OPP numbers, and shows under organizations and contacts', async () => {
    const module = ok(await api.get('/api/v1/metadata/modules/opportunities'));
    const names = module.fields.map((f: any) => f.name);
    for (const name of [
      'name',
      'organizationId',
      'contactId',
      'amount',
      'expectedCloseDate',
      'stage',
      'probability',
      'leadSource',
      'nextStep',
      'closeReason',
      'leadId',
    ]) {
      assert.ok(names.includes(name), name);
    }
    assert.equal(module.label.singular.fa, 'فرصت فروش');
    const expected = module.fields.find((f: any) => f.name === 'expectedCloseDate');
    assert.equal(expected.label.fa, 'تاریخ مورد انتظار بسته شدن');
    const organizations = ok(await api.get('/api/v1/metadata/modules/organizations'));
    assert.ok(organizations.relations.some((r: any) => r.name === 'opportunities' && r.field === 'organizationId'));
    const contacts = ok(await api.get('/api/v1/metadata/modules/contacts'));
    assert.ok(contacts.relations.some((r: any) => r.name === 'opportunities' && r.field === 'contactId'));

    const deal = await createDeal({});
    assert.match(deal.number, /^OPP-\d+$/);
    assert.equal(deal.ownerId, adminId);
  });

  test('every sales stage carries a probability and an open, won or lost kind', async () => {
    const stage = await stageField();
    assert.deepEqual(
      stage.options.map((o: any) => [o.value, o.probability, o.kind]),
      [
        ['prospecting', 10, 'open'],
        ['qualification', 20, 'open'],
        ['needs_analysis', 30, 'open'],
        ['proposal', 60, 'open'],
        ['negotiation', 80, 'open'],
        ['closed_won', 100, 'won'],
        ['closed_lost', 0, 'lost'],
      ],
    );
  });

  test('a deal needs a name, an expected close date and an organization or a contact', async () => {
    const response = await api.post('/api/v1/opportunities', { amount: 1000 });
    expectProblem(response, 400, { field: 'name', code: 'required' });
    expectProblem(response, 400, { field: 'expectedCloseDate', code: 'required' });
    expectProblem(response, 400, { field: 'organizationId', code: 'required_one_of' });
    expectProblem(
      await api.post('/api/v1/opportunities', {
        name: 'x',
        organizationId,
        expectedCloseDate: '1404/02/31',
        probability: 120,
      }),
      400,
      {
        field: 'probability',
        code: 'too_big',
      },
    );
  });
});

describe('probability and closing follow the stage', () => {
  test('a new deal starts in the first open stage with its probability', async () => {
    const deal = await createDeal({});
    assert.equal(deal.stage, 'prospecting');
    assert.equal(deal.probability, 10);
    assert.equal(deal.closedOn, null);
  });

  test('a stated probability is kept; moving the deal gives it the new stage’s', async () => {
    const deal = await createDeal({ stage: 'proposal', probability: 45 });
    assert.equal(deal.probability, 45);
    const moved = ok(
      await api.patch(`/api/v1/opportunities/${deal.id}`, { stage: 'negotiation', version: deal.version }),
    );
    assert.equal(moved.probability, 80);
    const renamed = ok(await api.patch(`/api/v1/opportunities/${deal.id}`, { name: 'قرارداد تازه' }));
    assert.equal(renamed.probability, 80, 'a change that is not a move keeps the probability');
    const both = ok(await api.patch(`/api/v1/opportunities/${deal.id}`, { stage: 'proposal', probability: 50 }));
    assert.equal(both.probability, 50);
  });

  test('won or lost, the deal records the day it closed (Tehran); reopened, it loses it', async () => {
    const deal = await createDeal({ stage: 'negotiation', amount: 900_000_000 });
    const won = ok(await api.patch(`/api/v1/opportunities/${deal.id}`, { stage: 'closed_won' }));
    assert.equal(won.probability, 100);
    assert.equal(won.closedOn, tehranDateOf(new Date()));
    const history = ok(await api.get(`/api/v1/opportunities/${deal.id}/history`));
    assert.ok(history.data[0].changes.some((c: any) => c.field === 'stage' && c.to === 'closed_won'));

    const backdated = ok(await api.patch(`/api/v1/opportunities/${deal.id}`, { closedOn: '1404/01/15' }));
    assert.equal(backdated.closedOn, '2025-04-04');
    const lost = ok(
      await api.patch(`/api/v1/opportunities/${deal.id}`, { stage: 'closed_lost', closeReason: 'price' }),
    );
    assert.equal(lost.closedOn, '2025-04-04', 'won to lost is a correction: the closing day stays');
    assert.equal(lost.probability, 0);
    const reopened = ok(await api.patch(`/api/v1/opportunities/${deal.id}`, { stage: 'negotiation' }));
    assert.equal(reopened.closedOn, null);
  });
});

describe('admins edit the funnel and the lead picklists through the metadata API', () => {
  test('stages get new probabilities and new stages, and new deals follow them', async () => {
    const current = await stageField();
    const options = current.options.map((o: any) => (o.value === 'negotiation' ? { ...o, probability: 70 } : o));
    options.splice(4, 0, { value: 'demo', label: { fa: 'نمایش محصول', en: 'Demo' }, probability: 45, kind: 'open' });
    const changed = ok(await api.patch('/api/v1/metadata/modules/opportunities/fields/stage', { options }));
    assert.equal(changed.options[4].value, 'demo');
    assert.equal((await createDeal({ stage: 'demo' })).probability, 45);
    assert.equal((await createDeal({ stage: 'negotiation' })).probability, 70);
  });

  test('a stage without a probability or a kind is refused; other picklists take neither', async () => {
    const current = await stageField();
    const missing = [...current.options, { value: 'x', label: { fa: 'ایکس' } }];
    const response = await api.patch('/api/v1/metadata/modules/opportunities/fields/stage', { options: missing });
    const last = current.options.length;
    expectProblem(response, 400, { field: `options.${last}.probability`, code: 'required' });
    expectProblem(response, 400, { field: `options.${last}.kind`, code: 'required' });
    expectProblem(
      await api.patch('/api/v1/metadata/modules/opportunities/fields/stage', {
        options: current.options.map((o: any, i: number) => (i === 0 ? { ...o, kind: 'maybe' } : o)),
      }),
      400,
      { field: 'options.0.kind' },
    );
    const sources = ok(await api.get('/api/v1/metadata/modules/leads/fields')).data.find(
      (f: any) => f.name === 'leadSource',
    );
    const withProbability = sources.options.map((o: any, i: number) => (i === 0 ? { ...o, probability: 5 } : o));
    expectProblem(
      await api.patch('/api/v1/metadata/modules/leads/fields/leadSource', { options: withProbability }),
      400,
      { field: 'options.0.probability', code: 'unknown_field' },
    );
  });

  test('lead statuses, lead sources and industries are edited the same way; plain users may not', async () => {
    const statuses = ok(await api.get('/api/v1/metadata/modules/leads/fields')).data.find(
      (f: any) => f.name === 'leadStatus',
    );
    const options = [...statuses.options, { value: 'call_back', label: { fa: 'تماس مجدد', en: 'Call back' } }];
    ok(await api.patch('/api/v1/metadata/modules/leads/fields/leadStatus', { options }));
    const lead = ok(await api.post('/api/v1/leads', { lastName: 'نوری', leadStatus: 'تماس مجدد' }), 201);
    assert.equal(lead.leadStatus, 'call_back');
    const seller = await plainUserClient(server.url, api);
    expectProblem(await seller.api.patch('/api/v1/metadata/modules/leads/fields/leadStatus', { options }), 403);
  });
});

describe('the pipeline board', () => {
  let board: ApiClient;
  let seller: { id: string; api: ApiClient };
  const amounts = { prospecting: [100, 300], proposal: [1000], closed_won: [5000], closed_lost: [700] };

  // A server of its own: the board adds up every deal of the workspace.
  let own: TestServer;
  after(() => own.stop());

  before(async () => {
    own = await startTestServer();
    board = new ApiClient(own.url, own.adminToken);
    seller = await plainUserClient(own.url, board);
    const org = ok(await board.post('/api/v1/organizations', { name: 'پتروشیمی جم' }), 201).id;
    const deal = async (stage: string, amount: number, extra: Record<string, unknown> = {}) =>
      ok(
        await board.post('/api/v1/opportunities', {
          name: `${stage} ${amount}`,
          organizationId: org,
          stage,
          amount,
          expectedCloseDate: '1404/03/10',
          ...extra,
        }),
        201,
      );
    for (const [stage, list] of Object.entries(amounts)) for (const amount of list) await deal(stage, amount);
    await deal('proposal', 2000, { ownerId: seller.id, expectedCloseDate: '1404/08/01' });
    await deal('negotiation', 400, { probability: 50, expectedCloseDate: '1404/08/15' });
    // A deal whose probability was cleared counts at its stage's.
    const cleared = await deal('negotiation', 1000, { expectedCloseDate: '1404/08/20' });
    ok(await board.patch(`/api/v1/opportunities/${cleared.id}`, { probability: null }));
  });

  test('columns come in the funnel’s order with count, amount and amount × probability', async () => {
    const pipeline = ok(await board.get('/api/v1/opportunities/pipeline'));
    assert.deepEqual(
      pipeline.stages.map((s: any) => [s.stage, s.count, s.amount, s.weightedAmount]),
      [
        ['prospecting', 2, 400, 40],
        ['qualification', 0, 0, 0],
        ['needs_analysis', 0, 0, 0],
        ['proposal', 2, 3000, 1800],
        ['negotiation', 2, 1400, 200 + 800],
        ['closed_won', 1, 5000, 5000],
        ['closed_lost', 1, 700, 0],
      ],
    );
    assert.deepEqual(pipeline.stages[0].label, { fa: 'شناسایی', en: 'Prospecting' });
    assert.equal(pipeline.stages[0].kind, 'open');
    assert.deepEqual(pipeline.totals, { count: 8, amount: 10_500, weightedAmount: 7_840 });
    assert.deepEqual(pipeline.open, { count: 6, amount: 4_800, weightedAmount: 2_840 });
  });

  test('filters by owner and by expected close date, Jalali dates welcome', async () => {
    const mine = ok(await board.get(`/api/v1/opportunities/pipeline?ownerId=${seller.id}`));
    assert.deepEqual(mine.totals, { count: 1, amount: 2000, weightedAmount: 1200 });
    const aban = ok(
      await board.get(
        `/api/v1/opportunities/pipeline?closeFrom=${encodeURIComponent('۱۴۰۴/۰۸/۰۱')}&closeTo=1404/08/30`,
      ),
    );
    assert.deepEqual(aban.totals, { count: 3, amount: 3400, weightedAmount: 1200 + 200 + 800 });
    const report = ok(
      await board.get('/api/v1/reports/sales/pipeline-by-stage?closeFrom=2025-10-23&closeTo=2025-11-21'),
    );
    assert.deepEqual(report, aban, 'the pipeline report is the board’s figures');
    expectProblem(await board.get('/api/v1/opportunities/pipeline?closeFrom=1404/08/30&closeTo=1404/08/01'), 400, {
      field: 'closeTo',
      code: 'ends_before_start',
    });
    expectProblem(await board.get('/api/v1/opportunities/pipeline?closeFrom=1404/13/01'), 400, {
      field: 'closeFrom',
      code: 'invalid_date',
    });
    expectProblem(await board.get('/api/v1/opportunities/pipeline?ownerId=me'), 400, { field: 'ownerId' });
  });

  test('moving a card is a PATCH of the stage with the version; a stale version is 409 and moves nothing', async () => {
    const column = ok(
      await board.post('/api/v1/opportunities/query', { filter: { field: 'stage', op: 'eq', value: 'prospecting' } }),
    );
    const card = column.data[0];
    const moved = ok(
      await board.patch(`/api/v1/opportunities/${card.id}`, { stage: 'qualification', version: card.version }),
    );
    assert.equal(moved.version, card.version + 1);
    assert.equal(moved.probability, 20);
    const stale = await board.patch(`/api/v1/opportunities/${card.id}`, { stage: 'proposal', version: card.version });
    expectProblem(stale, 409, { field: 'version', code: 'version_conflict' });
    assert.equal(ok(await board.get(`/api/v1/opportunities/${card.id}`)).stage, 'qualification');
    const pipeline = ok(await board.get('/api/v1/opportunities/pipeline'));
    assert.equal(pipeline.stages.find((s: any) => s.stage === 'qualification').count, 1);
  });
});
