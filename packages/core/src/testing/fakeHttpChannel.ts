import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpAnswer, type ChannelMode } from './senderHarness.js';

/** One request the fake received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  /** The status answered, or `undefined` when the fake hung up or never answered. */
  status: number | undefined;
}

/** A local HTTP endpoint on 127.0.0.1 that answers as `senderConformance` tells it. */
export interface FakeHttpChannel {
  listen(): Promise<void>;
  close(): Promise<void>;
  /** The URL of `path` on the fake; in `refused` mode a URL where nothing listens. */
  url(path?: string): string;
  respond(mode: ChannelMode, variant?: string): void;
  /** The body a `2xx` answer carries (e.g. Discord's message JSON); empty by default. */
  okBody: string;
  readonly requests: ReceivedRequest[];
  /** JSON bodies of the accepted requests, since the last `clear`. */
  delivered(): unknown[];
  clear(): void;
}

/**
 * A fake HTTP channel for the conformance suite and sender tests: `ok` answers 200, the
 * failure modes answer with the status of their variant (`httpAnswer`), `rateLimited` with a
 * `Retry-After` of `retryAfterSeconds`, `reset` destroys the socket mid-request, `hang` never
 * answers, and `refused` points `url()` at a port where nothing listens.
 *
 * @example
 * const channel = fakeHttpChannel();
 * await channel.listen();
 * const harness = { validOptions: () => ({ url: channel.url('/hook') }), respond: channel.respond, delivered: channel.delivered, … };
 */
export function fakeHttpChannel(retryAfterSeconds = 30): FakeHttpChannel {
  let mode: ChannelMode = 'ok';
  let variant: string | undefined;
  let server: Server | undefined;
  let closedPort = 0;
  const requests: ReceivedRequest[] = [];
  const channel: FakeHttpChannel = {
    okBody: '',
    requests,
    async listen() {
      closedPort = await unusedPort();
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const request: ReceivedRequest = {
            method: req.method ?? '',
            path: req.url ?? '/',
            headers: req.headers,
            body,
            json: parse(body),
            status: undefined,
          };
          requests.push(request);
          if (mode === 'hang') return;
          if (mode === 'reset' || mode === 'refused') return void req.socket.destroy();
          const answer = httpAnswer(mode, variant, retryAfterSeconds);
          request.status = answer.status;
          res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
          res.end(mode === 'ok' ? channel.okBody : JSON.stringify({ error: `fake ${mode} ${variant ?? ''}`.trim() }));
        });
      });
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    },
    async close() {
      const current = server;
      server = undefined;
      if (current === undefined) return;
      current.closeAllConnections();
      await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    url(path = '/') {
      const port = mode === 'refused' ? closedPort : (server?.address() as AddressInfo | null)?.port;
      if (port === undefined) throw new Error('fakeHttpChannel: call listen() first');
      return `http://127.0.0.1:${port}${path}`;
    },
    respond(next, nextVariant) {
      mode = next;
      variant = nextVariant;
    },
    delivered: () => requests.filter((r) => r.status !== undefined && r.status < 300).map((r) => r.json ?? r.body),
    clear() {
      requests.length = 0;
    },
  };
  return channel;
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** A port nothing listens on: bound once by us, then released. */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
