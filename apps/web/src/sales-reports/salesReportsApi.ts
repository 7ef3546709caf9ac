import type { Label } from '@peyvand/shared';
import { jalaliMonthRange } from '@peyvand/shared/persian';
import { api, queryString } from '../api/http';
import type { JalaliMonth } from '../core/form/inputs/JalaliMonthPicker';

export type PeriodKind = 'month' | 'week';

/** The range and grain the page reports on: whole Jalali months, split into months or weeks. */
export interface ReportPeriod {
  from: JalaliMonth;
  to: JalaliMonth;
  kind: PeriodKind;
}

interface PeriodRow {
  key: string;
  label: Label;
  start: string;
  end: string;
}

export interface Periodic<T> {
  period: PeriodKind;
  from: string;
  to: string;
  data: (PeriodRow & T)[];
}

export interface Conversion {
  leads: number;
  converted: number;
  /** 0…1 */
  rate: number;
}

export interface ByValue {
  field: string;
  data: { value: string | null; label: Label; count: number }[];
}

export interface ByOwner {
  data: ({ ownerId: string | null; ownerGroupId: string | null } & Conversion)[];
}

export interface PipelineByStage {
  stages: { stage: string | null; label: Label | null; count: number; amount: number; weightedAmount: number }[];
  totals: { count: number; amount: number; weightedAmount: number };
}

/** The query every range-bound report takes: first day of the first month, last day of the last. */
function range(period: ReportPeriod) {
  return {
    from: jalaliMonthRange(period.from.year, period.from.month).start,
    to: jalaliMonthRange(period.to.year, period.to.month).end,
  };
}

const base = '/reports/sales';

/** One fetcher per report endpoint (sales-reports.routes.ts). */
export const salesReportsApi = {
  newLeads: (p: ReportPeriod) =>
    api.get<Periodic<{ count: number }>>(`${base}/new-leads${queryString({ ...range(p), period: p.kind })}`),
  leadsBySource: (p: ReportPeriod) => api.get<ByValue>(`${base}/leads-by-source${queryString(range(p))}`),
  leadsByStatus: (p: ReportPeriod) => api.get<ByValue>(`${base}/leads-by-status${queryString(range(p))}`),
  leadConversion: (p: ReportPeriod) =>
    api.get<Periodic<Conversion> & { totals: Conversion }>(
      `${base}/lead-conversion${queryString({ ...range(p), period: p.kind })}`,
    ),
  conversionByOwner: (p: ReportPeriod) => api.get<ByOwner>(`${base}/lead-conversion-by-owner${queryString(range(p))}`),
  /** Today's pipeline: it has no period. */
  pipelineByStage: () => api.get<PipelineByStage>(`${base}/pipeline-by-stage`),
  wonAmount: (p: ReportPeriod) =>
    api.get<Periodic<{ count: number; amount: number }>>(
      `${base}/won-amount${queryString({ ...range(p), period: p.kind })}`,
    ),
};
