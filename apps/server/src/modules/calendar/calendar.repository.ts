import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { RecordRow } from '../../core/records/record-serializer.js';
import { FINISHED_STATUSES } from '../activities/activity-status.js';

export interface CalendarOwners {
  userIds: string[];
  groupId?: string | undefined;
}

/** Activities these users own or take part in, or this group owns; undefined when that is nobody. */
function whose(owners: CalendarOwners): RawBuilder<SqlBool> | undefined {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (owners.userIds.length > 0) {
    conditions.push(sql<SqlBool>`owner_id in (${sql.join(owners.userIds)})`);
    for (const id of owners.userIds) {
      conditions.push(sql<SqlBool>`data @> ${JSON.stringify({ participants: [{ module: 'users', id }] })}::jsonb`);
    }
  }
  if (owners.groupId) conditions.push(sql<SqlBool>`owner_group_id = ${owners.groupId}`);
  return conditions.length > 0 ? sql<SqlBool>`(${sql.join(conditions, sql` or `)})` : undefined;
}

/** When an activity happens: its start, or a task's due time (as anchorOf in occurrences.ts). */
const START = sql`coalesce(data ->> 'startsAt', data ->> 'dueAt') collate "C"`;

/** The workspace's live activities that belong to these owners: what both queries below start from. */
function liveActivities(db: DB, workspaceId: string, theirs: RawBuilder<SqlBool>) {
  return db
    .selectFrom('records')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', 'activities')
    .where('deleted_at', 'is', null)
    .where(theirs);
}

/**
 * Live activities of these users (owned, or taking part) or of this group, that may fall in
 * [from, to): single ones by their times, series all (they are expanded afterwards). ISO instants
 * are stored in one format, so they compare correctly as C-collated text.
 */
export async function activitiesInRange(
  db: DB,
  workspaceId: string,
  owners: CalendarOwners,
  from: Date,
  to: Date,
): Promise<RecordRow[]> {
  const theirs = whose(owners);
  if (!theirs) return [];
  const end = sql`coalesce(data ->> 'endsAt', data ->> 'startsAt', data ->> 'dueAt') collate "C"`;
  return liveActivities(db, workspaceId, theirs)
    .where(sql<SqlBool>`(${START} < ${to.toISOString()} and (data ? 'recurrence' or ${end} >= ${from.toISOString()}))`)
    .execute();
}

/**
 * Single activities of these owners that started or fell due before `now` and are still open,
 * oldest first. Series are left out: their past occurrences carry no status of their own.
 */
export async function overdueActivities(
  db: DB,
  workspaceId: string,
  owners: CalendarOwners,
  now: Date,
  limit: number,
): Promise<RecordRow[]> {
  const theirs = whose(owners);
  if (!theirs) return [];
  return liveActivities(db, workspaceId, theirs)
    .where(sql<SqlBool>`not (data ? 'recurrence')`)
    .where(sql<SqlBool>`${START} < ${now.toISOString()}`)
    .where(sql<SqlBool>`coalesce(data ->> 'status', '') not in (${sql.join([...FINISHED_STATUSES])})`)
    .orderBy(START)
    .orderBy('id')
    .limit(limit)
    .execute();
}
