import { safeString } from '@peyvand/shared';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../core/auth/session-cookie.js';
import { startSession } from '../../core/auth/auth.routes.js';
import { verifyPassword } from '../../core/auth/password.js';
import { ProblemError } from '../../core/http/problem.js';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import { scopeOf } from '../../core/records/records.routes.js';
import { getRecord, updateRecord } from '../../core/records/records.service.js';
import { findLogin } from './user-credentials.repository.js';

/** What every user may change about themselves; role, e-mail, groups and activation stay with admins. */
const SELF_EDITABLE = ['firstName', 'lastName', 'mobile', 'language', 'calendar'] as const;

const passwordChange = z.strictObject({ currentPassword: safeString(200), newPassword: safeString(200).min(8) });

export const meRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me',
    access: 'user',
    tags: ['me'],
    summary: 'My user record',
    handler: ({ ctx, actor, modules }) => getRecord(scopeOf(ctx, actor, modules, 'users'), actor.userId!),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/me',
    access: 'user',
    tags: ['me'],
    summary: 'Change my name, mobile, language (fa | en) or calendar (jalali | gregorian)',
    body: (modules) =>
      (modules.get('users')!.schemas.update as unknown as z.ZodObject).pick({
        ...Object.fromEntries(SELF_EDITABLE.map((name) => [name, true])),
        version: true,
      }),
    handler: ({ ctx, actor, modules, body }) =>
      // The route limits the fields; the write itself is the user's own, recorded as theirs.
      updateRecord(
        scopeOf(ctx, { ...actor, role: 'admin' }, modules, 'users'),
        actor.userId!,
        body as Record<string, unknown>,
      ),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/password',
    access: 'user',
    tags: ['me'],
    summary: 'Change my password; my other sessions end, this one is renewed',
    body: passwordChange,
    handler: async ({ ctx, actor, modules, body, auth, reply }) => {
      const me = await getRecord(scopeOf(ctx, actor, modules, 'users'), actor.userId!);
      const login = await findLogin(ctx.database.db, String(me.email));
      if (!login || !(await verifyPassword(login.password_hash, body.currentPassword))) {
        throw new ProblemError('validation', undefined, [{ field: 'currentPassword', code: 'invalid_credentials' }]);
      }
      // newPassword went through the same rules as a user's password field (8 to 200 characters).
      const scope = scopeOf(ctx, { ...actor, role: 'admin' }, modules, 'users');
      await updateRecord(scope, actor.userId!, { password: body.newPassword });
      if (auth.principal.via !== 'session') return reply.code(204).send();
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { csrfToken: await startSession(ctx, reply, actor.workspaceId, actor.userId!) };
    },
  }),
];
