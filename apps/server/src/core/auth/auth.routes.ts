import { emailAddressSchema, recordIdSchema, safeString } from '@peyvand/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ProblemError, notFound } from '../http/problem.js';
import { type RouteSpec, defineRoute } from '../http/route.js';
import { getRecord } from '../records/records.service.js';
import { scopeOf } from '../records/records.routes.js';
import { findLogin } from '../../modules/users/user-credentials.repository.js';
import { SESSION_COOKIE, setSessionCookie } from './session-cookie.js';
import { createFirstAdmin, hasUsers } from './first-admin.js';
import { assertLoginAllowed, recordLoginAttempt } from './login-throttle.js';
import { spendVerificationTime, verifyPassword } from './password.js';
import { createSession, deleteSession } from './sessions.repository.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.repository.js';

const credentials = z.strictObject({ email: safeString(254), password: safeString(200) });
const setupBody = z.strictObject({
  email: emailAddressSchema,
  password: safeString(200).min(8),
  firstName: safeString(100).min(1),
  lastName: safeString(100).min(1),
});

export async function startSession(ctx: AppContext, reply: FastifyReply, workspaceId: string, userId: string) {
  const { token, csrfToken } = await createSession(ctx.database.db, workspaceId, userId, ctx.config.sessionTtlHours);
  setSessionCookie(ctx.config, reply, token);
  return csrfToken;
}

const invalidCredentials = () =>
  new ProblemError('unauthorized', { fa: 'ایمیل یا گذرواژه نادرست است.', en: 'Wrong e-mail or password.' }, [
    { field: 'password', code: 'invalid_credentials' },
  ]);

export const authRoutes: RouteSpec[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/login',
    access: 'public',
    tags: ['auth'],
    summary: 'Log in: sets an HttpOnly session cookie and returns the user and the CSRF token',
    body: credentials,
    handler: async ({ ctx, req, reply, body }) => {
      const db = ctx.database.db;
      const email = body.email.trim().toLowerCase();
      await assertLoginAllowed(db, req.ip, email, ctx.config.loginRateLimitPerMinute);
      const login = await findLogin(db, email);
      const ok = login
        ? await verifyPassword(login.password_hash, body.password)
        : (await spendVerificationTime(body.password), false);
      const active = ok && login?.data.active === true;
      await recordLoginAttempt(db, req.ip, email, active);
      if (!login || !active) throw invalidCredentials();
      // A fresh session id on every login: an id planted before login is never promoted.
      const stale = req.cookies[SESSION_COOKIE];
      if (stale) await deleteSession(db, stale);
      const csrfToken = await startSession(ctx, reply, login.workspace_id, login.id);
      const actor = {
        workspaceId: login.workspace_id,
        userId: login.id,
        role: login.data.role === 'admin' ? 'admin' : 'user',
      } as const;
      const modules = await ctx.registry.currentModules(login.workspace_id);
      const user = await getRecord(scopeOf(ctx, actor, modules, 'users'), login.id);
      return { user, csrfToken };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/logout',
    access: 'user',
    tags: ['auth'],
    summary: 'End the session',
    response: { status: 204, description: 'Logged out' },
    handler: async ({ ctx, req, reply }) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(ctx.database.db, token);
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send();
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/session',
    access: 'user',
    tags: ['auth'],
    summary: 'The logged-in user, and the CSRF token for cookie requests',
    handler: async ({ ctx, actor, modules, auth }) => ({
      user: await getRecord(scopeOf(ctx, actor, modules, 'users'), actor.userId!),
      csrfToken: auth.csrfToken ?? null,
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/setup',
    access: 'public',
    tags: ['auth'],
    summary: 'Whether the one-time set-up (first administrator) is still open',
    handler: async ({ ctx }) => ({ needed: !(await hasUsers(ctx.database.db)) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/setup',
    access: 'public',
    tags: ['auth'],
    summary: 'Create the first administrator on an empty database and log in as them',
    body: setupBody,
    response: { status: 201, description: 'The administrator and the CSRF token' },
    handler: async ({ ctx, reply, body }) => {
      const admin = await createFirstAdmin(ctx, body);
      if (!admin) {
        throw new ProblemError('forbidden', {
          fa: 'راه‌اندازی پیش‌تر انجام شده است.',
          en: 'Set-up has already been done.',
        });
      }
      const csrfToken = await startSession(ctx, reply, admin.workspaceId, admin.user.id);
      return reply.code(201).send({ user: admin.user, csrfToken });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    access: 'user',
    tags: ['auth'],
    summary: 'Create an API token (shown once) for use as `Authorization: Bearer <token>`',
    body: z.strictObject({ name: safeString(100).min(1) }),
    response: { status: 201, description: 'The token id and the token itself' },
    handler: async ({ ctx, actor, body, reply }) =>
      reply.code(201).send(await createApiToken(ctx.database.db, actor.workspaceId, actor.userId!, body.name)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/tokens',
    access: 'user',
    tags: ['auth'],
    summary: 'My API tokens (never the secrets)',
    handler: async ({ ctx, actor }) => ({
      data: await listApiTokens(ctx.database.db, actor.workspaceId, actor.userId!),
    }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/auth/tokens/:id',
    access: 'user',
    tags: ['auth'],
    summary: 'Revoke one of my API tokens',
    params: z.strictObject({ id: recordIdSchema }),
    response: { status: 204, description: 'Revoked' },
    handler: async ({ ctx, actor, params, reply }) => {
      if (!(await revokeApiToken(ctx.database.db, actor.workspaceId, actor.userId!, params.id))) throw notFound();
      return reply.code(204).send();
    },
  }),
];
