import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type Authentication, authenticate, checkCsrf } from '../auth/authenticate.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import type { Actor, Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import type { ModuleSet } from '../metadata/effective-module.js';
import { parseInput } from './parse.js';
import { ProblemError, forbidden } from './problem.js';

export type Access = 'public' | 'user' | 'admin';

/** A schema fixed at start-up, or one that depends on the workspace's metadata (custom fields). */
export type SchemaSource<T> = z.ZodType<T> | ((modules: ModuleSet) => z.ZodType<T>);

export interface RouteInput<P, Q, B> {
  ctx: AppContext;
  req: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
}

export interface AuthedInput<P, Q, B> extends RouteInput<P, Q, B> {
  principal: Principal;
  actor: Actor;
  auth: Authentication;
  modules: ModuleSet;
}

interface RouteBase<P, Q, B> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify path, e.g. `/api/v1/contacts/:id`. */
  url: string;
  tags: string[];
  summary: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: SchemaSource<B>;
  /**
   * A write that cannot change what a session or token resolves to (its user, role, language,
   * the metadata version): the server keeps its credential cache through it. Other writes empty
   * it, so their change shows at once on this server; the database's notification then empties
   * every server's. With many users writing, emptying it on every write sent each request back to
   * the credentials query.
   */
  keepsCredentials?: boolean;
  /** Success response for the OpenAPI description. */
  response?: { status: number; description: string; schema?: SchemaSource<unknown>; contentType?: string };
}

export type RouteSpec<P = unknown, Q = unknown, B = unknown> =
  | (RouteBase<P, Q, B> & { access: 'public'; handler(input: RouteInput<P, Q, B>): Promise<unknown> })
  | (RouteBase<P, Q, B> & { access: 'user' | 'admin'; handler(input: AuthedInput<P, Q, B>): Promise<unknown> });

/** Keeps each route's types inferred from its schemas while routes are gathered in one list. */
export function defineRoute<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export function resolveSchema<T>(source: SchemaSource<T>, modules: ModuleSet): z.ZodType<T> {
  return typeof source === 'function' ? source(modules) : source;
}

const unauthorized = () =>
  new ProblemError('unauthorized', {
    fa: 'برای این درخواست باید وارد شوید یا توکن API بفرستید.',
    en: 'Log in or send an API token (Authorization: Bearer …) to make this request.',
  });

/**
 * Registers a route with Fastify: authentication and role first, then CSRF, then the
 * request's parameters, query and body through their zod schemas, then the handler.
 */
export function registerRoute(app: FastifyInstance, ctx: AppContext, spec: RouteSpec): void {
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (req, reply) => {
      if (spec.access === 'public') {
        const params = spec.params ? parseInput(spec.params, req.params, 'params') : undefined;
        const query = spec.query ? parseInput(spec.query, req.query, 'query') : undefined;
        const body = spec.body ? parseInput(resolveSchema(spec.body, new Map()), req.body, 'body') : undefined;
        return spec.handler({ ctx, req, reply, params, query, body });
      }
      // Who is asking comes first: without credentials nothing about the input is answered.
      const auth = await authenticate(ctx, req);
      if (!auth) throw unauthorized();
      checkCsrf(req, auth);
      if (auth.renewedSession) setSessionCookie(ctx.config, reply, auth.renewedSession);
      const { principal } = auth;
      if (spec.access === 'admin' && principal.role !== 'admin') throw forbidden();
      const params = spec.params ? parseInput(spec.params, req.params, 'params') : undefined;
      const query = spec.query ? parseInput(spec.query, req.query, 'query') : undefined;
      const modules = await ctx.registry.modulesFor(principal.workspaceId, principal.metadataVersion);
      // No body at all reads as an empty object; a JSON `null` stays null (a preference may be null).
      const input = req.body === undefined ? {} : req.body;
      const body = spec.body ? parseInput(resolveSchema(spec.body, modules), input, 'body') : undefined;
      const actor: Actor = { workspaceId: principal.workspaceId, userId: principal.userId, role: principal.role };
      const handled = spec.handler({ ctx, req, reply, params, query, body, principal, actor, auth, modules });
      if (spec.method === 'GET' || spec.keepsCredentials) return handled;
      try {
        return await handled;
      } finally {
        // A change may have altered a credential's answer (a user, a token, a field): this server
        // forgets at once rather than when the database's notification comes back to it.
        ctx.credentials.invalidate();
      }
    },
  });
}
