import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';

/** One webhook POST that Slack accepted. */
export interface SlackPost {
  text: string;
  /** Every mrkdwn string of the message (blocks, fields, context), joined by newlines. */
  all: string;
}

/** How the fake Slack answers: accept, fail with 500, or hold the response until `release()`. */
export type SlackMode = 'ok' | 'fail' | 'hold';

/** A local Slack incoming webhook on 127.0.0.1. */
export interface FakeSlack {
  url: string;
  mode: SlackMode;
  /** Accepted messages, in order. */
  messages: SlackPost[];
  /** Every POST received, accepted or not. */
  attempts: number;
  /** Held requests (mode `hold`) waiting for an answer. */
  held: number;
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

/**
 * Start a fake Slack incoming webhook that records what it accepts.
 *
 * @example
 * const slack = await startSlack();
 * // sender options: { webhookUrl: slack.url }
 */
export async function startSlack(): Promise<FakeSlack> {
  const pending: Array<{ res: ServerResponse; post: SlackPost }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      fake.attempts += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: string };
      const post = { text: body.text ?? '', all: strings(body).join('\n') };
      if (fake.mode === 'fail') {
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
    get held() {
      return pending.length;
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
