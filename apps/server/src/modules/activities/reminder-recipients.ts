import type { Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { RecordRow } from '../../core/records/record-serializer.js';
import { membersOf } from '../groups/group-members.repository.js';
import type { RecordLink } from './record-links.js';

/** Who hears an activity's reminder: its owner (or its owning group's members) and the users taking part. */
export async function reminderRecipients(trx: Transaction<Database>, activity: RecordRow): Promise<string[]> {
  const participants = ((activity.data.participants as RecordLink[] | undefined) ?? [])
    .filter((p) => p.module === 'users')
    .map((p) => p.id);
  const owners = activity.owner_id ? [activity.owner_id] : [];
  if (activity.owner_group_id) {
    const members = await membersOf(trx, activity.workspace_id, [activity.owner_group_id]);
    owners.push(...(members.get(activity.owner_group_id) ?? []));
  }
  return [...new Set([...owners, ...participants])];
}
