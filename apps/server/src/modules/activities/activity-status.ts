import type { Reminder } from './reminder-jobs.repository.js';

/** Statuses after which an activity needs no reminder and is no longer overdue. */
export const FINISHED_STATUSES = ['held', 'not_held', 'done', 'cancelled'] as const;

const finished = new Set<string>(FINISHED_STATUSES);

export const isFinished = (data: Record<string, unknown>): boolean => finished.has(String(data.status));

export const remindersOf = (data: Record<string, unknown>): Reminder[] =>
  (data.reminders as Reminder[] | undefined) ?? [];
