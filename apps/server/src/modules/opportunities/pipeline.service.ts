import type { FilterCondition, Label, PicklistOption, StageKind } from '@peyvand/shared';
import type { DB } from '../../core/db/database.js';
import type { EffectiveModule } from '../../core/metadata/effective-module.js';
import { compileFilter } from '../../core/records/filter-compiler.js';
import { type StageSums, sumsByStage } from './pipeline.repository.js';

export interface PipelineFilter {
  ownerId?: string | undefined;
  ownerGroupId?: string | undefined;
  /** Expected close date from (inclusive), ISO. */
  closeFrom?: string | undefined;
  /** Expected close date to (inclusive), ISO. */
  closeTo?: string | undefined;
}

export interface PipelineColumn extends Omit<StageSums, 'stage'> {
  stage: string | null;
  /** Null for a value that is no longer one of the stages (kept by old deals). */
  label: Label | null;
  kind: StageKind | null;
  probability: number | null;
}

type Totals = Omit<StageSums, 'stage'>;

export interface Pipeline {
  stages: PipelineColumn[];
  totals: Totals;
  /** The open stages only: the pipeline still to win, and its forecast (weighted amount). */
  open: Totals;
}

function conditionsOf(filter: PipelineFilter): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  if (filter.ownerId) conditions.push({ field: 'ownerId', op: 'eq', value: filter.ownerId });
  if (filter.ownerGroupId) conditions.push({ field: 'ownerGroupId', op: 'eq', value: filter.ownerGroupId });
  if (filter.closeFrom) conditions.push({ field: 'expectedCloseDate', op: 'gte', value: filter.closeFrom });
  if (filter.closeTo) conditions.push({ field: 'expectedCloseDate', op: 'lte', value: filter.closeTo });
  return conditions;
}

function add(columns: readonly Totals[]): Totals {
  return columns.reduce(
    (sum, c) => ({
      count: sum.count + c.count,
      amount: sum.amount + c.amount,
      weightedAmount: sum.weightedAmount + c.weightedAmount,
    }),
    { count: 0, amount: 0, weightedAmount: 0 },
  );
}

/**
 * The kanban board's columns in the funnel's order, each with its deals' count, amount and
 * amount × probability. A hidden stage shows only while deals are in it; values that are no
 * longer stages come last, so the totals always add up.
 */
export async function pipeline(db: DB, workspaceId: string, module: EffectiveModule, filter: PipelineFilter) {
  const stages: readonly PicklistOption[] = module.fields.get('stage')?.options ?? [];
  const probabilities = Object.fromEntries(stages.map((s) => [s.value, s.probability ?? 0]));
  const where = conditionsOf(filter).map((condition) => compileFilter(module, condition));
  const sums = new Map((await sumsByStage(db, workspaceId, where, probabilities)).map((s) => [s.stage, s]));
  const empty = { count: 0, amount: 0, weightedAmount: 0 };
  const columns: PipelineColumn[] = stages
    .filter((stage) => !stage.hidden || sums.has(stage.value))
    .map((stage) => ({
      ...empty,
      ...sums.get(stage.value),
      stage: stage.value,
      label: stage.label,
      kind: stage.kind ?? null,
      probability: stage.probability ?? null,
    }));
  const known = new Set(stages.map((s) => s.value));
  for (const [value, sum] of sums) {
    if (value === null || !known.has(value)) columns.push({ ...sum, label: null, kind: null, probability: null });
  }
  return {
    stages: columns,
    totals: add(columns),
    open: add(columns.filter((c) => c.kind === 'open')),
  } satisfies Pipeline;
}
