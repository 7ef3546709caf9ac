import pg from 'pg';
import type { DatabaseHandle } from './database.js';

export interface ChangeListenerEvents {
  /** A notification arrived on the channel, with its payload ('' when none). */
  onChange(payload: string): void;
  /** Listening (again): notifications sent while not listening were missed. */
  onListening(): void;
  /** The listening connection is gone: until onListening, changes go unannounced. */
  onLost(error: unknown): void;
}

export interface ChangeListener {
  stop(): Promise<void>;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * LISTENs on a channel with a connection of its own, so a notification reaches this app server
 * whichever server or job sent it. PostgreSQL: a dedicated client, reconnected with backoff after
 * a restart; PGlite lives in this process and delivers notifications itself.
 */
export async function listenForChanges(
  database: DatabaseHandle,
  channel: string,
  events: ChangeListenerEvents,
): Promise<ChangeListener> {
  if (database.pglite) {
    const unlisten = await database.pglite.listen(channel, (payload) => events.onChange(payload ?? ''));
    events.onListening();
    return { stop: () => unlisten() };
  }
  if (!database.url) throw new Error('a PostgreSQL database handle carries its URL');
  return listenOnPostgres(database.url, channel, events);
}

function listenOnPostgres(url: string, channel: string, events: ChangeListenerEvents): ChangeListener {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  /** Only the current client's failure counts: a replaced one may still report its end. */
  const lost = (failed: pg.Client) => (error: unknown) => {
    if (stopped || client !== failed) return;
    failed.removeAllListeners();
    failed.on('error', () => undefined);
    void failed.end().catch(() => undefined);
    client = undefined;
    events.onLost(error);
    retryTimer = setTimeout(connect, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  const connect = () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url, application_name: `peyvand listen ${channel}` });
    client = next;
    next.on('notification', (message) => {
      if (message.channel === channel) events.onChange(message.payload ?? '');
    });
    next.on('error', lost(next));
    next.on('end', () => lost(next)(new Error('the listening connection ended')));
    next
      .connect()
      .then(() => next.query(`listen ${pg.escapeIdentifier(channel)}`))
      .then(() => {
        if (stopped || client !== next) return;
        retryMs = RETRY_MIN_MS;
        events.onListening();
      })
      .catch(lost(next));
  };

  connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      current?.removeAllListeners();
      current?.on('error', () => undefined);
      await current?.end().catch(() => undefined);
    },
  };
}
