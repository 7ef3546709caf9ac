import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Random } from '../src/demo/random.js';
import { tehran } from './support/activity-helpers.js';
import { ApiClient } from './support/api-client.js';
import { type Kind, isoOf, jalali, periodsCovering, tehranDay } from './support/icu-calendar.js';
import { ok, plainUserClient } from './support/records-helpers.js';
import { TestClock } from './support/test-clock.js';
import { type TestServer, startTestServer } from './support/test-server.js';

/*
 * Issue: "Reports agree with counts made directly in SQL on generated data". A few hundred leads
 * and a hundred-odd opportunities from a seeded generator, then every sales report against the
 * answer worked out here without the reports' code: raw rows read from the records table with
 * SQL; each instant's Tehran day and each day's Jalali date from ICU (Intl's Persian calendar and
 * time zones, not the shared package the server uses); the periods, their bounds and labels
 * built day by day; sums added up in JavaScript. Whole answers are compared, not samples.
 */

const TODAY = tehran('2025-06-10', '12:00');
const clock = new TestClock(TODAY);
let server: TestServer;
let api: ApiClient;
let adminId: string;
let sellers: string[];
let groupId: string;

const db = () => server.server.ctx.database.db;
const report = async (path: string) => ok(await api.get(`/api/v1/reports/sales/${path}`));

/** A report's range as the API echoes it: ISO days, both inclusive. */
interface Range {
  from: string;
  to: string;
}

/** `1403/01/01` → its ISO day; an ISO day stays as it is. */
const asIso = (day: string) =>
  day.includes('/') ? isoOf(...(day.split('/').map(Number) as [number, number, number])) : day;
const rangeOf = (from: string, to: string): Range => ({ from: asIso(from), to: asIso(to) });
const inRange = (day: string, range: Range) => day >= range.from && day <= range.to;
const query = (from: string, to: string, period?: Kind) => `from=${from}&to=${to}${period ? `&period=${period}` : ''}`;

// Raw rows, read straight from the records table.

interface LeadRow {
  ownerId: string | null;
  ownerGroupId: string | null;
  source: string | null;
  status: string | null;
  /** An opportunity was made from it: one names it as the lead it came from. */
  converted: boolean;
  day: string;
}

async function liveLeads(): Promise<LeadRow[]> {
  const rows = await sql<{
    owner_id: string | null;
    owner_group_id: string | null;
    source: string | null;
    status: string | null;
    converted: boolean;
    created_at: Date | string;
  }>`select l.owner_id, l.owner_group_id, l.data ->> 'leadSource' as source, l.data ->> 'leadStatus' as status,
      exists (select 1 from records o where o.module = 'opportunities' and o.data ->> 'leadId' = l.id::text) as converted,
      l.created_at
    from records l where l.module = 'leads' and l.deleted_at is null`.execute(db());
  return rows.rows.map((r) => ({
    ownerId: r.owner_id,
    ownerGroupId: r.owner_group_id,
    source: r.source,
    status: r.status,
    converted: r.converted,
    day: tehranDay(new Date(r.created_at)),
  }));
}

interface OpportunityRow {
  stage: string | null;
  amount: number | null;
  probability: number | null;
  expectedCloseDate: string | null;
  closedOn: string | null;
  ownerId: string | null;
  ownerGroupId: string | null;
}

async function liveOpportunities(): Promise<OpportunityRow[]> {
  const rows = await sql<{
    stage: string | null;
    amount: string | null;
    probability: string | null;
    expected: string | null;
    closed: string | null;
    owner_id: string | null;
    owner_group_id: string | null;
  }>`select data ->> 'stage' as stage, data ->> 'amount' as amount, data ->> 'probability' as probability,
      data ->> 'expectedCloseDate' as expected, data ->> 'closedOn' as closed, owner_id, owner_group_id
    from records where module = 'opportunities' and deleted_at is null`.execute(db());
  return rows.rows.map((r) => ({
    stage: r.stage,
    amount: r.amount === null ? null : Number(r.amount),
    probability: r.probability === null ? null : Number(r.probability),
    expectedCloseDate: r.expected,
    closedOn: r.closed,
    ownerId: r.owner_id,
    ownerGroupId: r.owner_group_id,
  }));
}

