/**
 * What a session or API token resolved to (user, role, language, the workspace's metadata
 * version), kept in memory so a request needs no query to know who is asking: the one query
 * of a GET is then its own.
 *
 * It is only used while the server LISTENs for credential changes (see migration 0004): every
 * change anywhere (a session ended, a token revoked, a user edited, a field added) empties every
 * server's cache. A server that made a change empties its own at once, without waiting for the
 * notification, so its next answer already reflects it.
 */
/** The channel migration 0004's triggers notify. */
export const CREDENTIALS_CHANGED_CHANNEL = 'peyvand_credentials_changed';

export class CredentialCache<T> {
  private readonly entries = new Map<string, { value: T; cachedAt: number }>();
  private listening = false;
  /** Bumped by every change: an answer read from the database before it must not be kept. */
  private generation = 0;

  constructor(
    private readonly maxEntries = 10_000,
    /** A bound on staleness should a notification ever be missed. */
    private readonly maxAgeMs = 5 * 60_000,
  ) {}

  get(key: string): T | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.cachedAt > this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Call before reading the database; pass the result to `set` with what was read. */
  readTicket(): number {
    return this.generation;
  }

  set(key: string, value: T, ticket: number): void {
    if (!this.listening || ticket !== this.generation) return;
    // Maps keep insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, cachedAt: Date.now() });
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Off while changes could go unannounced (no LISTEN connection); on again, it starts empty. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.invalidate();
  }
}
