import { parseLooseNumber } from '@peyvand/shared';
import { z } from 'zod';
import { notFound } from '../../core/http/problem.js';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import { notificationSchema, toApiNotification } from './notification-schema.js';
import { markRead, notificationsOf } from './notifications.repository.js';
import { lastEventIdOf } from './notification-streams.js';

const idSchema = z
  .union([z.number(), z.string()])
  .transform(parseLooseNumber)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

const listQuery = z.strictObject({
  limit: z
    .union([z.number(), z.string()])
    .transform(parseLooseNumber)
    .pipe(z.number().int().min(1).max(200))
    .default(50),
  cursor: idSchema.optional(),
  unread: z.enum(['true', 'false']).optional(),
});

export const notificationRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/notifications',
    access: 'user',
    tags: ['notifications'],
    summary: 'My notifications (reminders, mentions), newest first; `unread=true` for the unread ones',
    query: listQuery,
    response: {
      status: 200,
      description: 'A page of notifications and the cursor of the next one',
      schema: z.object({ data: z.array(notificationSchema), nextCursor: z.string().nullable() }),
    },
    handler: async ({ ctx, actor, query }) => {
      const rows = await notificationsOf(ctx.database.db, actor.workspaceId, actor.userId!, {
        limit: query.limit + 1,
        beforeId: query.cursor,
        unreadOnly: query.unread === 'true',
      });
      const data = rows.slice(0, query.limit).map(toApiNotification);
      return { data, nextCursor: rows.length > query.limit ? data.at(-1)!.id : null };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/notifications/stream',
    access: 'user',
    tags: ['notifications'],
    summary:
      'My new notifications as they happen (Server-Sent Events): each is an `event: notification` whose `data` is ' +
      'the notification and whose `id` is its id. With `Last-Event-ID` (browsers send it when they reconnect), ' +
      'those after that id come first. Comment lines keep the connection open.',
    response: { status: 200, description: 'An event stream', contentType: 'text/event-stream' },
    handler: async ({ actor, req, reply }) => {
      await req.server.notificationStreams.open(req, reply, {
        workspaceId: actor.workspaceId,
        userId: actor.userId!,
        lastEventId: lastEventIdOf(req),
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    access: 'user',
    tags: ['notifications'],
    summary: 'Mark one of my notifications read',
    params: z.strictObject({ id: idSchema }),
    response: { status: 200, description: 'The notification', schema: notificationSchema },
    handler: async ({ ctx, actor, params }) => {
      const row = await markRead(ctx.database.db, actor.workspaceId, actor.userId!, params.id, ctx.config.now());
      if (!row) throw notFound({ fa: 'اعلان پیدا نشد.', en: 'Notification not found.' });
      return toApiNotification(row);
    },
  }),
];
