import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned answer. */
export interface FakeAnswer {
  status: number;
  body: string | object;
  headers?: Record<string, string>;
}

/** How the fake answers by default; `hang` never answers, `reset` drops the connection, `refused` moves the URLs to a closed port. */
export type FakeMode = 'ok' | 'serverError' | 'rateLimited' | 'rejected' | 'refused' | 'reset' | 'hang';

/** The ways the fake fails, per mode: HTTP statuses (webhooks) and Web API error codes. */
export const FAKE_VARIANTS = {
  serverError: ['500', '503'],
  rateLimited: ['seconds'],
  rejected: ['invalid_payload', 'action_prohibited', 'no_service', 'channel_is_archived', 'channel_not_found', 'invalid_auth'],
} as const;
/** Webhook status of each rejection, as Slack answers it. */
const WEBHOOK_REJECTIONS: Record<string, number> = {
  invalid_payload: 400,
  action_prohibited: 403,
  no_service: 404,
  channel_is_archived: 410,
  channel_not_found: 404,
  invalid_auth: 403,
};

/** A request the fake received, its body parsed (JSON for webhooks, form fields for the Web API). */
export interface FakeRequest {
  path: string;
  /** `chat.postMessage`, `chat.update`, or `webhook`. */
  method: string;
  authorization?: string;
  body: Record<string, unknown>;
  answered: number | 'hang';
}

export const RETRY_AFTER_SECONDS = 30;

/**
 * A local HTTP server on 127.0.0.1 that answers as Slack does: incoming webhooks under
 * `/services/…` (plain-text `ok` / error codes) and the Web API under `/api/<method>` (JSON
 * `{ ok, error }`, `ts` for posted messages).
 */
export class FakeSlack {
  readonly requests: FakeRequest[] = [];
  #server: Server | undefined;
  #mode: FakeMode = 'ok';
  #variant: string | undefined;
  #closedPort = 0;
  #script: FakeAnswer[] = [];
  #ts = 1_700_000_000;
  #waiters: Array<{ count: number; resolve: () => void }> = [];

  get url(): string {
    const address = this.#server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('FakeSlack is not listening');
    return `http://127.0.0.1:${this.#mode === 'refused' ? this.#closedPort : address.port}`;
  }
  get webhookUrl(): string {
    return `${this.url}/services/T000/B000/XXXX`;
  }
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async listen(): Promise<void> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    this.#closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.#server = undefined;
  }

  /** Answer the following requests this way. */
  answer(mode: FakeMode, variant?: string): void {
    this.#mode = mode;
    this.#variant = variant;
  }

  /** Answer the next requests with these, in order, before falling back to the mode. */
  script(...answers: FakeAnswer[]): void {
    this.#script.push(...answers);
  }

  reset(): void {
    this.requests.length = 0;
    this.#script = [];
    this.#mode = 'ok';
    this.#variant = undefined;
    this.#ts = 1_700_000_000;
  }

  /** Bodies of the requests answered with 200. */
  delivered(): Array<Record<string, unknown>> {
    return this.requests.filter((r) => r.answered === 200).map((r) => r.body);
  }

  /** Resolve once `count` requests arrived in all. */
  received(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? '/';
    const api = path.startsWith('/api/');
    const method = api ? path.slice('/api/'.length) : 'webhook';
    const request: FakeRequest = { path, method, body: parseBody(req, Buffer.concat(chunks).toString('utf8')), answered: 'hang' };
    if (req.headers.authorization !== undefined) request.authorization = req.headers.authorization;
    const answer = this.#script.shift() ?? this.#defaultAnswer(api, request);
    if (answer !== undefined) request.answered = answer.status;
    this.requests.push(request);
    for (const waiter of this.#waiters.filter((w) => this.requests.length >= w.count)) waiter.resolve();
    if (this.#mode === 'reset' && this.#script.length === 0) return void req.socket.destroy();
    if (answer === undefined) return; // hang: keep the socket open until close()
    const json = typeof answer.body !== 'string';
    res.writeHead(answer.status, { 'content-type': json ? 'application/json' : 'text/plain', ...answer.headers });
    res.end(json ? JSON.stringify(answer.body) : answer.body);
  }

  #defaultAnswer(api: boolean, request: FakeRequest): FakeAnswer | undefined {
    const retry = { 'retry-after': String(RETRY_AFTER_SECONDS) };
    switch (this.#mode) {
      case 'hang':
      case 'reset':
      case 'refused':
        return undefined;
      case 'serverError':
        return { status: Number(this.#variant ?? 500), body: api ? { ok: false, error: 'internal_error' } : 'internal_error' };
      case 'rateLimited':
        return { status: 429, body: api ? { ok: false, error: 'ratelimited' } : 'rate_limited', headers: retry };
      case 'rejected': {
        const error = this.#variant ?? (api ? 'channel_not_found' : 'invalid_payload');
        return api ? { status: 200, body: { ok: false, error } } : { status: WEBHOOK_REJECTIONS[error] ?? 400, body: error };
      }
      case 'ok':
        return api ? { status: 200, body: this.#apiOk(request) } : { status: 200, body: 'ok' };
    }
  }

  #apiOk(request: FakeRequest): object {
    const channel = 'C0FAKE';
    if (request.method === 'chat.update') return { ok: true, channel, ts: request.body['ts'] };
    this.#ts += 1;
    return { ok: true, channel, ts: `${this.#ts}.000100`, message: { text: request.body['text'] } };
  }
}

function parseBody(req: IncomingMessage, raw: string): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends objects (blocks, attachments) as JSON strings inside the form.
    body[key] = key === 'blocks' || key === 'attachments' ? JSON.parse(value) : value;
  }
  return body;
}
