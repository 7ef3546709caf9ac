import { STAGE_KINDS, dateInputSchema, recordIdSchema } from '@peyvand/shared';
import { z } from 'zod';
import { validationProblem } from '../../core/http/problem.js';
import { type AuthedInput, type RouteSpec, defineRoute } from '../../core/http/route.js';
import { pipeline } from './pipeline.service.js';

const label = z.object({ fa: z.string(), en: z.string() });
const sums = { count: z.number().int(), amount: z.number(), weightedAmount: z.number() };

export const pipelineSchema = z.object({
  stages: z.array(
    z.object({
      stage: z.string().nullable(),
      label: label.nullable(),
      kind: z.enum(STAGE_KINDS).nullable(),
      probability: z.number().nullable(),
      ...sums,
    }),
  ),
  totals: z.object(sums),
  open: z.object(sums).meta({ description: 'Open stages only: the pipeline still to win and its forecast' }),
});

export const pipelineQuery = z.strictObject({
  ownerId: recordIdSchema.optional(),
  ownerGroupId: recordIdSchema.optional(),
  closeFrom: dateInputSchema.optional().meta({ description: 'Expected close date from (inclusive); Jalali or ISO' }),
  closeTo: dateInputSchema.optional().meta({ description: 'Expected close date to (inclusive); Jalali or ISO' }),
});

/** The board's figures, for the board and for the pipeline-value report. */
export function readPipeline({
  ctx,
  actor,
  modules,
  query,
}: AuthedInput<unknown, z.infer<typeof pipelineQuery>, unknown>) {
  if (query.closeFrom && query.closeTo && query.closeFrom > query.closeTo) {
    throw validationProblem([{ field: 'closeTo', code: 'ends_before_start' }]);
  }
  return pipeline(ctx.database.db, actor.workspaceId, modules.get('opportunities')!, query);
}

export const pipelineRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/opportunities/pipeline',
    access: 'user',
    tags: ['opportunities'],
    summary:
      "The pipeline board's columns: per sales stage, in the funnel's order, the deals' count, amount and weighted amount (amount × probability), with totals and the open stages' forecast. The cards of a column come from POST /api/v1/opportunities/query with `{ field: 'stage', op: 'eq' }`; moving a card is a PATCH of `stage` with `version`.",
    query: pipelineQuery,
    response: { status: 200, description: 'The columns and their totals', schema: pipelineSchema },
    handler: readPipeline,
  }),
];
