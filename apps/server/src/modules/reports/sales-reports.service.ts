import type { Label } from '@peyvand/shared';
import type { DB } from '../../core/db/database.js';
import type { EffectiveModule } from '../../core/metadata/effective-module.js';
import { type Period, type PeriodKind, periodOf } from './jalali-periods.js';
import { type ReportRange, periodRange } from './report-range.js';
import { leadsPerDay, leadsPerOwner, leadsPerValue, wonPerDay } from './sales-reports.repository.js';

const NOT_SET: Label = { fa: 'نامشخص', en: 'Not set' };

const rate = (converted: number, leads: number) => (leads === 0 ? 0 : converted / leads);

/** Adds up per-day rows into the range's periods; every period is listed, empty ones with zeros. */
function perPeriod<T extends { day: string }, S extends Record<string, number>>(
  kind: PeriodKind,
  periods: Period[],
  days: T[],
  zero: S,
  add: (sum: S, day: T) => S,
): (Period & S)[] {
  const sums = new Map(periods.map((p) => [p.key, zero]));
  for (const day of days) {
    const key = periodOf(kind, day.day).key;
    sums.set(key, add(sums.get(key) ?? zero, day));
  }
  return periods.map((period) => ({ ...period, ...sums.get(period.key)! }));
}

/** New leads per Jalali month or week. */
export async function newLeadsReport(db: DB, workspaceId: string, range: ReportRange, kind: PeriodKind) {
  const { periods, ...covered } = periodRange(range, kind);
  const days = await leadsPerDay(db, workspaceId, covered);
  const data = perPeriod(kind, periods, days, { count: 0 }, (sum, day) => ({ count: sum.count + day.leads }));
  return { period: kind, ...covered, data };
}

/**
 * Of the leads created in each period, how many have become an opportunity so far: the rate of a
 * period still rises while its leads are being converted.
 */
export async function leadConversionReport(db: DB, workspaceId: string, range: ReportRange, kind: PeriodKind) {
  const { periods, ...covered } = periodRange(range, kind);
  const days = await leadsPerDay(db, workspaceId, covered);
  const counted = perPeriod(kind, periods, days, { leads: 0, converted: 0 }, (sum, day) => ({
    leads: sum.leads + day.leads,
    converted: sum.converted + day.converted,
  }));
  const leads = counted.reduce((n, p) => n + p.leads, 0);
  const converted = counted.reduce((n, p) => n + p.converted, 0);
  return {
    period: kind,
    ...covered,
    data: counted.map((p) => ({ ...p, rate: rate(p.converted, p.leads) })),
    totals: { leads, converted, rate: rate(converted, leads) },
  };
}

/** The same rate per owner of the leads (a user or a group), most leads first. */
export async function conversionByOwnerReport(db: DB, workspaceId: string, range: ReportRange) {
  const owners = await leadsPerOwner(db, workspaceId, range);
  return { ...range, data: owners.map((o) => ({ ...o, rate: rate(o.converted, o.leads) })) };
}

/**
 * Leads created in the range per value of a picklist: every option in the admin's order (a
 * hidden one only when leads have it), then values no longer offered, then leads without one.
 */
export async function leadsByPicklistReport(
  db: DB,
  workspaceId: string,
  leads: EffectiveModule,
  field: 'leadSource' | 'leadStatus',
  range: ReportRange,
) {
  const counts = new Map((await leadsPerValue(db, workspaceId, field, range)).map((r) => [r.value, r.count]));
  const options = leads.fields.get(field)?.options ?? [];
  const data: { value: string | null; label: Label; count: number }[] = options
    .filter((option) => !option.hidden || counts.has(option.value))
    .map((option) => ({ value: option.value, label: option.label, count: counts.get(option.value) ?? 0 }));
  const offered = new Set(options.map((o) => o.value));
  for (const [value, count] of counts) {
    if (value !== null && !offered.has(value)) data.push({ value, label: { fa: value, en: value }, count });
  }
  data.push({ value: null, label: NOT_SET, count: counts.get(null) ?? 0 });
  return { ...range, field, data };
}

/** Deals won per Jalali month (or week) by the day they closed, and their amount. */
export async function wonAmountReport(
  db: DB,
  workspaceId: string,
  opportunities: EffectiveModule,
  range: ReportRange,
  kind: PeriodKind,
) {
  const { periods, ...covered } = periodRange(range, kind);
  const won = (opportunities.fields.get('stage')?.options ?? []).filter((s) => s.kind === 'won').map((s) => s.value);
  const days = await wonPerDay(db, workspaceId, won, covered);
  const data = perPeriod(kind, periods, days, { count: 0, amount: 0 }, (sum, day) => ({
    count: sum.count + day.count,
    amount: sum.amount + day.amount,
  }));
  return { period: kind, ...covered, data };
}
