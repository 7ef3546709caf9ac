import { sql } from 'kysely';
import type { DB } from '../../core/db/database.js';

/** All SQL over the e-mail outbox: notifications whose `email_status` is 'pending'. */

export interface LeasedEmail {
  workspace_id: string;
  id: string;
  title: string;
  module: string;
  record_id: string;
  occurs_at: Date | null;
  late: boolean;
  email_attempts: number;
  /** The recipient's address, language and calendar, and the record's subject, read with the lease. */
  address: string | null;
  language: string | null;
  calendar: string | null;
  subject: string | null;
}

/**
 * Leases up to `limit` pending e-mails whose lease (or back-off) has run out, in one statement:
 * no transaction stays open while SMTP talks. A server that dies mid-send leaves a lease that
 * runs out, and another server sends it then.
 */
export async function leaseDueEmails(db: DB, now: Date, leaseMs: number, limit: number): Promise<LeasedEmail[]> {
  const until = new Date(now.getTime() + leaseMs);
  const result = await sql<LeasedEmail>`
    with due as (
      select workspace_id, id from notifications
      where email_status = 'pending' and (email_leased_until is null or email_leased_until <= ${now})
      order by id
      limit ${limit}
      for update skip locked
    ), leased as (
      update notifications n
      set email_leased_until = ${until}, email_attempts = n.email_attempts + 1
      from due
      where n.workspace_id = due.workspace_id and n.id = due.id
      returning n.workspace_id, n.id, n.user_id, n.title, n.module, n.record_id, n.occurs_at, n.late, n.email_attempts
    )
    select leased.workspace_id, leased.id, leased.title, leased.module, leased.record_id, leased.occurs_at,
      leased.late, leased.email_attempts, u.data ->> 'email' as address, u.data ->> 'language' as language,
      u.data ->> 'calendar' as calendar, r.data ->> 'subject' as subject
    from leased
    left join records u on u.workspace_id = leased.workspace_id and u.id = leased.user_id and u.module = 'users'
    left join records r on r.workspace_id = leased.workspace_id and r.id = leased.record_id
    order by leased.id`.execute(db);
  return result.rows;
}

export async function markEmailSent(db: DB, email: LeasedEmail): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ email_status: 'sent', email_leased_until: null })
    .where('workspace_id', '=', email.workspace_id)
    .where('id', '=', email.id)
    .execute();
}

/** A failed send waits `retryAt` (the lease doubles as the back-off), or is given up for good. */
export async function markEmailFailed(db: DB, email: LeasedEmail, retryAt: Date | 'give up'): Promise<void> {
  await db
    .updateTable('notifications')
    .set(retryAt === 'give up' ? { email_status: 'failed', email_leased_until: null } : { email_leased_until: retryAt })
    .where('workspace_id', '=', email.workspace_id)
    .where('id', '=', email.id)
    .execute();
}
