import type { Transporter } from 'nodemailer';
import type { DB } from '../../core/db/database.js';
import { type LeasedEmail, leaseDueEmails, markEmailFailed, markEmailSent } from './email-outbox.repository.js';
import { reminderEmail } from './reminder-email.js';

const MINUTE = 60_000;
/** Longer than the transport's connection, greeting and socket time-outs together. */
const EMAIL_LEASE_MS = 2 * MINUTE;
const BATCH = 20;
/** 1, 2, 4 … 64 minutes apart, then given up: about two hours of an SMTP server being away. */
const MAX_ATTEMPTS = 8;

const retryDelay = (attempts: number) => 2 ** (attempts - 1) * MINUTE;

export interface EmailDeliveryOptions {
  transport: Transporter;
  from: string;
  publicUrl: string;
  now: Date;
  onError(error: unknown, email: LeasedEmail): void;
}

async function deliver(db: DB, email: LeasedEmail, options: EmailDeliveryOptions): Promise<void> {
  if (!email.address) return markEmailFailed(db, email, 'give up');
  try {
    await options.transport.sendMail({
      from: options.from,
      to: email.address,
      // The same id on a resend (a server died between SMTP and marking it sent) lets mail systems drop the copy.
      messageId: `<notification-${email.workspace_id}-${email.id}@peyvand>`,
      ...reminderEmail(email, options.publicUrl),
    });
  } catch (error) {
    options.onError(error, email);
    const retryAt =
      email.email_attempts >= MAX_ATTEMPTS
        ? 'give up'
        : new Date(options.now.getTime() + retryDelay(email.email_attempts));
    return markEmailFailed(db, email, retryAt);
  }
  await markEmailSent(db, email);
}

/** Sends what the outbox holds, a leased batch at a time, until nothing is due. */
export async function sendDueEmails(db: DB, options: EmailDeliveryOptions): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await leaseDueEmails(db, options.now, EMAIL_LEASE_MS, BATCH);
    for (const email of batch) await deliver(db, email, options);
    sent += batch.length;
    if (batch.length < BATCH) return sent;
  }
}