interface Option {
  value: string;
  label: { fa: string; en: string };
  hidden?: boolean;
  probability?: number;
  kind?: string;
}

/** A picklist's options as the admin left them: their order, labels and which are hidden. */
async function optionsOf(module: string, field: string): Promise<Option[]> {
  const fields = ok(await api.get(`/api/v1/metadata/modules/${module}/fields`)).data;
  return fields.find((f: { name: string }) => f.name === field).options;
}

// What each report should say.

function expectedNewLeads(leads: LeadRow[], kind: Kind, range: Range) {
  const data = periodsCovering(kind, range.from, range.to).map((p) => ({
    ...p,
    count: leads.filter((l) => inRange(l.day, { from: p.start, to: p.end })).length,
  }));
  return { period: kind, from: data[0]!.start, to: data.at(-1)!.end, data };
}

const rate = (converted: number, leads: number) => (leads === 0 ? 0 : converted / leads);

function expectedConversion(leads: LeadRow[], kind: Kind, range: Range) {
  const data = periodsCovering(kind, range.from, range.to).map((p) => {
    const those = leads.filter((l) => inRange(l.day, { from: p.start, to: p.end }));
    const converted = those.filter((l) => l.converted).length;
    return { ...p, leads: those.length, converted, rate: rate(converted, those.length) };
  });
  const total = data.reduce((n, p) => n + p.leads, 0);
  const converted = data.reduce((n, p) => n + p.converted, 0);
  return {
    period: kind,
    from: data[0]!.start,
    to: data.at(-1)!.end,
    data,
    totals: { leads: total, converted, rate: rate(converted, total) },
  };
}

interface OwnerEntry {
  ownerId: string | null;
  ownerGroupId: string | null;
  leads: number;
  converted: number;
  rate: number;
}

const ownerKey = (e: { ownerId: string | null; ownerGroupId: string | null }) =>
  `${e.ownerId ?? '-'}/${e.ownerGroupId ?? '-'}`;

/** Entries in one agreed order, for comparing two lists whose ties the API may order its own way. */
const canonical = (entries: OwnerEntry[]) =>
  [...entries].sort((a, b) => b.leads - a.leads || ownerKey(a).localeCompare(ownerKey(b)));

function expectedByOwner(leads: LeadRow[], range: Range): OwnerEntry[] {
  const byOwner = new Map<string, OwnerEntry>();
  for (const lead of leads.filter((l) => inRange(l.day, range))) {
    const entry = byOwner.get(ownerKey(lead)) ?? {
      ownerId: lead.ownerId,
      ownerGroupId: lead.ownerGroupId,
      leads: 0,
      converted: 0,
      rate: 0,
    };
    entry.leads++;
    if (lead.converted) entry.converted++;
    byOwner.set(ownerKey(lead), entry);
  }
  return canonical([...byOwner.values()].map((e) => ({ ...e, rate: rate(e.converted, e.leads) })));
}

const NOT_SET = { fa: 'نامشخص', en: 'Not set' };

