import { CUSTOM_FIELD_TYPES, STAGE_KINDS, moduleNameSchema, safeString } from '@peyvand/shared';
import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../http/route.js';
import {
  changeField,
  createCustomField,
  deleteCustomField,
  describeField,
  describeModule,
  moduleOrNotFound,
} from './metadata.service.js';
import { MAX_BLOCKS, arrangeBlocks } from './module-layout.service.js';

const labelSchema = z
  .strictObject({ fa: safeString(100).min(1), en: safeString(100).min(1).optional() })
  .transform((l) => ({ fa: l.fa, en: l.en ?? l.fa }));

const optionSchema = z
  .strictObject({
    value: safeString(100).min(1).optional(),
    label: labelSchema,
    hidden: z.boolean().optional(),
    // Only on fields that declare them (FieldDef.optionAttributes): a sales stage's win chance and kind.
    probability: z.number().min(0).max(100).optional(),
    kind: z.enum(STAGE_KINDS).optional(),
  })
  .transform(({ value, label, hidden, ...attributes }) => ({
    value: value ?? label.en,
    label,
    ...(hidden ? { hidden: true } : {}),
    ...attributes,
  }));

const fieldProperties = {
  label: labelSchema,
  options: z.array(optionSchema).max(500).optional(),
  required: z.boolean().optional(),
  target: moduleNameSchema.optional(),
  maxLength: z.number().int().min(1).max(65_535).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  hidden: z.boolean().optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
  block: safeString(60).optional(),
  quickCreate: z.boolean().optional(),
  searchable: z.boolean().optional(),
};

/** Field and block names become JSON keys and API names: a letter, then letters and digits (camelCase). */
const camelCaseName = (code: string) =>
  z.string().refine((name) => /^[a-z][A-Za-z0-9]{0,59}$/.test(name) && !(name in Object.prototype), {
    params: { code },
  });
const fieldName = camelCaseName('invalid_field_name');

const createFieldSchema = z.strictObject({ name: fieldName, type: z.enum(CUSTOM_FIELD_TYPES), ...fieldProperties });
const changeFieldSchema = z.strictObject({
  type: z.enum(CUSTOM_FIELD_TYPES).optional(),
  ...fieldProperties,
  label: labelSchema.optional(),
});

const blockSchema = z.strictObject({ name: camelCaseName('invalid_name'), label: labelSchema });
const layoutSchema = z.strictObject({ blocks: z.array(blockSchema).max(MAX_BLOCKS) });

const moduleParams = z.strictObject({ module: safeString(60) });
const fieldParams = z.strictObject({ module: safeString(60), name: safeString(60) });

export const metadataRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/metadata/modules',
    access: 'user',
    tags: ['metadata'],
    summary: 'Every module with its fields (standard and custom), blocks, relations and list defaults',
    handler: async ({ modules }) => ({ data: [...modules.values()].map(describeModule) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/metadata/modules/:module',
    access: 'user',
    tags: ['metadata'],
    summary: 'One module as this workspace sees it',
    params: moduleParams,
    handler: async ({ modules, params }) => describeModule(moduleOrNotFound(modules, params.module)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/metadata/modules/:module',
    access: 'admin',
    tags: ['metadata'],
    summary:
      "Arrange a module's blocks: the array order is the display order; blocks may be relabelled and added, and dropped when they hold no field",
    params: moduleParams,
    body: layoutSchema,
    response: { status: 200, description: 'The module with its new layout' },
    handler: async ({ ctx, actor, modules, params, body }) =>
      arrangeBlocks(ctx.database.db, actor, moduleOrNotFound(modules, params.module), body.blocks),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/metadata/modules/:module/fields',
    access: 'user',
    tags: ['metadata'],
    summary: "A module's fields",
    params: moduleParams,
    handler: async ({ modules, params }) => ({
      data: moduleOrNotFound(modules, params.module).def.fields.map(describeField),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/metadata/modules/:module/fields',
    access: 'admin',
    tags: ['metadata'],
    summary: 'Add a custom field (values are stored under `custom.<name>`); no restart, no migration',
    params: moduleParams,
    body: createFieldSchema,
    response: { status: 201, description: 'The new field' },
    handler: async ({ ctx, actor, modules, params, body, reply }) =>
      reply
        .code(201)
        .send(await createCustomField(ctx.database.db, actor, moduleOrNotFound(modules, params.module), body)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/metadata/modules/:module/fields/:name',
    access: 'admin',
    tags: ['metadata'],
    summary:
      "Change a field: a custom field's definition, or a standard field's labels, picklist values, visibility and order",
    params: fieldParams,
    body: changeFieldSchema,
    handler: async ({ ctx, actor, modules, params, body }) =>
      changeField(ctx.database.db, actor, moduleOrNotFound(modules, params.module), params.name, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/metadata/modules/:module/fields/:name',
    access: 'admin',
    tags: ['metadata'],
    summary: 'Delete a custom field and its values',
    params: fieldParams,
    response: { status: 204, description: 'Deleted' },
    handler: async ({ ctx, actor, modules, params, reply }) => {
      await deleteCustomField(ctx.database.db, actor, moduleOrNotFound(modules, params.module), params.name);
      return reply.code(204).send();
    },
  }),
];
