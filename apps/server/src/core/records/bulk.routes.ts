import type { ModuleDef } from '@peyvand/shared';
import { modules as declaredModules, recordIdSchema } from '@peyvand/shared';
import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../http/route.js';
import { MAX_BULK_IDS, bulkAssign, bulkDelete } from './bulk.service.js';
import { scopeOf } from './records.routes.js';

const ids = z.array(recordIdSchema).min(1).max(MAX_BULK_IDS);

const bulkDeleteBody = z.strictObject({ ids });

const bulkAssignBody = z
  .strictObject({ ids, ownerId: recordIdSchema.optional(), ownerGroupId: recordIdSchema.optional() })
  .meta({ description: 'Exactly one of `ownerId` (an active user) and `ownerGroupId` (a group).' })
  .superRefine((body, ctx) => {
    if (body.ownerId && body.ownerGroupId)
      ctx.addIssue({ code: 'custom', path: ['ownerGroupId'], params: { code: 'one_owner' } });
    if (!body.ownerId && !body.ownerGroupId)
      ctx.addIssue({ code: 'custom', path: ['ownerId'], params: { code: 'required' } });
  });

/** Mass delete for every module, mass assign for those whose records have an owner. */
function bulkRoutes(def: ModuleDef): RouteSpec[] {
  const base = `/api/v1/${def.name}`;
  const plural = def.label.plural.en.toLowerCase();
  const routes = [
    defineRoute({
      method: 'POST',
      url: `${base}/bulk-delete`,
      access: 'user',
      tags: [def.name],
      summary: `Move up to ${MAX_BULK_IDS} ${plural} to the recycle bin at once: all of them, or none when one cannot go (422 names the ids not found)`,
      body: bulkDeleteBody,
      response: {
        status: 200,
        description: 'How many records went to the recycle bin',
        schema: z.object({ deleted: z.number().int() }),
      },
      handler: ({ ctx, actor, modules, body }) => bulkDelete(scopeOf(ctx, actor, modules, def.name), body.ids),
    }),
  ];
  if (def.unowned) return routes;
  return [
    ...routes,
    defineRoute({
      method: 'POST',
      url: `${base}/bulk-assign`,
      access: 'user',
      tags: [def.name],
      summary: `Give up to ${MAX_BULK_IDS} ${plural} one new owner, a user or a group: all of them or none (422 names the ids not found)`,
      body: bulkAssignBody,
      response: {
        status: 200,
        description: 'How many records changed owner (those that already had it are not counted)',
        schema: z.object({ updated: z.number().int() }),
      },
      handler: ({ ctx, actor, modules, body }) =>
        bulkAssign(
          scopeOf(ctx, actor, modules, def.name),
          body.ids,
          body.ownerId ? { ownerId: body.ownerId } : { ownerGroupId: body.ownerGroupId! },
        ),
    }),
  ];
}

export const recordBulkRoutes: RouteSpec[] = declaredModules.flatMap(bulkRoutes);
