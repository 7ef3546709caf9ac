import type { Language } from '@peyvand/shared';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { ProblemError } from '../http/problem.js';
import type { Principal, Role } from './principal.js';
import { hashSecret, sameSecret } from './secrets.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { extendSession } from './sessions.repository.js';
import { touchApiToken } from './tokens.repository.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a credential resolves to, as read from the database and kept in the credential cache. */
export interface PrincipalRow {
  workspace_id: string;
  user_id: string;
  role: string;
  language: string | null;
  metadata_version: number;
  csrf_token?: string;
  expires_at?: Date;
  last_used_at?: Date | null;
}

const toPrincipal = (row: PrincipalRow, via: Principal['via']): Principal => ({
  workspaceId: row.workspace_id,
  userId: row.user_id,
  role: row.role === 'admin' ? 'admin' : ('user' as Role),
  language: (row.language === 'en' ? 'en' : 'fa') as Language,
  metadataVersion: Number(row.metadata_version),
  via,
});

export interface Authentication {
  principal: Principal;
  /** Set for cookie sessions: the hash identifying the session and its CSRF token. */
  sessionHash?: string;
  csrfToken?: string;
  /** The session's expiry moved forward: its cookie must be sent again, with the new lifetime. */
  renewedSession?: string;
}

/**
 * One query resolves the credential, the user (live and active) and the workspace's metadata
 * version together, and its answer is cached until something changes it (credential-cache.ts).
 */
async function resolve(
  ctx: AppContext,
  key: string,
  read: () => Promise<PrincipalRow | undefined>,
): Promise<PrincipalRow | undefined> {
  const cached = ctx.credentials.get(key);
  if (cached) return cached;
  const ticket = ctx.credentials.readTicket();
  const row = await read();
  if (row) ctx.credentials.set(key, row, ticket);
  return row;
}

async function bySession(ctx: AppContext, token: string): Promise<Authentication | null> {
  const tokenHash = hashSecret(token);
  const row = await resolve(ctx, `session:${tokenHash}`, () =>
    sql<PrincipalRow>`
      select s.workspace_id, s.user_id, s.csrf_token, s.expires_at, u.data ->> 'role' as role,
             u.data ->> 'language' as language, w.metadata_version
      from sessions s
      join records u on u.workspace_id = s.workspace_id and u.id = s.user_id
      join workspaces w on w.id = s.workspace_id
      where s.token_hash = ${tokenHash} and s.expires_at > now()
        and u.module = 'users' and u.deleted_at is null and u.data @> '{"active": true}'`
      .execute(ctx.database.db)
      .then((r) => r.rows[0]),
  );
  // A cached session still runs out at its time.
  if (!row || row.expires_at!.getTime() <= Date.now()) return null;
  const auth: Authentication = {
    principal: toPrincipal(row, 'session'),
    sessionHash: tokenHash,
    csrfToken: row.csrf_token!,
  };
  // Renewed at most once per tenth of the lifetime, so an active user is never logged out mid-work.
  const ttlMs = ctx.config.sessionTtlHours * 3_600_000;
  if (row.expires_at!.getTime() - Date.now() < ttlMs * 0.9) {
    await extendSession(ctx.database.db, tokenHash, ctx.config.sessionTtlHours);
    row.expires_at = new Date(Date.now() + ttlMs);
    auth.renewedSession = token;
  }
  return auth;
}

async function byToken(ctx: AppContext, token: string): Promise<Authentication | null> {
  const tokenHash = hashSecret(token);
  const row = await resolve(ctx, `token:${tokenHash}`, () =>
    sql<PrincipalRow>`
      select t.workspace_id, t.user_id, t.last_used_at, u.data ->> 'role' as role,
             u.data ->> 'language' as language, w.metadata_version
      from api_tokens t
      join records u on u.workspace_id = t.workspace_id and u.id = t.user_id
      join workspaces w on w.id = t.workspace_id
      where t.token_hash = ${tokenHash} and t.revoked_at is null
        and u.module = 'users' and u.deleted_at is null and u.data @> '{"active": true}'`
      .execute(ctx.database.db)
      .then((r) => r.rows[0]),
  );
  if (!row) return null;
  // Last use is kept to the minute: a write per request would halve API throughput.
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    row.last_used_at = new Date();
    await touchApiToken(ctx.database.db, tokenHash);
  }
  return { principal: toPrincipal(row, 'token') };
}

/** The request's credential, if any: a Bearer token first, else the session cookie. */
export async function authenticate(ctx: AppContext, req: FastifyRequest): Promise<Authentication | null> {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? byToken(ctx, match[1]!) : null;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? bySession(ctx, cookie) : null;
}

/** A state-changing request carried by a cookie must prove it comes from our page. */
export function checkCsrf(req: FastifyRequest, auth: Authentication): void {
  if (auth.principal.via !== 'session' || SAFE_METHODS.has(req.method)) return;
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !auth.csrfToken || !sameSecret(sent, auth.csrfToken)) {
    throw new ProblemError('csrf', {
      fa: 'درخواست‌های تغییردهنده با کوکی باید سرآیند X-CSRF-Token داشته باشند.',
      en: 'State-changing requests made with the session cookie need the X-CSRF-Token header.',
    });
  }
}
