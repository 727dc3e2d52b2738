import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call the fake answered `ok`. */
export interface SlackApiCall {
  method: 'chat.postMessage' | 'chat.update';
  channel: string;
  /** The message's ts: Slack's for a post, the edited one's for an update. */
  ts: string;
  /** The parent's ts when the post is a reply in a thread. */
  threadTs?: string;
  text: string;
}

/** A local Slack Web API (bot-token mode) on 127.0.0.1: `chat.postMessage` and `chat.update`. */
export interface FakeSlackApi {
  /** Base URL for the sender's `slackApiUrl`. */
  url: string;
  calls: SlackApiCall[];
  close(): Promise<void>;
}

/**
 * Answers as Slack's Web API does (form-encoded requests, JSON `{ ok, channel, ts }`), each post
 * with a new ts, so a test can follow which reply went to which thread.
 *
 * @example
 * const api = await startSlackApi();
 * startMona({ ...config, senders: [{ plugin: '@mona-ecs/sender-slack', options: { token: 'xoxb-e2e', channel: 'C0E2E', slackApiUrl: api.url } }] });
 */
export async function startSlackApi(): Promise<FakeSlackApi> {
  const calls: SlackApiCall[] = [];
  let next = 1_700_000_000;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '');
      const form = new URLSearchParams(body);
      const channel = form.get('channel') ?? '';
      const text = form.get('text') ?? '';
      const answer = (status: number, json: object) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (method === 'chat.postMessage') {
        const ts = `${(next += 1)}.000100`;
        const threadTs = form.get('thread_ts');
        calls.push({ method, channel, ts, text, ...(threadTs ? { threadTs } : {}) });
        answer(200, { ok: true, channel, ts, message: { text, ts } });
      } else if (method === 'chat.update') {
        const ts = form.get('ts') ?? '';
        calls.push({ method, channel, ts, text });
        answer(200, { ok: true, channel, ts, text });
      } else {
        answer(200, { ok: false, error: 'unknown_method' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
