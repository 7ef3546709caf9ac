import type { ModuleDef } from '@peyvand/shared';
import { modules as declaredModules, recordIdSchema, recordOutputSchema, safeString } from '@peyvand/shared';
import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import type { ModuleSet } from '../../core/metadata/effective-module.js';
import { limitSchema, scopeOf } from '../../core/records/records.routes.js';
import { checkDuplicates, findDuplicateGroups } from './duplicates.service.js';

const reasons = z.array(z.enum(['nationalCode', 'email', 'mobile', 'name']));
const groupsQuery = z.strictObject({
  limit: limitSchema,
  cursor: safeString(2000).optional(),
});

function duplicateRoutes(def: ModuleDef): RouteSpec[] {
  const base = `/api/v1/${def.name}`;
  const plural = def.label.plural.en.toLowerCase();
  const record = (m: ModuleSet) => recordOutputSchema(m.get(def.name)!.def);
  return [
    defineRoute({
      method: 'POST',
      url: `${base}/duplicates/check`,
      access: 'user',
      tags: [def.name],
      summary: `Live ${plural} that a draft likely duplicates (same national code, mobile, e-mail, or name in the same organization), before it is saved`,
      body: (m) =>
        z.strictObject({
          values: m.get(def.name)!.schemas.update,
          excludeId: recordIdSchema.optional().meta({ description: 'The record being edited, not its own duplicate' }),
        }),
      response: {
        status: 200,
        description: 'Likely duplicates and why',
        schema: (m: ModuleSet) => z.object({ data: z.array(z.object({ record: record(m), reasons })) }),
      },
      handler: async ({ ctx, actor, modules, body }) => ({
        data: await checkDuplicates(scopeOf(ctx, actor, modules, def.name), body.values, body.excludeId),
      }),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/duplicates`,
      access: 'user',
      tags: [def.name],
      summary: `Groups of live ${plural} sharing a national code, mobile, e-mail, or name in one organization`,
      query: groupsQuery,
      response: {
        status: 200,
        description: 'A page of groups and the cursor of the next one',
        schema: (m: ModuleSet) =>
          z.object({
            data: z.array(z.object({ key: reasons.element, value: z.string(), records: z.array(record(m)) })),
            nextCursor: z.string().nullable(),
          }),
      },
      handler: ({ ctx, actor, modules, query }) =>
        findDuplicateGroups(scopeOf(ctx, actor, modules, def.name), query.limit, query.cursor),
    }),
  ];
}

export const duplicateRoutesOfModules: RouteSpec[] = declaredModules.filter((m) => m.findsDuplicates).flatMap(duplicateRoutes);
