import { z } from 'zod';
import { ProblemError, validationProblem } from '../../core/http/problem.js';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import { storableJsonIssue } from '../../core/http/storable-json.js';
import { countOtherPreferences, deletePreference, preferencesOf, savePreference } from './preferences.repository.js';

/** The web app keeps a user's choices here (columns, page size…): small values, a bounded number of them. */
export const MAX_PREFERENCE_BYTES = 65_536;
export const MAX_PREFERENCES = 200;

const keyParams = z.strictObject({
  key: z.string().refine((key) => /^[a-zA-Z0-9._-]{1,100}$/.test(key) && !(key in Object.prototype), {
    params: { code: 'invalid_key' },
  }),
});

const tags = ['me'];

export const preferenceRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/preferences',
    access: 'user',
    tags,
    summary: 'My preferences, as an object of key → value',
    response: { status: 200, description: 'Every preference I saved', schema: z.record(z.string(), z.unknown()) },
    handler: async ({ ctx, principal }) =>
      Object.fromEntries(
        (await preferencesOf(ctx.database.db, principal.workspaceId, principal.userId)).map((p) => [p.key, p.value]),
      ),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/me/preferences/:key',
    access: 'user',
    tags,
    summary: `Save one preference: the body is its value, any JSON up to ${MAX_PREFERENCE_BYTES / 1024} KB (413 beyond)`,
    params: keyParams,
    body: z.unknown().meta({ description: 'Any JSON value' }),
    response: { status: 200, description: 'The value as saved', schema: z.unknown() },
    handler: async ({ ctx, req, reply, principal, params, body }) => {
      if (req.body === undefined) throw validationProblem([{ field: 'body', code: 'required' }]);
      const bytes = Buffer.byteLength(JSON.stringify(body));
      if (bytes > MAX_PREFERENCE_BYTES) {
        throw new ProblemError('payload-too-large', undefined, [
          { field: 'body', code: 'value_too_large', params: { maximum: MAX_PREFERENCE_BYTES } },
        ]);
      }
      const issue = storableJsonIssue(body, 'body');
      if (issue) throw validationProblem([issue]);
      const { workspaceId, userId } = principal;
      if ((await countOtherPreferences(ctx.database.db, workspaceId, userId, params.key)) >= MAX_PREFERENCES) {
        throw new ProblemError('unprocessable', undefined, [
          { field: 'key', code: 'too_big', params: { maximum: MAX_PREFERENCES, origin: 'array' } },
        ]);
      }
      await savePreference(ctx.database.db, workspaceId, userId, params.key, body);
      // Serialised here: Fastify would send a string value as text/plain.
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/me/preferences/:key',
    access: 'user',
    tags,
    summary: 'Forget one preference (204 whether or not it was set)',
    params: keyParams,
    response: { status: 204, description: 'Forgotten' },
    handler: async ({ ctx, principal, params, reply }) => {
      await deletePreference(ctx.database.db, principal.workspaceId, principal.userId, params.key);
      return reply.code(204).send();
    },
  }),
];
