import type { Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { validationProblem } from '../../core/http/problem.js';
import type { ModuleHooks } from '../../core/records/module-hooks.js';
import { applyDefaults, deriveDuration, scheduleIssues } from './activity-rules.js';
import { nextOccurrenceAfter } from './occurrences.js';
import { type RecordLink, linkIssues } from './record-links.js';
import { isFinished, remindersOf } from './activity-status.js';
import { cancelPendingReminders, scheduleReminders } from './reminder-jobs.repository.js';
import { followConvertedLead } from './converted-lead-links.js';

/**
 * Replaces the activity's unsent reminders with those of its next occurrence after `at`, the
 * moment of the write by the server's clock (the same clock the reminder poller fires by).
 */
async function rescheduleReminders(
  trx: Transaction<Database>,
  workspaceId: string,
  id: string,
  data: Record<string, unknown>,
  at: Date,
) {
  await cancelPendingReminders(trx, workspaceId, id);
  const reminders = remindersOf(data);
  if (reminders.length === 0 || isFinished(data)) return;
  const occurrence = nextOccurrenceAfter(data, at);
  if (occurrence) await scheduleReminders(trx, workspaceId, id, occurrence, reminders, at);
}

/** Activities keep start, end and duration in step, link only to live records, and own their reminders. */
export const activitiesHooks: ModuleHooks = {
  afterLeadConversion: followConvertedLead('activities'),
  async beforeWrite(trx, actor, write) {
    if (write.isNew) applyDefaults(write.data);
    deriveDuration(write.data, write.input);
    const issues = [
      ...scheduleIssues(write.data),
      ...(await linkIssues(trx, actor.workspaceId, 'links', write.data.links as RecordLink[] | undefined)),
      ...(await linkIssues(
        trx,
        actor.workspaceId,
        'participants',
        write.data.participants as RecordLink[] | undefined,
      )),
    ];
    if (issues.length > 0) throw validationProblem(issues);
  },
  async afterWrite(trx, actor, write) {
    await rescheduleReminders(trx, actor.workspaceId, write.id, write.data, write.at);
  },
  async beforeDelete(trx, actor, row) {
    await cancelPendingReminders(trx, actor.workspaceId, row.id);
  },
  async afterRestore(trx, actor, row, at) {
    await rescheduleReminders(trx, actor.workspaceId, row.id, row.data, at);
  },
};
