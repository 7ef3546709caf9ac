import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tehranDateOf, toJalaliParts } from '@peyvand/shared';
import { sql } from 'kysely';
import { Random } from '../src/demo/random.js';
import { ApiClient } from './support/api-client.js';
import { expectProblem, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

/*
 * Reports against counts made directly in SQL, and against what the generated data says in
 * JavaScript, on leads spread over fourteen months, some of them just after midnight in Tehran.
 */

let server: TestServer;
let api: ApiClient;
let owners: string[];
/** The Tehran day each generated lead was created on, by id. */
const leadDays = new Map<string, string>();

const SOURCES = ['website', 'exhibition', 'referral', 'cold_call', undefined];
const STATUSES = ['new', 'contacted', 'qualified', 'junk', undefined];
const FIRST = Date.parse('2024-01-01T00:00:00Z');
const LAST = Date.parse('2025-03-15T00:00:00Z');
// 20:45 UTC is 00:15 the next day in Tehran: 20 March 2024 is the first day of 1403 (Farvardin).
const JUST_AFTER_NOWRUZ = '2024-03-19T20:45:00Z';

const db = () => server.server.ctx.database.db;

async function count(query: ReturnType<typeof sql<{ n: string }>>): Promise<number> {
  return Number((await query.execute(db())).rows[0]!.n);
}

const tehranDay = sql`(created_at at time zone 'Asia/Tehran')::date`;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  const sellers = [await plainUserClient(server.url, api), await plainUserClient(server.url, api)];
  owners = [ok(await api.get('/api/v1/me')).id, ...sellers.map((s) => s.id)];
  const rng = new Random('sales reports');

  const leads: { id: string; company: string }[] = [];
  for (let i = 0; i < 150; i++) {
    const body = {
      lastName: `سرنخ ${i}`,
      company: `شرکت گزارش ${i}`,
      ownerId: rng.pick(owners),
      ...(rng.pick(SOURCES) ? { leadSource: rng.pick(SOURCES.slice(0, 4)) } : {}),
      ...(rng.chance(0.8) ? { leadStatus: rng.pick(STATUSES.slice(0, 4)) } : {}),
    };
    const lead = ok(await api.post('/api/v1/leads', body), 201);
    const created = i === 0 ? JUST_AFTER_NOWRUZ : new Date(rng.int(FIRST, LAST)).toISOString();
    await sql`update records set created_at = ${created} where id = ${lead.id}`.execute(db());
    leadDays.set(lead.id, tehranDateOf(new Date(created)));
    leads.push(lead);
  }
  // Some become an opportunity, a few only a contact and an organization: those do not count as converted.
  for (const [i, lead] of leads.entries()) {
    if (i % 4 === 1) ok(await api.post(`/api/v1/leads/${lead.id}/convert`, {}));
    else if (i % 15 === 2) ok(await api.post(`/api/v1/leads/${lead.id}/convert`, { opportunity: false }));
  }
  // A deleted lead counts nowhere.
  ok(await api.delete(`/api/v1/leads/${leads[3]!.id}`));
  leadDays.delete(leads[3]!.id);

  const organizationId = ok(await api.post('/api/v1/organizations', { name: 'خریدار گزارش' }), 201).id;
  for (let i = 0; i < 40; i++) {
    const closedOn = tehranDateOf(new Date(rng.int(FIRST, LAST)));
    await api.post('/api/v1/opportunities', {
      name: `معامله ${i}`,
      organizationId,
      expectedCloseDate: closedOn,
      amount: rng.int(1, 90) * 1_000_000,
      stage: rng.pick(['closed_won', 'closed_won', 'closed_lost', 'negotiation']),
      closedOn,
    });
  }
});
after(() => server.stop());

const report = async (path: string) => ok(await api.get(`/api/v1/reports/sales/${path}`));

