import { recordIdSchema } from '@peyvand/shared';
import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import type { ModuleSet } from '../../core/metadata/effective-module.js';
import { scopeOf } from '../../core/records/records.routes.js';
import {
  type ConversionRequest,
  DAYS_TO_EXPECTED_CLOSE,
  conversionStart,
  convertLead,
} from './lead-conversion.service.js';

/** A module's create schema, which buildWriteSchemas makes a (strict) zod object. */
const createObject = (modules: ModuleSet, name: string) => modules.get(name)!.schemas.create as unknown as z.ZodObject;

/** `false` (do not create it) or the record's fields, which win over those taken from the lead. */
const part = (object: z.ZodObject, description: string) =>
  z
    .union([z.literal(false), object])
    .optional()
    .meta({ description });

function buildSchema(modules: ModuleSet) {
  return z.strictObject({
    organization: part(
      createObject(modules, 'organizations').extend({
        existingId: recordIdSchema.optional().meta({
          description:
            'Link the contact and the opportunity to this organization instead of creating one (send nothing else)',
        }),
        createNew: z.boolean().optional().meta({
          description: 'Create the organization even though one with the same (normalised) name exists',
        }),
      }),
      "Created from the lead's company, industry, phone, fax, web site, size and address when the lead has a company. If an organization with the same normalised name exists, the answer is 409 with its `candidates`: repeat with `{ existingId }` to use one, or with `createNew: true`.",
    ),
    contact: part(
      createObject(modules, 'contacts'),
      "Created from the lead's names, title, phones, e-mail, Telegram ID, national code, address and source when the lead has a name; linked to the organization.",
    ),
    opportunity: part(
      createObject(modules, 'opportunities'),
      `Created unless \`false\`: named after the company (or the person), first open stage, expected to close ${DAYS_TO_EXPECTED_CLOSE} days from today (Tehran) unless given; linked to the organization, the contact and the lead.`,
    ),
    assignTo: z
      .strictObject({ userId: recordIdSchema.optional(), groupId: recordIdSchema.optional() })
      .optional()
      .meta({ description: "Owner of every new record (a user or a group); by default, the lead's owner" }),
  });
}

const schemas = new WeakMap<ModuleSet, z.ZodType<ConversionRequest>>();

/** Built from the workspace's modules, custom fields included, once per version of its metadata. */
function conversionRequestSchema(modules: ModuleSet): z.ZodType<ConversionRequest> {
  let schema = schemas.get(modules);
  if (!schema) {
    schema = buildSchema(modules) as unknown as z.ZodType<ConversionRequest>;
    schemas.set(modules, schema);
  }
  return schema;
}

const resultSchema = z.object({
  organizationId: z.uuid().nullable().meta({ description: 'The organization created, or the existing one used' }),
  contactId: z.uuid().nullable(),
  opportunityId: z.uuid().nullable(),
});

const values = z.record(z.string(), z.unknown());
const startSchema = z.object({
  organization: values.nullable().meta({ description: 'Null when the lead has no company' }),
  contact: values.nullable().meta({ description: 'Null when the lead has no name' }),
  opportunity: values,
});

export const leadConversionRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/leads/:id/conversion-defaults',
    access: 'user',
    tags: ['leads'],
    summary:
      "What converting this lead would create if the request named nothing: each part's values as input (phones as typed, custom values under `custom`), the conversion mapping applied. The conversion dialog starts from them.",
    params: z.strictObject({ id: recordIdSchema }),
    response: { status: 200, description: 'The starting values of each part', schema: startSchema },
    handler: ({ ctx, actor, modules, params }) => conversionStart(scopeOf(ctx, actor, modules, 'leads'), params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/leads/:id/convert',
    access: 'user',
    tags: ['leads'],
    summary:
      'Convert a lead (seed 004): create its organization, contact and opportunity in one transaction, copy custom fields through the conversion mapping, and mark the lead converted — read-only from then on and left out of the lead list. Errors name the field under its part (`opportunity.expectedCloseDate`); a lead converted already gets 409.',
    params: z.strictObject({ id: recordIdSchema }),
    body: conversionRequestSchema,
    response: { status: 200, description: 'What the lead became; null for what was not created', schema: resultSchema },
    handler: async ({ ctx, actor, modules, params, body }) => {
      const { organizationId, contactId, opportunityId } = await convertLead(
        scopeOf(ctx, actor, modules, 'leads'),
        params.id,
        body,
      );
      return { organizationId, contactId, opportunityId };
    },
  }),
];
