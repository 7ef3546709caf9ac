import type { ModuleDef } from '@peyvand/shared';
import { parseLooseNumber, recordIdSchema, safeString } from '@peyvand/shared';
import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import { scopeOf } from '../../core/records/records.routes.js';
import { TIMELINE_KINDS } from './timeline.repository.js';
import { recordTimeline } from './timeline.service.js';

const kindsSchema = z
  .string()
  .max(100)
  .transform((text) => [
    ...new Set(
      text
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.enum(TIMELINE_KINDS)).min(1));

const timelineQuery = z.strictObject({
  kinds: kindsSchema.optional(),
  limit: z
    .union([z.number(), z.string()])
    .transform(parseLooseNumber)
    .pipe(z.number().int().min(1).max(200))
    .default(50),
  cursor: safeString(500).optional(),
});

/** `GET /api/v1/{module}/{id}/timeline` for one module. */
export function timelineRoute(def: ModuleDef): RouteSpec {
  return defineRoute({
    method: 'GET',
    url: `/api/v1/${def.name}/:id/timeline`,
    access: 'user',
    tags: [def.name],
    summary: `Notes, activities and field changes of a ${def.label.singular.en.toLowerCase()}, newest first (\`kinds=note,activity,change\`)`,
    params: z.strictObject({ id: recordIdSchema }),
    query: timelineQuery,
    response: { status: 200, description: 'A page of timeline entries and the cursor of the next one' },
    handler: ({ ctx, actor, modules, params, query }) =>
      recordTimeline(scopeOf(ctx, actor, modules, def.name), params.id, {
        kinds: query.kinds ?? TIMELINE_KINDS,
        limit: query.limit,
        cursor: query.cursor,
      }),
  });
}
