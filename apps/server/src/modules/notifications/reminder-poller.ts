import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { AppContext } from '../../core/context.js';
import { fireDueReminders } from '../activities/reminder-firing.js';
import { sendDueEmails } from './email-delivery.js';

export interface ReminderPoller {
  /** One pass now, after any pass under way: fire due reminders, then send due e-mail. */
  runNow(): Promise<void>;
  /** No new pass starts; the one under way finishes first, so the database can close after it. */
  stop(): Promise<void>;
}

function smtpTransport(url: string) {
  const options: SMTPTransport.Options = {
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  return nodemailer.createTransport(options);
}

/**
 * Every app server polls: the database decides who takes each reminder and each e-mail, so
 * adding servers adds no duplicates, and a reminder due while all were down fires on the first
 * pass after one comes back. PEYVAND_JOB_POLL_SECONDS=0 leaves this server out.
 */
export function startReminderPoller(ctx: AppContext, log: FastifyBaseLogger): ReminderPoller {
  const { config, database } = ctx;
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined;
  let busy = false;
  let latest: Promise<void> = Promise.resolve();

  const pass = async () => {
    busy = true;
    try {
      const now = config.now();
      await fireDueReminders(database.db, { now, emailEnabled: Boolean(transport) }, (error) =>
        log.error({ err: error }, 'a reminder failed to fire; it is retried on the next pass'),
      );
      if (transport) {
        await sendDueEmails(database.db, {
          transport,
          from: config.mailFrom,
          publicUrl: config.publicUrl,
          now,
          onError: (error, email) => log.warn({ err: error, notification: email.id }, 'reminder e-mail not sent yet'),
        });
      }
    } catch (error) {
      log.error({ err: error }, 'reminder poll failed');
    } finally {
      busy = false;
    }
  };
  const runNow = () => (latest = latest.then(pass));

  let timer: NodeJS.Timeout | undefined;
  if (config.jobPollIntervalMs > 0) {
    timer = setInterval(() => {
      if (!busy) void runNow();
    }, config.jobPollIntervalMs);
    timer.unref();
    void runNow();
  }

  return {
    runNow,
    stop: async () => {
      clearInterval(timer);
      await latest;
      transport?.close();
    },
  };
}
