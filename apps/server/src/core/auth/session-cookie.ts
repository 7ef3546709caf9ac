import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';

export const SESSION_COOKIE = 'peyvand_session';

/** HttpOnly so scripts never see it; SameSite=Lax so other sites cannot send it with their forms. */
export function setSessionCookie(config: Config, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.sessionTtlHours * 3600,
  });
}
