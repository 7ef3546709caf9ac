import type { FilterNode, ModuleDef } from '@peyvand/shared';
import {
  filterSchema,
  pageSchema,
  recordOutputSchema,
  modules as declaredModules,
  moduleNameSchema,
  parseLooseNumber,
  recordIdSchema,
  safeString,
  versionSchema,
} from '@peyvand/shared';
import { z } from 'zod';
import type { Actor } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http/problem.js';
import { type RouteSpec, defineRoute } from '../http/route.js';
import type { ModuleSet } from '../metadata/effective-module.js';
import {
  type RecordScope,
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  purgeRecord,
  recordHistory,
  updateRecord,
} from './records.service.js';
import { restoreRecordOrUndoMerge } from '../../modules/merges/merges.service.js';

export const MAX_PAGE_SIZE = 200;

export const limitSchema = z
  .union([z.number(), z.string()])
  .transform(parseLooseNumber)
  .pipe(z.number().int().min(1).max(MAX_PAGE_SIZE))
  .default(50);

const fieldList = safeString(2000).transform((s) =>
  s
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean),
);

export const listQuerySchema = z.strictObject({
  limit: limitSchema,
  cursor: safeString(2000).optional(),
  sort: safeString(200).optional(),
  q: safeString(200).optional(),
  fields: fieldList.optional(),
});

export const queryBodySchema = z.strictObject({
  filter: filterSchema.optional(),
  sort: safeString(200).optional(),
  limit: limitSchema,
  cursor: safeString(2000).nullable().optional(),
  q: safeString(200).optional(),
  fields: z.array(safeString(200)).max(200).optional(),
});

const idParams = z.strictObject({ id: recordIdSchema });
const deleteQuery = z.strictObject({
  version: z.union([z.number(), z.string()]).transform(parseLooseNumber).pipe(versionSchema).optional(),
});
const historyQuery = z.strictObject({ limit: limitSchema, cursor: safeString(40).optional() });

export function scopeOf(ctx: AppContext, actor: Actor, modules: ModuleSet, name: string): RecordScope {
  const module = modules.get(name);
  if (!module) throw notFound();
  return { db: ctx.database.db, actor, module, modules, now: ctx.config.now };
}

