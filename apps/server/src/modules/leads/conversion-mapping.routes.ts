import { CONVERSION_TARGETS, safeString } from '@peyvand/shared';
import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import { conversionMappings, saveConversionMappings } from './conversion-mapping.service.js';

const fieldPath = safeString(70).min(1).meta({
  description: 'A field named as in filters: `custom.budget` for a custom field, `rating` for a standard one',
});

const mappingSchema = z.strictObject({
  leadField: fieldPath,
  targetModule: z.enum(CONVERSION_TARGETS),
  targetField: fieldPath,
});
const mappingsSchema = z.strictObject({ mappings: z.array(mappingSchema).max(200) });

export const conversionMappingRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/leads/conversion-mapping',
    access: 'user',
    tags: ['leads'],
    summary: 'Which lead fields a conversion copies into which fields of the new organization, contact and opportunity',
    response: { status: 200, description: 'The mapping, in the order it was saved', schema: mappingsSchema },
    handler: ({ ctx, actor, modules }) => conversionMappings(ctx.database.db, actor.workspaceId, modules),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/leads/conversion-mapping',
    access: 'admin',
    tags: ['leads'],
    summary:
      "Replace the lead conversion mapping (Settings → lead conversion mapping). Fields must exist and be writable (400); a lead field's type must fit its target's — the same type, text into a wider text, a number into a currency, picklist options all offered by the target — or the pair is refused with 422. Values sent in the conversion request win over mapped ones.",
    body: mappingsSchema,
    response: { status: 200, description: 'The mapping as saved', schema: mappingsSchema },
    handler: ({ ctx, actor, modules, body }) => saveConversionMappings(ctx.database.db, actor, modules, body.mappings),
  }),
];
