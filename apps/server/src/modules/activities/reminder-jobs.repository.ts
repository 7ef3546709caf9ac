import type { Transaction } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';

/** All SQL over `reminder_jobs`. */

type Executor = DB | Transaction<Database>;

export interface Reminder {
  minutesBefore: number;
  channels: string[];
}

export interface ReminderJob {
  workspace_id: string;
  id: string;
  activity_id: string;
  occurrence_at: Date;
  minutes_before: number;
  channels: string[];
  fire_at: Date;
}

const MINUTE = 60_000;

/** An activity's reminders not yet sent are dropped: a reschedule moves them, a delete cancels them. */
export async function cancelPendingReminders(trx: Executor, workspaceId: string, activityId: string): Promise<void> {
  await trx
    .deleteFrom('reminder_jobs')
    .where('workspace_id', '=', workspaceId)
    .where('activity_id', '=', activityId)
    .where('fired_at', 'is', null)
    .execute();
}

/**
 * One job per reminder of this occurrence; an occurrence already reminded of is not reminded
 * again. A reminder whose time has passed when it is scheduled (a call set for ten minutes from
 * now with a 15-minute reminder) fires at once rather than counting as late.
 */
export async function scheduleReminders(
  trx: Executor,
  workspaceId: string,
  activityId: string,
  occurrence: Date,
  reminders: Reminder[],
  notBefore: Date,
): Promise<void> {
  if (reminders.length === 0) return;
  await trx
    .insertInto('reminder_jobs')
    .values(
      reminders.map((r) => ({
        workspace_id: workspaceId,
        activity_id: activityId,
        occurrence_at: occurrence,
        minutes_before: r.minutesBefore,
        channels: r.channels,
        fire_at: new Date(Math.max(occurrence.getTime() - r.minutesBefore * MINUTE, notBefore.getTime())),
      })),
    )
    .onConflict((oc) => oc.columns(['workspace_id', 'activity_id', 'occurrence_at', 'minutes_before']).doNothing())
    .execute();
}

/**
 * The earliest due job, locked for this transaction; rows another server holds are skipped, not
 * waited for, so several servers share the work and none takes a job twice.
 */
export async function claimDueReminder(
  trx: Transaction<Database>,
  now: Date,
  excludeIds: string[],
): Promise<ReminderJob | undefined> {
  let query = trx
    .selectFrom('reminder_jobs')
    .select(['workspace_id', 'id', 'activity_id', 'occurrence_at', 'minutes_before', 'channels', 'fire_at'])
    .where('fired_at', 'is', null)
    .where('fire_at', '<=', now);
  if (excludeIds.length > 0) query = query.where('id', 'not in', excludeIds);
  return query.orderBy('fire_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
}

export async function markFired(trx: Transaction<Database>, job: ReminderJob, now: Date): Promise<void> {
  await trx
    .updateTable('reminder_jobs')
    .set({ fired_at: now })
    .where('workspace_id', '=', job.workspace_id)
    .where('id', '=', job.id)
    .execute();
}
