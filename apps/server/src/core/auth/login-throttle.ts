import { sql } from 'kysely';
import type { DB } from '../db/database.js';
import { ProblemError } from '../http/problem.js';

/** Failed logins allowed per account in the window before it is locked out for the rest of it. */
const ACCOUNT_FAILURES = 10;
const ACCOUNT_WINDOW_MINUTES = 15;

const tooMany = (retryAfterSeconds: number) =>
  new ProblemError(
    'rate-limited',
    {
      fa: 'تلاش‌های ورود بیش از حد بوده است؛ کمی بعد دوباره امتحان کنید.',
      en: 'Too many login attempts; try again later.',
    },
    [],
    { 'retry-after': String(retryAfterSeconds) },
  );

/**
 * Throttles logins per client address (all attempts per minute) and per account (failures in
 * fifteen minutes), counted in the database so that every app server sees the same numbers.
 */
export async function assertLoginAllowed(db: DB, ip: string, email: string, perMinute: number): Promise<void> {
  const row = await sql<{ by_ip: number; by_account: number }>`
    select
      count(*) filter (where key = ${`ip:${ip}`} and attempted_at > now() - interval '1 minute')::int as by_ip,
      count(*) filter (where key = ${`email:${email}`} and not succeeded
                       and attempted_at > now() - make_interval(mins => ${ACCOUNT_WINDOW_MINUTES}))::int as by_account
    from login_attempts
    where key in (${`ip:${ip}`}, ${`email:${email}`}) and attempted_at > now() - make_interval(mins => ${ACCOUNT_WINDOW_MINUTES})`
    .execute(db)
    .then((r) => r.rows[0]!);
  if (row.by_ip >= perMinute) throw tooMany(60);
  if (row.by_account >= ACCOUNT_FAILURES) throw tooMany(ACCOUNT_WINDOW_MINUTES * 60);
}

export async function recordLoginAttempt(db: DB, ip: string, email: string, succeeded: boolean): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values([
      { key: `ip:${ip}`, succeeded, attempted_at: new Date() },
      { key: `email:${email}`, succeeded, attempted_at: new Date() },
    ])
    .execute();
}

export async function forgetOldLoginAttempts(db: DB): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where('attempted_at', '<', new Date(Date.now() - 86_400_000))
    .execute();
}