describe('new leads per Jalali month and week', () => {
  test('each month of the range counts the leads created on its days in Tehran', async () => {
    const result = await report('new-leads?from=1402/10/11&to=1403/12/25');
    assert.equal(result.period, 'month');
    assert.equal(result.from, '2023-12-22', 'the range grows to the first day of Dey 1402');
    assert.equal(result.to, '2025-03-20', 'and to the last day of Esfand 1403');
    assert.deepEqual(
      result.data.map((p: any) => p.key),
      [
        '1402-10',
        '1402-11',
        '1402-12',
        ...Array.from({ length: 12 }, (_, i) => `1403-${String(i + 1).padStart(2, '0')}`),
      ],
    );
    assert.deepEqual(result.data[3].label, { fa: 'فروردین ۱۴۰۳', en: 'Farvardin 1403' });
    for (const period of result.data) {
      const inSql = await count(sql<{ n: string }>`select count(*) as n from records
        where module = 'leads' and deleted_at is null and ${tehranDay} between ${period.start} and ${period.end}`);
      const generated = [...leadDays.values()].filter((day) => {
        const { year, month } = toJalaliParts(day);
        return `${year}-${String(month).padStart(2, '0')}` === period.key;
      }).length;
      assert.equal(period.count, inSql, `${period.key} against SQL`);
      assert.equal(period.count, generated, `${period.key} against the generated data`);
    }
    assert.equal(
      result.data.reduce((n: number, p: any) => n + p.count, 0),
      leadDays.size,
    );
  });

  test('a lead created at 00:15 on Nowruz in Tehran (20:45 UTC the day before) counts in Farvardin', async () => {
    const esfand = await report('new-leads?from=1402/12/29&to=1402/12/29');
    const farvardin = await report('new-leads?from=1403/01/01&to=1403/01/01');
    const firstDay = [...leadDays.values()].filter((d) => d === '2024-03-20').length;
    assert.ok(firstDay >= 1);
    const inFarvardin = [...leadDays.values()].filter((d) => d >= '2024-03-20' && d <= '2024-04-19').length;
    assert.equal(farvardin.data[0].count, inFarvardin);
    assert.equal(
      esfand.data[0].count,
      [...leadDays.values()].filter((d) => d >= '2024-02-20' && d <= '2024-03-19').length,
    );
  });

  test('weeks run Saturday to Friday and add up to the same leads', async () => {
    const result = await report('new-leads?period=week&from=1403/01/01&to=1403/03/31');
    assert.equal(result.period, 'week');
    for (const period of result.data) {
      assert.equal(new Date(`${period.start}T00:00:00Z`).getUTCDay(), 6, `${period.key} starts on a Saturday`);
      const inSql = await count(sql<{ n: string }>`select count(*) as n from records
        where module = 'leads' and deleted_at is null and ${tehranDay} between ${period.start} and ${period.end}`);
      assert.equal(period.count, inSql, period.key);
    }
    assert.match(result.data[0].label.fa, /^هفته /);
  });

  test('without a range, the last twelve Jalali months up to today', async () => {
    const result = await report('new-leads');
    assert.equal(result.data.length, 12);
    const today = tehranDateOf(new Date());
    assert.ok(result.data.at(-1).start <= today && today <= result.data.at(-1).end);
  });
});

describe('leads by source, by status and by owner', () => {
  const range = 'from=1403/01/01&to=1403/12/30';
  const between = sql`${tehranDay} between '2024-03-20' and '2025-03-20'`;

  for (const [path, field] of [
    ['leads-by-source', 'leadSource'],
    ['leads-by-status', 'leadStatus'],
  ] as const) {
    test(`${path} counts every option, then the leads without one`, async () => {
      const result = await report(`${path}?${range}`);
      assert.equal(result.field, field);
      const rows = (
        await sql<{ value: string | null; n: string }>`select data ->> ${field} as value, count(*) as n from records
          where module = 'leads' and deleted_at is null and ${between} group by 1`.execute(db())
      ).rows;
      const expected = new Map(rows.map((r) => [r.value, Number(r.n)]));
      for (const entry of result.data) assert.equal(entry.count, expected.get(entry.value) ?? 0, String(entry.value));
      assert.equal(
        result.data.reduce((n: number, e: any) => n + e.count, 0),
        [...expected.values()].reduce((n, c) => n + c, 0),
      );
      assert.equal(result.data.at(-1).value, null);
      assert.deepEqual(result.data.at(-1).label, { fa: 'نامشخص', en: 'Not set' });
    });
  }

  test('the conversion rate per owner counts leads that became an opportunity', async () => {
    const result = await report(`lead-conversion-by-owner?${range}`);
    const rows = (
      await sql<{ owner: string; leads: string; converted: string }>`select owner_id as owner, count(*) as leads,
        count(*) filter (where data @> '{"converted": true}' and data ? 'convertedOpportunityId') as converted
        from records where module = 'leads' and deleted_at is null and ${between} group by 1`.execute(db())
    ).rows;
    assert.equal(result.data.length, rows.length);
    for (const row of rows) {
      const entry = result.data.find((e: any) => e.ownerId === row.owner);
      assert.ok(entry, row.owner);
      assert.equal(entry.leads, Number(row.leads));
      assert.equal(entry.converted, Number(row.converted));
      assert.equal(entry.rate, Number(row.converted) / Number(row.leads));
      assert.ok(owners.includes(entry.ownerId));
    }
    const leadsByOwner = result.data.map((e: any) => e.leads);
    assert.deepEqual(
      leadsByOwner,
      [...leadsByOwner].sort((a, b) => b - a),
      'most leads first',
    );
  });
});

