import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { findRecord } from '../../core/records/records.repository.js';
import { notifyUsers } from '../notifications/notifications.repository.js';
import { isFinished, remindersOf } from './activity-status.js';
import { nextOccurrenceAfter } from './occurrences.js';
import { type ReminderJob, claimDueReminder, markFired, scheduleReminders } from './reminder-jobs.repository.js';
import { reminderRecipients } from './reminder-recipients.js';
import { persianDateTime, tehranDateTime } from './tehran-date-format.js';

const MINUTE = 60_000;

/** Fired this long after its time, a reminder says it is late: no server was polling then. */
const LATE_AFTER_MS = 2 * MINUTE;

/**
 * A reminder for an occurrence that began more than a day ago is dropped, not sent: after a long
 * outage a flood of stale reminders (and e-mails) helps nobody, and the activity already shows
 * among the user's overdue ones. Anything younger still fires, marked late.
 */
const STALE_AFTER_MS = 24 * 60 * MINUTE;

export interface FiringOptions {
  now: Date;
  /** E-mail is queued only where an SMTP server is configured to send it. */
  emailEnabled: boolean;
}

/** A series keeps one occurrence scheduled: the one after this, or after now if the servers were down. */
async function scheduleNextOccurrence(
  trx: Transaction<Database>,
  job: ReminderJob,
  data: Record<string, unknown>,
  now: Date,
) {
  if (typeof data.recurrence !== 'string') return;
  const after = new Date(Math.max(job.occurrence_at.getTime(), now.getTime()));
  const next = nextOccurrenceAfter(data, after);
  if (next) await scheduleReminders(trx, job.workspace_id, job.activity_id, next, remindersOf(data), now);
}

async function fireReminder(trx: Transaction<Database>, job: ReminderJob, options: FiringOptions): Promise<void> {
  const { now } = options;
  await markFired(trx, job, now);
  const activity = await findRecord(trx, job.workspace_id, 'activities', job.activity_id);
  if (!activity || isFinished(activity.data)) return;
  await scheduleNextOccurrence(trx, job, activity.data, now);
  if (now.getTime() - job.occurrence_at.getTime() > STALE_AFTER_MS) return;

  const subject = String(activity.data.subject ?? '');
  const { gregorianDate, time } = tehranDateTime(job.occurrence_at);
  await notifyUsers(trx, job.workspace_id, await reminderRecipients(trx, activity), {
    kind: 'reminder',
    module: 'activities',
    recordId: activity.id,
    // The cause is the occurrence and the lead time, so a retry or a second server adds nothing.
    source: `reminder:${activity.id}:${job.occurrence_at.toISOString()}:${job.minutes_before}`,
    title: {
      fa: `یادآوری: ${subject} — ${persianDateTime(job.occurrence_at)}`,
      en: `Reminder: ${subject} — ${gregorianDate} ${time} (Tehran)`,
    },
    email: options.emailEnabled && job.channels.includes('email'),
    createdAt: now,
    occursAt: job.occurrence_at,
    late: now.getTime() - job.fire_at.getTime() > LATE_AFTER_MS,
  });
}

/**
 * Fires every due reminder, each in a transaction of its own that claims it with SKIP LOCKED,
 * notifies and marks it fired, so with several servers polling each reminder fires once. A job
 * that fails is left for the next pass and skipped for the rest of this one.
 */
export async function fireDueReminders(
  db: Kysely<Database>,
  options: FiringOptions,
  onError: (error: unknown) => void,
): Promise<number> {
  const failed: string[] = [];
  let fired = 0;
  for (;;) {
    let job: ReminderJob | undefined;
    try {
      await db.transaction().execute(async (trx) => {
        job = await claimDueReminder(trx, options.now, failed);
        if (job) await fireReminder(trx, job, options);
      });
    } catch (error) {
      onError(error);
      // Claiming itself failed (the database is away): the next pass tries again.
      if (!job) return fired;
      failed.push(job.id);
      continue;
    }
    if (!job) return fired;
    fired++;
  }
}
