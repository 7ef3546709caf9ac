import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const DEADLINE_MS = 15_000;

/** A real SMTP server on the loopback that keeps what it receives, parsed by mailparser. */
export class SmtpSink {
  readonly mails: ParsedMail[] = [];
  /** Deliveries to refuse before accepting again, for retry tests. */
  refuseNext = 0;
  private waiters: (() => void)[] = [];
  private server!: SMTPServer;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        if (sink.refuseNext > 0) {
          sink.refuseNext--;
          callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
          return;
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            sink.mails.push(mail);
            sink.waiters.splice(0).forEach((wake) => wake());
            callback();
          })
          .catch(callback);
      },
    });
    sink.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** Waits for `count` mails in all, failing after a generous deadline. */
  async received(count: number): Promise<ParsedMail[]> {
    const deadline = Date.now() + DEADLINE_MS;
    while (this.mails.length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} mail(s), got ${this.mails.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, DEADLINE_MS).unref();
      });
    }
    return this.mails;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