/** The same nine routes for every module, their schemas drawn from its declaration and custom fields. */
function moduleRoutes(def: ModuleDef): RouteSpec[] {
  const base = `/api/v1/${def.name}`;
  const tags = [def.name];
  const one = def.label.singular.en.toLowerCase();
  const output = (m: ModuleSet) => recordOutputSchema(m.get(def.name)!.def);
  const record = { schema: output, description: `The ${one}` };
  const page = {
    schema: (m: ModuleSet) => pageSchema(output(m)),
    description: 'A page of records and the cursor of the next one',
  };
  // Only users' records feed a credential's answer (see route.ts; groups change users' records).
  const keepsCredentials = def.name !== 'users' && def.name !== 'groups';
  return [
    defineRoute({
      method: 'POST',
      url: base,
      access: 'user',
      tags,
      keepsCredentials,
      summary: `Create a ${one}`,
      body: (m) => m.get(def.name)!.schemas.create,
      response: { status: 201, description: `The new ${one}`, schema: output },
      handler: async ({ ctx, actor, modules, body, reply }) => {
        const created = await createRecord(scopeOf(ctx, actor, modules, def.name), body);
        return reply.code(201).header('location', `${base}/${created.id}`).send(created);
      },
    }),
    defineRoute({
      method: 'GET',
      url: base,
      access: 'user',
      tags,
      summary: `List ${def.label.plural.en.toLowerCase()} (cursor paging, sort, quick search)`,
      query: listQuerySchema,
      response: { status: 200, ...page },
      handler: ({ ctx, actor, modules, query }) => listRecords(scopeOf(ctx, actor, modules, def.name), query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/query`,
      access: 'user',
      tags,
      keepsCredentials: true,
      summary: `Query ${def.label.plural.en.toLowerCase()} with a filter tree`,
      body: queryBodySchema,
      response: { status: 200, ...page },
      handler: ({ ctx, actor, modules, body }) =>
        listRecords(scopeOf(ctx, actor, modules, def.name), {
          ...body,
          filter: body.filter as FilterNode | undefined,
          cursor: body.cursor ?? undefined,
        }),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/:id`,
      access: 'user',
      tags,
      summary: `Get a ${one}`,
      params: idParams,
      response: { status: 200, ...record },
      handler: ({ ctx, actor, modules, params }) => getRecord(scopeOf(ctx, actor, modules, def.name), params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/:id`,
      access: 'user',
      tags,
      keepsCredentials,
      summary: `Change a ${one}; with \`version\`, only if nobody changed it since (409 otherwise)`,
      params: idParams,
      body: (m) => m.get(def.name)!.schemas.update,
      response: { status: 200, ...record },
      handler: ({ ctx, actor, modules, params, body }) =>
        updateRecord(scopeOf(ctx, actor, modules, def.name), params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/:id`,
      access: 'user',
      tags,
      keepsCredentials,
      summary: `Move a ${one} to the recycle bin`,
      params: idParams,
      query: deleteQuery,
      response: { status: 200, ...record },
      handler: ({ ctx, actor, modules, params, query }) =>
        deleteRecord(scopeOf(ctx, actor, modules, def.name), params.id, query.version),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/:id/restore`,
      access: 'user',
      tags,
      keepsCredentials,
      summary: `Restore a ${one} from the recycle bin; one merged away undoes its merge`,
      params: idParams,
      response: { status: 200, ...record },
      handler: ({ ctx, actor, modules, params }) =>
        restoreRecordOrUndoMerge(scopeOf(ctx, actor, modules, def.name), params.id),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/:id/history`,
      access: 'user',
      tags,
      summary: `Field changes of a ${one}, newest first`,
      params: idParams,
      query: historyQuery,
      response: { status: 200, description: 'History entries and the cursor of the next page' },
      handler: ({ ctx, actor, modules, params, query }) =>
        recordHistory(scopeOf(ctx, actor, modules, def.name), params.id, query.limit, query.cursor),
    }),
    ...(def.relations ?? []).map((relation) =>
      defineRoute({
        method: 'GET',
        url: `${base}/:id/related/${relation.name}`,
        access: 'user',
        tags,
        summary: `${relation.label.en} of a ${one}`,
        params: idParams,
        query: listQuerySchema.omit({ q: true }),
        response: {
          status: 200,
          description: `A page of ${relation.label.en.toLowerCase()}`,
          schema: (m: ModuleSet) => pageSchema(recordOutputSchema(m.get(relation.module)!.def)),
        },
        handler: async ({ ctx, actor, modules, params, query }) => {
          await getRecord(scopeOf(ctx, actor, modules, def.name), params.id);
          const target = modules.get(relation.module)!;
          const field = target.fields.get(relation.field)!;
          const op = field.type === 'referenceList' ? 'contains' : 'eq';
          return listRecords(scopeOf(ctx, actor, modules, relation.module), {
            ...query,
            filter: { field: relation.field, op, value: params.id },
          });
        },
      }),
    ),
  ];
}

const recycleBinQuery = z.strictObject({
  module: moduleNameSchema,
  limit: limitSchema,
  cursor: safeString(2000).optional(),
});
const purgeParams = z.strictObject({
  module: moduleNameSchema,
  id: recordIdSchema,
});

export const recordRoutes: RouteSpec[] = [
  ...declaredModules.flatMap(moduleRoutes),
  defineRoute({
    method: 'GET',
    url: '/api/v1/recycle-bin',
    access: 'user',
    tags: ['recycle-bin'],
    summary: 'Deleted records of a module, most recently deleted first',
    query: recycleBinQuery,
    handler: ({ ctx, actor, modules, query }) =>
      listRecords(scopeOf(ctx, actor, modules, query.module), {
        limit: query.limit,
        cursor: query.cursor,
        sort: '-updatedAt',
        deleted: true,
      }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/recycle-bin/:module/:id',
    access: 'admin',
    tags: ['recycle-bin'],
    summary: 'Delete a record from the recycle bin for good',
    params: purgeParams,
    response: { status: 204, description: 'Purged' },
    handler: async ({ ctx, actor, modules, params, reply }) => {
      await purgeRecord(scopeOf(ctx, actor, modules, params.module), params.id);
      return reply.code(204).send();
    },
  }),
];
