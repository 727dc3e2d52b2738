import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** How the fake server answers: accept, defer (4xx), throttle (421), reject the sender (553), a recipient (550) or the message (554), or hang at DATA. */
export type SmtpMode = 'ok' | 'defer' | 'throttle' | 'rejectSender' | 'rejectRecipient' | 'rejectMessage' | 'hang';

export interface FakeSmtpServer {
  port: number;
  /** Raw RFC 5322 messages accepted since the last `clear`. */
  messages: string[];
  mode: SmtpMode;
  clear(): void;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * Starts an SMTP server on 127.0.0.1 (random port), without STARTTLS. With `auth`, AUTH is
 * required and only those credentials pass (535 otherwise).
 */
export async function startSmtpServer(auth?: { user: string; pass: string }): Promise<FakeSmtpServer> {
  const state: FakeSmtpServer = {
    port: 0,
    messages: [],
    mode: 'ok',
    clear: () => (state.messages.length = 0),
    close: async () => undefined,
  };
  const options: SMTPServerOptions = {
    disabledCommands: auth === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    authOptional: auth === undefined,
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 50,
    onAuth(credentials, _session, callback) {
      if (auth !== undefined && credentials.username === auth.user && credentials.password === auth.pass)
        return callback(null, { user: auth.user });
      return callback(smtpError('Authentication credentials invalid', 535));
    },
    onMailFrom(_address, _session, callback) {
      if (state.mode === 'rejectSender') return callback(smtpError('Sender address rejected: not owned by user', 553));
      return callback();
    },
    onRcptTo(address, _session, callback) {
      // `unknown@…` never exists, whatever the mode: for partial rejections.
      if (state.mode === 'rejectRecipient' || address.address.startsWith('unknown@'))
        return callback(smtpError('Mailbox unavailable', 550));
      if (state.mode === 'throttle') return callback(smtpError('Too many messages, slow down', 421));
      return callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.mode === 'hang') return; // never answers the DATA command
        if (state.mode === 'defer') return callback(smtpError('Local error in processing, try later', 451));
        if (state.mode === 'rejectMessage') return callback(smtpError('Message rejected by policy', 554));
        state.messages.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** Minimal MIME reading for assertions: a header's value and the decoded body of one part. */
export function headerOf(raw: string, name: string): string | undefined {
  const headers = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
  const line = headers.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

export function partOf(raw: string, contentType: 'text/plain' | 'text/html'): string | undefined {
  const start = raw.indexOf(`Content-Type: ${contentType}`);
  if (start < 0) return undefined;
  const rest = raw.slice(start);
  const bodyStart = rest.search(/\r?\n\r?\n/);
  const body =
    rest
      .slice(bodyStart)
      .replace(/^\r?\n\r?\n/, '')
      .split(/\r?\n--/)[0] ?? '';
  const headers = rest.slice(0, bodyStart);
  if (/quoted-printable/i.test(headers)) return decodeQuotedPrintable(body);
  if (/base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const joined = Buffer.from(text.replace(/=\r?\n/g, ''), 'latin1');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.subarray(i + 1, i + 3).toString('latin1');
    if (joined[i] === 0x3d && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(joined[i] ?? 0);
  }
  return Buffer.from(bytes).toString('utf8');
}
