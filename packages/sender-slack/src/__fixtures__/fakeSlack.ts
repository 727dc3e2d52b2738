import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned answer. */
export interface FakeAnswer {
  status: number;
  body: string | object;
  headers?: Record<string, string>;
}

/** How the fake answers by default; `hang` never answers. */
export type FakeMode = 'ok' | 'serverError' | 'rateLimited' | 'rejected' | 'hang';

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
  #script: FakeAnswer[] = [];
  #ts = 1_700_000_000;
  #waiters: Array<{ count: number; resolve: () => void }> = [];

  get url(): string {
    const address = this.#server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('FakeSlack is not listening');
    return `http://127.0.0.1:${address.port}`;
  }
  get webhookUrl(): string {
    return `${this.url}/services/T000/B000/XXXX`;
  }
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async listen(): Promise<void> {
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
  answer(mode: FakeMode): void {
    this.#mode = mode;
  }

  /** Answer the next requests with these, in order, before falling back to the mode. */
  script(...answers: FakeAnswer[]): void {
    this.#script.push(...answers);
  }

  reset(): void {
    this.requests.length = 0;
    this.#script = [];
    this.#mode = 'ok';
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
    if (answer === undefined) return; // hang: keep the socket open until close()
    const json = typeof answer.body !== 'string';
    res.writeHead(answer.status, { 'content-type': json ? 'application/json' : 'text/plain', ...answer.headers });
    res.end(json ? JSON.stringify(answer.body) : answer.body);
  }

  #defaultAnswer(api: boolean, request: FakeRequest): FakeAnswer | undefined {
    const retry = { 'retry-after': String(RETRY_AFTER_SECONDS) };
    switch (this.#mode) {
      case 'hang':
        return undefined;
      case 'serverError':
        return { status: 500, body: api ? { ok: false, error: 'internal_error' } : 'internal_error' };
      case 'rateLimited':
        return { status: 429, body: api ? { ok: false, error: 'ratelimited' } : 'rate_limited', headers: retry };
      case 'rejected':
        return api ? { status: 200, body: { ok: false, error: 'channel_not_found' } } : { status: 400, body: 'invalid_payload' };
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
