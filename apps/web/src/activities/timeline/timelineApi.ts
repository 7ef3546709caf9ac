import type { ApiRecord } from '../../core/metadata/types';

export const TIMELINE_KINDS = ['note', 'activity', 'change'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One entry of GET /{module}/{id}/timeline (timeline.service.ts). */
export interface TimelineEntry {
  kind: TimelineKind;
  id: string;
  at: string;
  record?: ApiRecord;
  change?: {
    version: number;
    action: 'created' | 'updated' | 'deleted' | 'restored';
    changedBy: string | null;
    changes: { field: string; from: unknown; to: unknown }[];
  };
}

/** Under the record's own key, so saving the record refreshes its timeline too. */
export const timelineKey = (module: string, id: string) => ['records', module, 'timeline', id] as const;