function expectedByValue(leads: LeadRow[], options: Option[], field: 'leadSource' | 'leadStatus', range: Range) {
  const counts = new Map<string | null, number>();
  for (const lead of leads.filter((l) => inRange(l.day, range))) {
    const value = field === 'leadSource' ? lead.source : lead.status;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  for (const value of counts.keys()) {
    assert.ok(value === null || options.some((o) => o.value === value), `the generator used only offered values`);
  }
  const data = options
    .filter((o) => !o.hidden || counts.has(o.value))
    .map((o) => ({ value: o.value as string | null, label: o.label, count: counts.get(o.value) ?? 0 }));
  data.push({ value: null, label: NOT_SET, count: counts.get(null) ?? 0 });
  return { ...range, field, data };
}

interface Sums {
  count: number;
  amount: number;
  weightedAmount: number;
}

interface PipelineFilter {
  ownerId?: string;
  ownerGroupId?: string;
  closeFrom?: string;
  closeTo?: string;
}

function expectedPipeline(opportunities: OpportunityRow[], stages: Option[], filter: PipelineFilter) {
  const matching = opportunities.filter(
    (o) =>
      (!filter.ownerId || o.ownerId === filter.ownerId) &&
      (!filter.ownerGroupId || o.ownerGroupId === filter.ownerGroupId) &&
      (!filter.closeFrom || (o.expectedCloseDate !== null && o.expectedCloseDate >= filter.closeFrom)) &&
      (!filter.closeTo || (o.expectedCloseDate !== null && o.expectedCloseDate <= filter.closeTo)),
  );
  const sums = new Map<string | null, Sums>();
  for (const deal of matching) {
    assert.ok(
      stages.some((s) => s.value === deal.stage),
      'the generator used only stages of the funnel',
    );
    const stage = stages.find((s) => s.value === deal.stage)!;
    const probability = deal.probability ?? stage.probability ?? 0;
    const sum = sums.get(deal.stage) ?? { count: 0, amount: 0, weightedAmount: 0 };
    sums.set(deal.stage, {
      count: sum.count + 1,
      amount: sum.amount + (deal.amount ?? 0),
      weightedAmount: sum.weightedAmount + ((deal.amount ?? 0) * probability) / 100,
    });
  }
  const columns = stages
    .filter((s) => !s.hidden || sums.has(s.value))
    .map((s) => ({
      stage: s.value,
      label: s.label,
      kind: s.kind ?? null,
      probability: s.probability ?? null,
      ...(sums.get(s.value) ?? { count: 0, amount: 0, weightedAmount: 0 }),
    }));
  const add = (list: Sums[]) =>
    list.reduce(
      (t, c) => ({
        count: t.count + c.count,
        amount: t.amount + c.amount,
        weightedAmount: t.weightedAmount + c.weightedAmount,
      }),
      { count: 0, amount: 0, weightedAmount: 0 },
    );
  const sumsOf = ({ count, amount, weightedAmount }: Sums) => ({ count, amount, weightedAmount });
  return {
    stages: columns,
    totals: add(columns.map(sumsOf)),
    open: add(columns.filter((c) => c.kind === 'open').map(sumsOf)),
  };
}

function expectedWon(opportunities: OpportunityRow[], stages: Option[], kind: Kind, range: Range) {
  const won = new Set(stages.filter((s) => s.kind === 'won').map((s) => s.value));
  const deals = opportunities.filter((o) => o.stage !== null && won.has(o.stage) && o.closedOn !== null);
  const data = periodsCovering(kind, range.from, range.to).map((p) => {
    const those = deals.filter((d) => inRange(d.closedOn!, { from: p.start, to: p.end }));
    return { ...p, count: those.length, amount: those.reduce((n, d) => n + (d.amount ?? 0), 0) };
  });
  return { period: kind, from: data[0]!.start, to: data.at(-1)!.end, data };
}

// The generated data.

/** From late spring 1401, when Tehran still kept summer time (UTC+04:30), to the server's today. */
const FIRST = Date.parse('2022-05-01T00:00:00Z');
const LAST = Date.parse(TODAY);
const RECENT = Date.parse('2024-12-01T00:00:00Z');

/** Instants at the edges of days, weeks, months and years in Tehran; the rest are random. */
const EDGES = [
  tehran('2024-03-20', '00:15'), // 1 Farvardin 1403, 20:45 UTC the day before
  tehran('2024-03-19', '23:50'), // 29 Esfand 1402
  tehran('2025-03-20', '23:59'), // 30 Esfand 1403: a leap year's last day
  tehran('2025-03-21', '00:01'), // 1 Farvardin 1404
  tehran('2025-01-03', '23:55'), // a Friday night: the end of a week
  tehran('2025-01-04', '00:05'), // the Saturday after: the next week
  tehran('2024-12-21', '00:00'), // 1 Dey 1403 at midnight
  tehran('2025-06-10', '11:59'), // the server's today
  '2022-06-21T19:45:00Z', // 00:15 on 1 Tir 1401 under summer time (UTC+04:30); 23:15 on 31 Khordad at UTC+03:30
  '2022-09-21T19:25:00Z', // 23:55 on 30 Shahrivar 1401, five minutes before summer time ended for good
  '2022-09-21T20:40:00Z', // 00:10 on 31 Shahrivar 1401, after it ended
];

let generated: { leads: number; converted: number; opportunities: number };

before(async () => {
  server = await startTestServer({ now: clock.now });
  api = new ApiClient(server.url, server.adminToken);
  adminId = ok(await api.get('/api/v1/me')).id;
  sellers = [];
  for (let i = 0; i < 3; i++) sellers.push((await plainUserClient(server.url, api)).id);
  groupId = ok(await api.post('/api/v1/groups', { name: 'تیم فروش گزارش', memberIds: sellers }), 201).id;
  const rng = new Random('sales reports agree with SQL');

  // The admin's funnel and sources: sources and a stage added (later hidden), referral moved
  // first, and a second won stage, so the reports must read the stages' kinds, not their names.
  // Contacts and deals share the leads' list of sources, so leads from a new one convert.
  const instagram = { value: 'instagram', label: { fa: 'اینستاگرام', en: 'Instagram' } };
  const sources = await optionsOf('leads', 'leadSource');
  const referral = sources.find((o) => o.value === 'referral')!;
  ok(
    await api.patch('/api/v1/metadata/modules/leads/fields/leadSource', {
      options: [
        referral,
        ...sources.filter((o) => o !== referral),
        instagram,
        { value: 'radio', label: { fa: 'رادیو', en: 'Radio' } },
      ],
    }),
  );
  const stages = await optionsOf('opportunities', 'stage');
  const at = (value: string) => stages.findIndex((s) => s.value === value);
  ok(
    await api.patch('/api/v1/metadata/modules/opportunities/fields/stage', {
      options: [
        ...stages.slice(0, at('proposal')),
        { value: 'on_hold', label: { fa: 'معلق', en: 'On hold' }, probability: 40, kind: 'open' },
        ...stages.slice(at('proposal'), at('closed_won') + 1),
        {
          value: 'contract_signed',
          label: { fa: 'قرارداد امضا شد', en: 'Contract signed' },
          probability: 100,
          kind: 'won',
        },
        { value: 'trial', label: { fa: 'آزمایشی', en: 'Trial' }, probability: 50, kind: 'open' },
        ...stages.slice(at('closed_won') + 1),
      ],
    }),
  );
  const sourceValues = (await optionsOf('leads', 'leadSource')).map((o) => o.value).filter((v) => v !== 'radio');
  const statusValues = (await optionsOf('leads', 'leadStatus')).map((o) => o.value);
  const stageValues = (await optionsOf('opportunities', 'stage')).map((o) => o.value).filter((v) => v !== 'trial');
  const owner = (): Record<string, string> =>
    rng.weighted<Record<string, string>>([
      [{ ownerId: adminId }, 2],
      ...sellers.map((id) => [{ ownerId: id }, 3] as const),
      [{ ownerGroupId: groupId }, 1],
    ]);
  const instant = () => new Date(rng.int(rng.chance(0.5) ? RECENT : FIRST, LAST)).toISOString();
  const day = (from: number, to: number) => tehranDay(new Date(rng.int(from, to)));
  const amount = () => (rng.chance(0.1) ? {} : { amount: rng.int(1, 400) * 100_000 });

  const leads: { id: string }[] = [];
  for (let i = 0; i < 300; i++) {
    const lead = ok(
      await api.post('/api/v1/leads', {
        lastName: `سرنخ ${i}`,
        company: `شرکت گزارش‌پذیر ${i}`,
        ...owner(),
        ...(rng.chance(0.85) ? { leadSource: rng.pick(sourceValues) } : {}),
        ...(rng.chance(0.75) ? { leadStatus: rng.pick(statusValues) } : {}),
      }),
      201,
    );
    const created = EDGES[i] ?? instant();
    await sql`update records set created_at = ${created} where id = ${lead.id}`.execute(db());
    leads.push(lead);
  }

  // Some leads become an opportunity (on the day the clock shows, which closes a deal won or
  // lost at once); a few become only a contact and an organization, which is no conversion.
  let converted = 0;
  let opportunities = 0;
  for (const [i, lead] of leads.entries()) {
    if (rng.chance(0.22)) {
      clock.set(instant());
      const opportunity = {
        name: `فرصت سرنخ ${i}`,
        stage: rng.pick(stageValues),
        ...amount(),
        ...(rng.chance(0.7) ? { expectedCloseDate: day(FIRST, Date.parse('2025-12-31T00:00:00Z')) } : {}),
      };
      const body = rng.chance(0.3) ? { organization: false, opportunity } : { opportunity };
      ok(await api.post(`/api/v1/leads/${lead.id}/convert`, body));
      converted++;
      opportunities++;
    } else if (rng.chance(0.05)) {
      ok(await api.post(`/api/v1/leads/${lead.id}/convert`, { opportunity: false }));
    }
  }
  clock.set(TODAY);
  // Deleted leads count nowhere; restored ones count again.
  const untouched = await sql<{ id: string }>`select id from records
    where module = 'leads' and data ->> 'converted' is distinct from 'true' order by number`.execute(db());
  const deleted = rng.sample(
    untouched.rows.map((r) => r.id),
    12,
  );
  for (const id of deleted) ok(await api.delete(`/api/v1/leads/${id}`));
  for (const id of deleted.slice(0, 3)) ok(await api.post(`/api/v1/leads/${id}/restore`));

  // Deals made directly: stages of every kind, with and without an amount or their own
  // probability, some closed on a given day, some moved on later, reopened, cleared or deleted.
  const organizations: string[] = [];
  for (let i = 0; i < 5; i++) {
    organizations.push(ok(await api.post('/api/v1/organizations', { name: `خریدار گزارش ${i}` }), 201).id);
  }
  const deals: { id: string; stage: string }[] = [];
  for (let i = 0; i < 60; i++) {
    clock.set(instant());
    const stage = rng.pick(stageValues);
    const closed = stage === 'closed_won' || stage === 'contract_signed' || stage === 'closed_lost';
    const deal = ok(
      await api.post('/api/v1/opportunities', {
        name: `معامله مستقیم ${i}`,
        organizationId: rng.pick(organizations),
        expectedCloseDate: day(FIRST, Date.parse('2025-12-31T00:00:00Z')),
        stage,
        ...owner(),
        ...amount(),
        ...(rng.chance(0.2) ? { probability: rng.int(0, 100) } : {}),
        ...(closed && rng.chance(0.5) ? { closedOn: day(FIRST, LAST) } : {}),
      }),
      201,
    );
    deals.push({ id: deal.id, stage });
    opportunities++;
  }
  const open = deals.filter((d) => !['closed_won', 'contract_signed', 'closed_lost'].includes(d.stage));
  for (const deal of open.slice(0, 12)) {
    clock.set(instant());
    const stage = rng.pick(['closed_won', 'contract_signed', 'closed_lost']);
    ok(await api.patch(`/api/v1/opportunities/${deal.id}`, { stage }));
    deal.stage = stage;
  }
  for (const deal of deals.filter((d) => d.stage === 'closed_won').slice(0, 3)) {
    ok(await api.patch(`/api/v1/opportunities/${deal.id}`, { stage: 'negotiation' }));
  }
  for (const deal of rng.sample(deals, 6))
    ok(await api.patch(`/api/v1/opportunities/${deal.id}`, { probability: null }));
  for (const deal of rng.sample(deals, 5)) {
    ok(await api.delete(`/api/v1/opportunities/${deal.id}`));
    opportunities--;
  }
  clock.set(TODAY);

  // Hidden afterwards: a source and a stage that records hold, and ones that none do.
  const hide = (options: Option[], values: string[]) =>
    options.map((o) => (values.includes(o.value) ? { ...o, hidden: true } : o));
  ok(
    await api.patch('/api/v1/metadata/modules/leads/fields/leadSource', {
      options: hide(await optionsOf('leads', 'leadSource'), ['instagram', 'radio']),
    }),
  );
  ok(
    await api.patch('/api/v1/metadata/modules/opportunities/fields/stage', {
      options: hide(await optionsOf('opportunities', 'stage'), ['on_hold', 'trial']),
    }),
  );
  generated = { leads: 300 - 12 + 3, converted, opportunities };
});
after(() => server.stop());

// Wholly inside the generated data, across summer time in 1401, Nowruz 1403 and 1404 and the
// leap day of 1403; given in Jalali and in ISO.
const MONTH_RANGES = [
  ['1401/02/11', '1404/03/20'],
  ['1403/11/20', '1404/01/20'],
  ['2024-09-10', '2025-02-03'],
  ['1403/12/30', '1403/12/30'],
];
const WEEK_RANGES = [
  ['1403/11/20', '1404/01/20'],
  ['1401/03/25', '1401/07/05'],
  ['2024-12-01', '2025-06-10'],
];
const PERIODIC: [Kind, string[][]][] = [
  ['month', MONTH_RANGES],
  ['week', WEEK_RANGES],
];

describe('sales reports agree with SQL on generated data', () => {
  test('the generated data is what the records table holds, with every case the reports tell apart', async () => {
    const leads = await liveLeads();
    assert.equal(leads.length, generated.leads);
    assert.equal(leads.filter((l) => l.converted).length, generated.converted);
    assert.ok(leads.some((l) => l.source === null) && leads.some((l) => l.source === 'instagram'));
    assert.ok(leads.some((l) => l.status === null) && leads.some((l) => l.ownerGroupId === groupId));
    const opportunities = await liveOpportunities();
    assert.equal(opportunities.length, generated.opportunities);
    for (const stage of ['on_hold', 'closed_won', 'contract_signed', 'closed_lost', 'negotiation']) {
      assert.ok(
        opportunities.some((o) => o.stage === stage),
        `a deal in ${stage}`,
      );
    }
    assert.ok(opportunities.some((o) => o.amount === null) && opportunities.some((o) => o.probability === null));
    // The edge instants land on the days the comments above say, by ICU's clock.
    assert.equal(tehranDay(new Date(EDGES[0]!)), '2024-03-20');
    assert.equal(tehranDay(new Date('2022-06-21T19:45:00Z')), '2022-06-22', 'summer time in 1401');
    assert.deepEqual([jalali('2025-03-20').month, jalali('2025-03-20').day], [12, 30]);
  });

  test('new leads per Jalali month and per week: every period of each range, counted from the rows', async () => {
    const leads = await liveLeads();
    for (const [kind, ranges] of PERIODIC) {
      for (const [from, to] of ranges) {
        const answer = await report(`new-leads?${query(from!, to!, kind)}`);
        assert.deepEqual(answer, expectedNewLeads(leads, kind, rangeOf(from!, to!)), `${kind} ${from}–${to}`);
      }
    }
  });

  test('leads by source and by status: every option in the admin’s order, hidden ones only when used', async () => {
    const leads = await liveLeads();
    for (const [path, field] of [
      ['leads-by-source', 'leadSource'],
      ['leads-by-status', 'leadStatus'],
    ] as const) {
      const options = await optionsOf('leads', field);
      for (const [from, to] of [...MONTH_RANGES, ['1401/04/01', '1401/04/01']]) {
        const answer = await report(`${path}?${query(from!, to!)}`);
        assert.deepEqual(answer, expectedByValue(leads, options, field, rangeOf(from!, to!)), `${path} ${from}–${to}`);
      }
    }
  });

  test('the conversion rate per Jalali month and per week, with its totals', async () => {
    const leads = await liveLeads();
    for (const [kind, ranges] of PERIODIC) {
      for (const [from, to] of ranges) {
        const answer = await report(`lead-conversion?${query(from!, to!, kind)}`);
        assert.deepEqual(answer, expectedConversion(leads, kind, rangeOf(from!, to!)), `${kind} ${from}–${to}`);
      }
    }
  });

  test('the conversion rate per owner, user or group, most leads first', async () => {
    const leads = await liveLeads();
    for (const [from, to] of MONTH_RANGES) {
      const answer = await report(`lead-conversion-by-owner?${query(from!, to!)}`);
      const { data, ...range } = answer;
      assert.deepEqual(range, rangeOf(from!, to!));
      assert.deepEqual(canonical(data), expectedByOwner(leads, rangeOf(from!, to!)), `${from}–${to}`);
      const counts = data.map((e: OwnerEntry) => e.leads);
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
        'most leads first',
      );
    }
  });

  test('pipeline value by stage: count, amount and weighted amount per stage, filtered or not', async () => {
    const opportunities = await liveOpportunities();
    const stages = await optionsOf('opportunities', 'stage');
    const filters: [string, PipelineFilter][] = [
      ['', {}],
      [`ownerId=${sellers[0]}`, { ownerId: sellers[0]! }],
      [`ownerGroupId=${groupId}`, { ownerGroupId: groupId }],
      ['closeFrom=1403/07/01&closeTo=1404/06/31', { closeFrom: isoOf(1403, 7, 1), closeTo: isoOf(1404, 6, 31) }],
      [`ownerId=${adminId}&closeTo=2024-06-30`, { ownerId: adminId, closeTo: '2024-06-30' }],
    ];
    for (const [search, filter] of filters) {
      const answer = await report(`pipeline-by-stage?${search}`);
      assert.deepEqual(answer, expectedPipeline(opportunities, stages, filter), search || 'unfiltered');
    }
  });

  test('won deals and their amount per Jalali month and per week, by the day they closed', async () => {
    const opportunities = await liveOpportunities();
    const stages = await optionsOf('opportunities', 'stage');
    let won = 0;
    for (const [kind, ranges] of PERIODIC) {
      for (const [from, to] of ranges) {
        const answer = await report(`won-amount?${query(from!, to!, kind)}`);
        const expected = expectedWon(opportunities, stages, kind, rangeOf(from!, to!));
        assert.deepEqual(answer, expected, `${kind} ${from}–${to}`);
        won += expected.data.reduce((n, p) => n + p.count, 0);
      }
    }
    assert.ok(won > 0, 'deals were won in the ranges');
  });

  test('without a range, each report covers the twelve Jalali months up to the server’s today', async () => {
    const leads = await liveLeads();
    const opportunities = await liveOpportunities();
    const today = tehranDay(clock.now());
    const { year, month } = jalali(today);
    const back = year * 12 + month - 1 - 11;
    const range = { from: isoOf(Math.floor(back / 12), (back % 12) + 1, 1), to: today };
    assert.deepEqual(await report('new-leads'), expectedNewLeads(leads, 'month', range));
    assert.deepEqual(await report('new-leads?period=week'), expectedNewLeads(leads, 'week', range));
    assert.deepEqual(await report('lead-conversion'), expectedConversion(leads, 'month', range));
    assert.deepEqual(
      await report('leads-by-source'),
      expectedByValue(leads, await optionsOf('leads', 'leadSource'), 'leadSource', range),
    );
    assert.deepEqual(
      await report('leads-by-status'),
      expectedByValue(leads, await optionsOf('leads', 'leadStatus'), 'leadStatus', range),
    );
    const byOwner = await report('lead-conversion-by-owner');
    assert.deepEqual(canonical(byOwner.data), expectedByOwner(leads, range));
    assert.deepEqual(
      await report('won-amount'),
      expectedWon(opportunities, await optionsOf('opportunities', 'stage'), 'month', range),
    );
  });
});
