import { z } from 'zod';
import type { NotificationRow } from './notifications.repository.js';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(['reminder', 'mention']),
  title: z.string(),
  module: z.string(),
  recordId: z.uuid(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  /** Reminders: when the call, meeting or task reminded of starts or falls due. */
  occursAt: z.iso.datetime().nullable(),
  /** Reminders that fired after their time because no server was running then. */
  late: z.boolean(),
});

export function toApiNotification(row: NotificationRow): z.infer<typeof notificationSchema> {
  return {
    id: String(row.id),
    kind: row.kind as 'reminder' | 'mention',
    title: row.title,
    module: row.module,
    recordId: row.record_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    occursAt: row.occurs_at?.toISOString() ?? null,
    late: row.late,
  };
}
