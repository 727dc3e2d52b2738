import { SMTPServer } from 'smtp-server';
import { parseMail } from './parseMail.js';
import type { ReceivedMail } from './parseMail.js';

/** A real SMTP server on 127.0.0.1 that keeps every message it receives. */
export interface FakeSmtp {
  port: number;
  messages: ReceivedMail[];
  /** While true, every MAIL FROM is answered `451` (try again later), as a relay that is down. */
  refusing: boolean;
  /** Mails refused while `refusing`. */
  refused: number;
  /** Options for the email sender pointing at this server. */
  transport: Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * Start an SMTP server (the `smtp-server` package: the real protocol, no auth, no TLS).
 *
 * @example
 * const smtp = await startSmtp();
 * // sender options: { transport: smtp.transport, from: 'mona@example.com', to: ['ops@example.com'] }
 */
export async function startSmtp(): Promise<FakeSmtp> {
  const messages: ReceivedMail[] = [];
  const state = { refusing: false, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!state.refusing) return callback();
      state.refused += 1;
      callback(Object.assign(new Error('Requested action aborted: local error in processing'), { responseCode: 451 }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push(parseMail(Buffer.concat(chunks).toString('utf8')));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    port,
    messages,
    get refusing() {
      return state.refusing;
    },
    set refusing(value: boolean) {
      state.refusing = value;
    },
    get refused() {
      return state.refused;
    },
    transport: { host: '127.0.0.1', port, secure: false, ignoreTLS: true },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
