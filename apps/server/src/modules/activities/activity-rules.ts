import type { FieldIssue } from '../../core/http/problem.js';
import { anchorOf, parseRecurrence } from './occurrences.js';

type Values = Record<string, unknown>;

const MINUTE = 60_000;

const RECURRENCE_CODES = {
  invalid: 'invalid_recurrence',
  too_frequent: 'recurrence_too_frequent',
  needs_time: 'needs_time',
} as const;

/** Fills what a new activity leaves out, as a sales expert would expect to find it. */
export function applyDefaults(data: Values): void {
  data.status ??= 'planned';
  data.priority ??= 'normal';
}

/**
 * Keeps start, end and duration in step. A new end sets the duration; a new duration, or a new
 * start alone (a reschedule), moves the end and keeps the length.
 */
export function deriveDuration(data: Values, input: Values): void {
  if (typeof data.startsAt !== 'string') return;
  const start = Date.parse(data.startsAt);
  const endChanged = 'endsAt' in input;
  const lengthKept = 'durationMinutes' in input || 'startsAt' in input;
  if (typeof data.endsAt === 'string' && (endChanged || !lengthKept)) {
    data.durationMinutes = Math.round((Date.parse(data.endsAt) - start) / MINUTE);
  } else if (endChanged) {
    delete data.durationMinutes;
  } else if (typeof data.durationMinutes === 'number') {
    data.endsAt = new Date(start + data.durationMinutes * MINUTE).toISOString();
  }
}

/** What the field schemas cannot see alone: rules across an activity's fields. */
export function scheduleIssues(data: Values): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (data.type === 'task' && data.dueAt === undefined) issues.push({ field: 'dueAt', code: 'required' });
  if ((data.type === 'call' || data.type === 'meeting') && data.startsAt === undefined && data.dueAt === undefined) {
    issues.push({ field: 'startsAt', code: 'required' });
  }
  if (data.endsAt !== undefined && data.startsAt === undefined) issues.push({ field: 'startsAt', code: 'required' });
  if (typeof data.endsAt === 'string' && typeof data.startsAt === 'string' && data.endsAt < data.startsAt) {
    issues.push({ field: 'endsAt', code: 'ends_before_start' });
  }
  if (data.callOutcome !== undefined && data.type !== 'call')
    issues.push({ field: 'callOutcome', code: 'only_for_calls' });
  if (data.callDirection !== undefined && data.type !== 'call') {
    issues.push({ field: 'callDirection', code: 'only_for_calls' });
  }
  const anchor = anchorOf(data);
  const reminders = data.reminders as unknown[] | undefined;
  if (!anchor && reminders?.length) issues.push({ field: 'reminders', code: 'needs_time' });
  if (typeof data.recurrence === 'string') {
    const rule = anchor ? parseRecurrence(data.recurrence, anchor) : 'needs_time';
    if (typeof rule === 'string') issues.push({ field: 'recurrence', code: RECURRENCE_CODES[rule] });
  }
  return issues;
}
