/** A Server-Sent Events client for API tests: real HTTP, events parsed as a browser would. */

export interface ServerSentEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** A failure guard only: tests wait for events, never for time. */
const DEADLINE_MS = 15_000;

export class EventStream {
  readonly events: ServerSentEvent[] = [];
  readonly comments: string[] = [];
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  private waiters: (() => void)[] = [];
  private closed = false;

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly controller: AbortController,
    body: ReadableStream<Uint8Array> | null,
  ) {
    this.ended = this.read(body);
  }

  static async open(url: string, headers: Record<string, string>): Promise<EventStream> {
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: controller.signal,
    });
    const stream = new EventStream(response.status, response.headers, controller, response.body);
    if (response.ok) await stream.until(() => stream.comments.includes('connected'), 'the stream to open');
    return stream;
  }

  private async read(body: ReadableStream<Uint8Array> | null): Promise<void> {
    if (!body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        this.wake();
      }
    } catch {
      // aborted by close()
    } finally {
      this.closed = true;
      this.wake();
    }
  }

  private parse(block: string): void {
    const event: ServerSentEvent = { id: undefined, event: 'message', data: '' };
    let hasData = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) event.id = line.slice(4);
      else if (line.startsWith('event: ')) event.event = line.slice(7);
      else if (line.startsWith('data: ')) {
        event.data += (hasData ? '\n' : '') + line.slice(6);
        hasData = true;
      }
    }
    if (hasData) this.events.push(event);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }

  /** Waits until `done()` holds, failing after a generous deadline or when the stream ends first. */
  async until(done: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + DEADLINE_MS;
    while (!done()) {
      if (this.closed) throw new Error(`the stream ended before ${what}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, DEADLINE_MS).unref();
      });
    }
  }

  /** The `notification` events' data, parsed. */
  notifications(): any[] {
    return this.events.filter((e) => e.event === 'notification').map((e) => JSON.parse(e.data));
  }

  close(): void {
    this.controller.abort();
  }
}
