import { type RawBuilder, sql } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { TimelineCursor } from './timeline-cursor.js';

export const TIMELINE_KINDS = ['note', 'activity', 'change'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntryRow {
  kind: TimelineKind;
  item_id: string;
  at_micros: number;
  sort_key: string;
}

/**
 * A record's timeline in one keyset-paged query: its history rows, and the notes and activities
 * linked to it (found by `data @> {"links":[{"id":…}]}` through the GIN index). Times are compared
 * in microseconds, as stored, so equal-looking instants never skip or repeat across pages.
 */
export async function timelineRows(
  db: DB,
  workspaceId: string,
  recordId: string,
  options: { kinds: readonly TimelineKind[]; limit: number; cursor?: TimelineCursor | undefined },
): Promise<TimelineEntryRow[]> {
  const micros = (column: RawBuilder<unknown>) => sql`(extract(epoch from ${column}) * 1000000)::bigint`;
  const branches: RawBuilder<unknown>[] = [];
  if (options.kinds.includes('change')) {
    branches.push(sql`select 'change' as kind, h.id::text as item_id, ${micros(sql`h.changed_at`)} as at_micros,
      'change:' || lpad(h.id::text, 20, '0') as sort_key
      from record_history h where h.workspace_id = ${workspaceId} and h.record_id = ${recordId}`);
  }
  const linked = options.kinds.filter((k): k is 'note' | 'activity' => k !== 'change');
  if (linked.length > 0) {
    const modules = linked.map((k) => (k === 'note' ? 'notes' : 'activities'));
    branches.push(sql`select case r.module when 'notes' then 'note' else 'activity' end as kind, r.id::text as item_id,
      ${micros(sql`r.created_at`)} as at_micros,
      (case r.module when 'notes' then 'note:' else 'activity:' end) || r.id::text as sort_key
      from records r where r.workspace_id = ${workspaceId} and r.module in (${sql.join(modules)})
        and r.deleted_at is null and r.data @> ${JSON.stringify({ links: [{ id: recordId }] })}::jsonb`);
  }
  const after = options.cursor
    ? sql`where (at_micros, sort_key collate "C") < (${options.cursor.atMicros}::bigint, ${options.cursor.key} collate "C")`
    : sql``;
  const result = await sql<TimelineEntryRow>`select * from (${sql.join(branches, sql` union all `)}) entries ${after}
    order by at_micros desc, sort_key collate "C" desc limit ${options.limit}`.execute(db);
  return result.rows;
}
