import { filterSchema, moduleNameSchema, recordIdSchema, safeString, versionSchema } from '@peyvand/shared';
import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../http/route.js';
import {
  changeSavedList,
  createSavedList,
  deleteSavedList,
  getSavedList,
  listSavedLists,
} from './saved-lists.service.js';

/** A list is what the query route takes, minus paging: its filter tree, its columns and its sort. */
const definition = {
  filter: filterSchema.nullable().optional(),
  columns: z.array(safeString(200)).min(1).max(100).nullable().optional().meta({
    description: 'Field names as the list shows them (`custom.NAME` for custom fields); null: the module’s own',
  }),
  sort: safeString(200)
    .nullable()
    .optional()
    .meta({ description: 'As the list route’s `sort`, e.g. `-updatedAt,lastName`' }),
  shared: z
    .boolean()
    .optional()
    .meta({ description: 'Seen by everyone in the workspace; changed by its owner or an admin' }),
};
const name = safeString(100).trim().min(1);

const createBody = z.strictObject({ module: moduleNameSchema, name, ...definition });
const changeBody = z.strictObject({ version: versionSchema, name: name.optional(), ...definition });

const savedList = z.object({
  id: z.uuid(),
  module: z.string(),
  name: z.string(),
  filter: z.unknown().meta({ description: 'A filter tree, or null' }),
  columns: z.array(z.string()).nullable(),
  sort: z.string().nullable(),
  shared: z.boolean(),
  ownerId: z.uuid(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const idParams = z.strictObject({ id: recordIdSchema });
const tags = ['saved-lists'];

export const savedListRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/saved-lists',
    access: 'user',
    tags,
    summary: 'My saved lists and everyone’s shared ones, by name',
    query: z.strictObject({ module: moduleNameSchema.optional() }),
    response: { status: 200, description: 'The lists', schema: z.object({ data: z.array(savedList) }) },
    handler: async ({ ctx, principal, query }) => ({
      data: await listSavedLists(ctx.database.db, principal, query.module),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/saved-lists/:id',
    access: 'user',
    tags,
    summary: 'One saved list (someone else’s private list is not found)',
    params: idParams,
    response: { status: 200, description: 'The list', schema: savedList },
    handler: ({ ctx, principal, params }) => getSavedList(ctx.database.db, principal, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/saved-lists',
    access: 'user',
    tags,
    summary: 'Save a list of a module: filter, columns and sort are checked as the query route checks them',
    body: createBody,
    response: { status: 201, description: 'The new list', schema: savedList },
    handler: async ({ ctx, principal, modules, body, reply }) => {
      const created = await createSavedList(ctx.database.db, principal, modules, body);
      return reply.code(201).header('location', `/api/v1/saved-lists/${created.id}`).send(created);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/saved-lists/:id',
    access: 'user',
    tags,
    summary: 'Change a saved list; `version` is required and a stale one gets 409; null clears filter, columns or sort',
    params: idParams,
    body: changeBody,
    response: { status: 200, description: 'The list', schema: savedList },
    handler: ({ ctx, principal, modules, params, body }) =>
      changeSavedList(ctx.database.db, principal, modules, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/saved-lists/:id',
    access: 'user',
    tags,
    summary: 'Delete a saved list (its owner, or an admin for a shared one)',
    params: idParams,
    response: { status: 204, description: 'Deleted' },
    handler: async ({ ctx, principal, params, reply }) => {
      await deleteSavedList(ctx.database.db, principal, params.id);
      return reply.code(204).send();
    },
  }),
];
