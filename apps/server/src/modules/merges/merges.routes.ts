import type { ModuleDef } from '@peyvand/shared';
import { modules as declaredModules, recordIdSchema, recordOutputSchema, versionSchema } from '@peyvand/shared';
import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import type { ModuleSet } from '../../core/metadata/effective-module.js';
import { scopeOf } from '../../core/records/records.routes.js';
import { mergeRecords, undoMerge } from './merges.service.js';

/** More would be a mass action, not a merge of duplicates. */
const MAX_MERGED = 20;

const mergeBody = z
  .strictObject({
    survivorId: recordIdSchema,
    mergedIds: z.array(recordIdSchema).min(1).max(MAX_MERGED),
    values: z.record(z.string().max(200), recordIdSchema).default({}),
    versions: z.record(recordIdSchema, versionSchema),
  })
  .meta({
    description:
      '`values` names, for each field the survivor should take from another record (`custom.x` for a custom field, `ownerId` for the owner), the id of that record; `versions` the version of every record as loaded.',
  });

function mergeRoutes(def: ModuleDef): RouteSpec[] {
  const base = `/api/v1/${def.name}`;
  const plural = def.label.plural.en.toLowerCase();
  const one = def.label.singular.en.toLowerCase();
  const survivor = (m: ModuleSet) => recordOutputSchema(m.get(def.name)!.def);
  return [
    defineRoute({
      method: 'POST',
      url: `${base}/merge`,
      access: 'user',
      tags: [def.name],
      summary: `Merge duplicate ${plural} into one: it takes the picked values, everything related to the others moves to it, the others go to the recycle bin (409 if any changed since loaded)`,
      body: mergeBody,
      response: {
        status: 200,
        description: 'The merge (to undo it) and the surviving record',
        schema: (m: ModuleSet) => z.object({ mergeId: z.string(), survivor: survivor(m) }),
      },
      handler: ({ ctx, actor, modules, body }) => mergeRecords(scopeOf(ctx, actor, modules, def.name), body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/merges/:id/undo`,
      access: 'user',
      tags: [def.name],
      summary: `Undo a merge of ${plural}: the merged records come back, what moved moves back, the surviving ${one} gets its old values`,
      params: z.strictObject({ id: recordIdSchema }),
      response: { status: 200, description: `The surviving ${one} as it is again`, schema: survivor },
      handler: ({ ctx, actor, modules, params }) => undoMerge(scopeOf(ctx, actor, modules, def.name), params.id),
    }),
  ];
}

export const mergeRoutesOfModules: RouteSpec[] = declaredModules.filter((m) => m.findsDuplicates).flatMap(mergeRoutes);