describe('conversion rate and won amount per Jalali month', () => {
  test('of the leads created in each month, the share converted into an opportunity', async () => {
    const result = await report('lead-conversion?from=1402/10/11&to=1403/12/25');
    let leads = 0;
    let converted = 0;
    for (const period of result.data) {
      const row = (
        await sql<{ leads: string; converted: string }>`select count(*) as leads,
          count(*) filter (where data @> '{"converted": true}' and data ? 'convertedOpportunityId') as converted
          from records where module = 'leads' and deleted_at is null
          and ${tehranDay} between ${period.start} and ${period.end}`.execute(db())
      ).rows[0]!;
      assert.equal(period.leads, Number(row.leads), period.key);
      assert.equal(period.converted, Number(row.converted), period.key);
      assert.equal(period.rate, period.leads === 0 ? 0 : period.converted / period.leads);
      leads += period.leads;
      converted += period.converted;
    }
    assert.ok(converted > 0 && converted < leads);
    assert.deepEqual(result.totals, { leads, converted, rate: converted / leads });
  });

  test('won deals and their amount per month, by the day they closed', async () => {
    const result = await report('won-amount?from=1402/10/11&to=1403/12/25');
    let deals = 0;
    for (const period of result.data) {
      const row = (
        await sql<{
          n: string;
          amount: string | null;
        }>`select count(*) as n, sum((data ->> 'amount')::numeric) as amount
          from records where module = 'opportunities' and deleted_at is null and data ->> 'stage' = 'closed_won'
          and data ->> 'closedOn' between ${period.start} and ${period.end}`.execute(db())
      ).rows[0]!;
      assert.equal(period.count, Number(row.n), period.key);
      assert.equal(period.amount, Number(row.amount ?? 0), period.key);
      deals += period.count;
    }
    assert.ok(deals > 0, 'some deals were won in the range');
  });
});

describe('report ranges are checked', () => {
  test('a start after the end, a bad date, an over-long range or an unknown period is a 400 naming it', async () => {
    expectProblem(await api.get('/api/v1/reports/sales/new-leads?from=1403/05/01&to=1403/04/01'), 400, {
      field: 'to',
      code: 'ends_before_start',
    });
    expectProblem(await api.get('/api/v1/reports/sales/leads-by-source?from=1403/13/01'), 400, {
      field: 'from',
      code: 'invalid_date',
    });
    expectProblem(await api.get('/api/v1/reports/sales/won-amount?from=1380/01/01&to=1403/01/01'), 400, {
      field: 'from',
      code: 'range_too_long',
    });
    expectProblem(await api.get('/api/v1/reports/sales/lead-conversion?period=year'), 400, { field: 'period' });
    expectProblem(await api.get('/api/v1/reports/sales/new-leads?form=1403/01/01'), 400, { field: 'form' });
  });

  test('reports need a signed-in user', async () => {
    const anonymous = new ApiClient(server.url, null);
    expectProblem(await anonymous.get('/api/v1/reports/sales/new-leads'), 401);
  });
});
