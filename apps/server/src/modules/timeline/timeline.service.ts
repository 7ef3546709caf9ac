import type { ApiRecord } from '../../core/records/record-serializer.js';
import { toApiRecord } from '../../core/records/record-serializer.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { getRecord, presentChanges } from '../../core/records/records.service.js';
import type { HistoryChange } from '../../core/db/schema.js';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor.js';
import { type TimelineKind, timelineRows } from './timeline.repository.js';

export interface TimelineEntry {
  kind: TimelineKind;
  id: string;
  at: string;
  /** The note or activity, for those kinds. */
  record?: ApiRecord;
  /** The field changes, for `change`. */
  change?: { version: number; action: string; changedBy: string | null; changes: HistoryChange[] };
}

/** Notes, activities and field changes of a record, newest first, a page at a time. */
export async function recordTimeline(
  scope: RecordScope,
  id: string,
  options: { kinds: readonly TimelineKind[]; limit: number; cursor?: string | undefined },
): Promise<{ data: TimelineEntry[]; nextCursor: string | null }> {
  await getRecord(scope, id);
  const { db, actor, modules } = scope;
  const rows = await timelineRows(db, actor.workspaceId, id, {
    kinds: options.kinds,
    limit: options.limit + 1,
    cursor: options.cursor === undefined ? undefined : decodeTimelineCursor(options.cursor),
  });
  const page = rows.slice(0, options.limit);
  const recordIds = page.filter((r) => r.kind !== 'change').map((r) => r.item_id);
  const historyIds = page.filter((r) => r.kind === 'change').map((r) => r.item_id);
  const [records, history] = await Promise.all([
    recordIds.length === 0
      ? []
      : db
          .selectFrom('records')
          .selectAll()
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', 'in', recordIds)
          .execute(),
    historyIds.length === 0
      ? []
      : db
          .selectFrom('record_history')
          .selectAll()
          .where('workspace_id', '=', actor.workspaceId)
          .where('record_id', '=', id)
          .where('id', 'in', historyIds)
          .execute(),
  ]);
  const recordById = new Map(records.map((r) => [r.id, r]));
  const historyById = new Map(history.map((h) => [String(h.id), h]));
  const data = page.map((row): TimelineEntry => {
    const at = new Date(Math.floor(Number(row.at_micros) / 1000)).toISOString();
    if (row.kind === 'change') {
      const h = historyById.get(row.item_id)!;
      const changes = presentChanges(scope.module, h.changes);
      return {
        kind: 'change',
        id: row.item_id,
        at,
        change: { version: h.version, action: h.action, changedBy: h.changed_by, changes },
      };
    }
    const record = recordById.get(row.item_id)!;
    return { kind: row.kind, id: row.item_id, at, record: toApiRecord(modules.get(record.module)!, record) };
  });
  const last = page.at(-1);
  const more = rows.length > options.limit && last;
  return {
    data,
    nextCursor: more ? encodeTimelineCursor({ atMicros: Number(last.at_micros), key: last.sort_key }) : null,
  };
}
