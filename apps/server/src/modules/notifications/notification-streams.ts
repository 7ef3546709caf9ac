import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.js';
import { listenForChanges } from '../../core/db/change-listener.js';
import type { DB } from '../../core/db/database.js';
import { validationProblem } from '../../core/http/problem.js';
import { toApiNotification } from './notification-schema.js';
import {
  type NotificationRow,
  notificationById,
  notificationsAfter,
  notificationsOf,
} from './notifications.repository.js';

/** The insert trigger on `notifications` announces `workspace:user:id` here (migration 0005). */
const NOTIFICATIONS_CHANNEL = 'peyvand_notifications';

/** Below the idle time-outs of common proxies and load balancers (60 s and more). */
const HEARTBEAT_MS = 25_000;
/** How many missed notifications a reconnecting stream is sent; older ones are in the list. */
const RESUME_LIMIT = 200;

declare module 'fastify' {
  interface FastifyInstance {
    notificationStreams: NotificationStreams;
  }
}

interface Stream {
  key: string;
  workspaceId: string;
  userId: string;
  res: ServerResponse;
  /** The highest id sent: where a catch-up after a lost LISTEN connection starts. */
  cursor: number;
  sent: Set<number>;
  /** Live notifications arriving while the missed ones are still being read; undefined once those are sent. */
  queued: NotificationRow[] | undefined;
  heartbeat: NodeJS.Timeout;
}

export interface StreamOwner {
  workspaceId: string;
  userId: string;
  lastEventId: number | undefined;
}

/** The `Last-Event-ID` header a reconnecting EventSource sends, checked like any other input. */
export function lastEventIdOf(req: FastifyRequest): number | undefined {
  const header = req.headers['last-event-id'];
  if (header === undefined || header === '') return undefined;
  const id = Number(header);
  if (typeof header !== 'string' || !/^\d{1,15}$/.test(header) || !Number.isSafeInteger(id)) {
    throw validationProblem([{ field: 'Last-Event-ID', code: 'invalid_cursor' }]);
  }
  return id;
}

/**
 * The event streams open on this app server, by user. One LISTEN connection serves them all:
 * each new notification's announcement is read once and written to that user's streams here.
 */
export class NotificationStreams {
  private readonly byUser = new Map<string, Set<Stream>>();

  constructor(
    private readonly db: DB,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Takes the reply over as an event stream; resolves once the missed notifications are sent. */
  async open(req: FastifyRequest, reply: FastifyReply, owner: StreamOwner): Promise<void> {
    reply.hijack();
    const res = reply.raw;
    // Headers set before the take-over (a renewed session cookie) still go out.
    res.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    const key = `${owner.workspaceId}:${owner.userId}`;
    const stream: Stream = {
      key,
      workspaceId: owner.workspaceId,
      userId: owner.userId,
      res,
      cursor: owner.lastEventId ?? 0,
      sent: new Set(),
      queued: [],
      heartbeat: setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS),
    };
    stream.heartbeat.unref();
    this.byUser.set(key, (this.byUser.get(key) ?? new Set()).add(stream));
    req.raw.on('close', () => this.end(stream));
    // Subscribed before anything is read, so nothing committed from here on can slip past.
    res.write('retry: 3000\n: connected\n\n');
    try {
      const missed =
        owner.lastEventId === undefined
          ? []
          : await notificationsAfter(this.db, owner.workspaceId, owner.userId, owner.lastEventId, RESUME_LIMIT);
      if (owner.lastEventId === undefined) {
        const [newest] = await notificationsOf(this.db, owner.workspaceId, owner.userId, { limit: 1 });
        stream.cursor = Number(newest?.id ?? 0);
      }
      const queued = stream.queued ?? [];
      stream.queued = undefined;
      for (const row of [...missed, ...queued]) this.write(stream, row);
    } catch (error) {
      this.log.error({ err: error }, 'notification stream could not start');
      this.end(stream);
    }
  }

  /** An announcement from the insert trigger: `workspace:user:id`. */
  async deliver(payload: string): Promise<void> {
    const [workspaceId, userId, id] = payload.split(':');
    const streams = this.byUser.get(`${workspaceId}:${userId}`);
    if (!workspaceId || !id || !streams) return;
    const row = await notificationById(this.db, workspaceId, id);
    if (row) for (const stream of streams) this.write(stream, row);
  }

  /** Listening again after a lost connection: each stream gets what was announced meanwhile. */
  async catchUp(): Promise<void> {
    for (const streams of this.byUser.values()) {
      for (const stream of streams) {
        if (stream.queued) continue;
        const rows = await notificationsAfter(this.db, stream.workspaceId, stream.userId, stream.cursor, RESUME_LIMIT);
        for (const row of rows) this.write(stream, row);
      }
    }
  }

  /** The server is closing: open streams would otherwise hold it open. */
  closeAll(): void {
    for (const streams of [...this.byUser.values()]) for (const stream of [...streams]) this.end(stream);
  }

  private write(stream: Stream, row: NotificationRow): void {
    if (stream.queued) {
      stream.queued.push(row);
      return;
    }
    const id = Number(row.id);
    if (stream.sent.has(id) || stream.res.writableEnded) return;
    stream.sent.add(id);
    stream.cursor = Math.max(stream.cursor, id);
    stream.res.write(`id: ${id}\nevent: notification\ndata: ${JSON.stringify(toApiNotification(row))}\n\n`);
  }

  private end(stream: Stream): void {
    clearInterval(stream.heartbeat);
    const streams = this.byUser.get(stream.key);
    streams?.delete(stream);
    if (streams?.size === 0) this.byUser.delete(stream.key);
    if (!stream.res.writableEnded) stream.res.end();
  }
}

/** Streams for this app: one LISTEN connection, and every stream ended before the server closes. */
export async function startNotificationStreams(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const streams = new NotificationStreams(ctx.database.db, app.log);
  const onError = (error: unknown) => app.log.error({ err: error }, 'notification push failed');
  const listener = await listenForChanges(ctx.database, NOTIFICATIONS_CHANNEL, {
    onChange: (payload) => void streams.deliver(payload).catch(onError),
    onListening: () => void streams.catchUp().catch(onError),
    onLost: (error) => app.log.warn({ err: error }, 'notification listener lost; reconnecting'),
  });
  app.decorate('notificationStreams', streams);
  app.addHook('preClose', async () => streams.closeAll());
  app.addHook('onClose', () => listener.stop());
}
