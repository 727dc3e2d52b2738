import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';

/** One webhook POST that Slack accepted. */
export interface SlackPost {
  text: string;
  /** Every mrkdwn string of the message (blocks, fields, context), joined by newlines. */
  all: string;
  /** The texts of the message's top-level section blocks, joined by newlines (a grouped message's member list). */
  sections: string;
  /** When it was accepted (epoch ms). */
  at: number;
}

/** How the fake Slack answers: accept, fail with 500, or hold the response until `release()`. */
export type SlackMode = 'ok' | 'fail' | 'hold';

/** One scripted answer, used before the mode: e.g. `{ status: 200, body: 'no_text' }`. */
export interface SlackAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** Options of the fake: Slack's webhook rate limit, off by default. */
export interface FakeSlackOptions {
  /**
   * Answer 429 with `Retry-After: 1` beyond this rate, as real webhooks do ("1 message per
   * second, short bursts allowed"): a token bucket of `burst` refilled at `perSecond`.
   */
  rateLimit?: { perSecond: number; burst: number };
}

/** A local Slack incoming webhook on 127.0.0.1. */
export interface FakeSlack {
  url: string;
  mode: SlackMode;
  /** Accepted messages, in order. */
  messages: SlackPost[];
  /** Every POST received, accepted or not. */
  attempts: number;
  /** POSTs answered 429 by the rate limit or the script. */
  rateLimited: number;
  /** Held requests (mode `hold`) waiting for an answer. */
  held: number;
  /** Answer the next POSTs with these, in order, before the rate limit and the mode. */
  script(...answers: SlackAnswer[]): void;
  /** Answer every held request with 200 `ok` (they count as accepted); resolves when the answers are flushed. */
  release(): Promise<void>;
  close(): Promise<void>;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Slack's limit as a token bucket; `take()` is false when a request must be answered 429. */
function bucket(limit: FakeSlackOptions['rateLimit']): { take(): boolean } {
  if (limit === undefined) return { take: () => true };
  let tokens = limit.burst;
  let at = Date.now();
  return {
    take() {
      const now = Date.now();
      tokens = Math.min(limit.burst, tokens + ((now - at) / 1000) * limit.perSecond);
      at = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * Start a fake Slack incoming webhook that records what it accepts.
 *
 * @example
 * const slack = await startSlack({ rateLimit: { perSecond: 1, burst: 3 } });
 * // sender options: { webhookUrl: slack.url }
 */
export async function startSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const pending: Array<{ res: ServerResponse; post: SlackPost }> = [];
  const script: SlackAnswer[] = [];
  const limit = bucket(options.rateLimit);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      fake.attempts += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        text?: string;
        blocks?: Array<{ type?: string; text?: { text?: string } }>;
      };
      const sections = (body.blocks ?? []).filter((b) => b.type === 'section' && typeof b.text?.text === 'string').map((b) => b.text?.text);
      const post = { text: body.text ?? '', all: strings(body).join('\n'), sections: sections.join('\n'), at: Date.now() };
      const scripted = script.shift();
      if (scripted !== undefined) {
        if (scripted.status === 429) fake.rateLimited += 1;
        res.writeHead(scripted.status, { 'content-type': 'text/plain', ...scripted.headers }).end(scripted.body);
      } else if (!limit.take()) {
        fake.rateLimited += 1;
        res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '1' }).end('rate_limited');
      } else if (fake.mode === 'fail') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal_error');
      } else if (fake.mode === 'hold') {
        pending.push({ res, post });
      } else {
        fake.messages.push(post);
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const fake: FakeSlack = {
    url: `http://127.0.0.1:${port}/services/T000/B000/XXXX`,
    mode: 'ok',
    messages: [],
    attempts: 0,
    rateLimited: 0,
    get held() {
      return pending.length;
    },
    script(...answers) {
      script.push(...answers);
    },
    async release() {
      const answers = pending.splice(0).map(
        ({ res, post }) =>
          new Promise<void>((resolve) => {
            fake.messages.push(post);
            res.writeHead(200, { 'content-type': 'text/plain' }).end('ok', () => resolve());
          }),
      );
      await Promise.all(answers);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
