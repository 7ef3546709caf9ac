import type { FilterCondition, Label, StageKind } from '@peyvand/shared';
import { jalaliMonthRange } from '@peyvand/shared/persian';
import { api, queryString } from '../../../api/http';
import type { JalaliMonth } from '../../../core/form/inputs/JalaliMonthPicker';
import { recordKeys } from '../../../core/records/recordsApi';

interface Sums {
  count: number;
  amount: number;
  /** Amount × the stage's probability: the forecast. */
  weightedAmount: number;
}

/** One board column as GET /opportunities/pipeline gives it; `stage` null gathers deals without one. */
export interface PipelineStage extends Sums {
  stage: string | null;
  /** Null for a value that is no longer one of the stages (kept by old deals). */
  label: Label | null;
  kind: StageKind | null;
  probability: number | null;
}

export interface Pipeline {
  stages: PipelineStage[];
  totals: Sums;
  open: Sums;
}

/** What the board is narrowed to: one owner, deals expected to close in one Jalali month. */
export interface BoardFilter {
  ownerId: string | null;
  closeMonth: JalaliMonth | null;
}

function closeRange(filter: BoardFilter) {
  if (!filter.closeMonth) return undefined;
  const { start, end } = jalaliMonthRange(filter.closeMonth.year, filter.closeMonth.month);
  return { closeFrom: start, closeTo: end };
}

export const pipelineApi = {
  read: (filter: BoardFilter) =>
    api.get<Pipeline>(`/opportunities/pipeline${queryString({ ownerId: filter.ownerId, ...closeRange(filter) })}`),
};

/** The same narrowing as a record filter, for the cards of a column. */
export function cardConditions(filter: BoardFilter, stage: string | null): FilterCondition[] {
  const conditions: FilterCondition[] = [
    stage === null ? { field: 'stage', op: 'isEmpty' } : { field: 'stage', op: 'eq', value: stage },
  ];
  if (filter.ownerId) conditions.push({ field: 'ownerId', op: 'eq', value: filter.ownerId });
  const range = closeRange(filter);
  if (range) conditions.push({ field: 'expectedCloseDate', op: 'between', value: [range.closeFrom, range.closeTo] });
  return conditions;
}

/** Under the module's key, so any change to an opportunity refreshes the board. */
export const boardKeys = {
  pipeline: (filter: BoardFilter) => [...recordKeys.module('opportunities'), 'pipeline', filter] as const,
  cards: (filter: BoardFilter, stage: string | null) =>
    [...recordKeys.module('opportunities'), 'board', filter, stage] as const,
};
