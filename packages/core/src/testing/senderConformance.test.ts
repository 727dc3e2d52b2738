import type { JSONSchemaType } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SenderError } from '../errors.js';
import { decodeMrkdwn } from '../format/plainText.js';
import { truncateText } from '../format/truncateText.js';
import { defineSender } from '../sender/defineSender.js';
import { parseRetryAfter } from '../sender/parseRetryAfter.js';
import type { SenderPlugin } from '../sender/types.js';
import { conformanceChecks } from './conformanceChecks.js';
import { HTTP_VARIANTS, httpAnswer, type ChannelMode, type SenderHarness } from './senderHarness.js';
import { runConformanceCheck, senderConformance } from './senderConformance.js';

interface MemoryOptions {
  channel: string;
  token: string;
}

const LIMIT = 2_000;
const TOKEN = 'memory-token-s3cr3t';

/** An in-memory channel that answers like an HTTP API (statuses, Retry-After, refused and reset connections) and renders Markdown. */
function memoryChannel() {
  let mode: ChannelMode = 'ok';
  let variant: string | undefined;
  const received: string[] = [];
  const networkError = (code: string, message: string) =>
    Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });
  return {
    received,
    set(next: ChannelMode, nextVariant?: string) {
      mode = next;
      variant = nextVariant;
    },
    post(body: string, signal: AbortSignal): Promise<{ status: number; headers: Record<string, string> }> {
      if (mode === 'hang')
        return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
      if (mode === 'refused') return Promise.reject(networkError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'));
      if (mode === 'reset') return Promise.reject(networkError('ECONNRESET', 'socket hang up'));
      if (mode === 'ok') received.push(body);
      return Promise.resolve(httpAnswer(mode, variant, 7));
    },
  };
}
type MemoryChannel = ReturnType<typeof memoryChannel>;

const schema: JSONSchemaType<MemoryOptions> = {
  type: 'object',
  properties: { channel: { type: 'string', minLength: 1 }, token: { type: 'string', minLength: 1 } },
  required: ['channel', 'token'],
  additionalProperties: false,
};

/** The eight ways a sender goes wrong that the suite must catch, one broken sender each. */
type Flaw =
  | 'neverEscapes'
  | 'retriesEvery4xxButTheFakes'
  | 'sendsOnlyTheTitle'
  | 'ignoresRetryAfter'
  | 'forwardsSlackEntities'
  | 'neverTruncates'
  | 'misclassifiesNetworkErrors'
  | 'leaksSecret';

/** A correct Markdown sender, or one broken in the given way. */
function memoryPlugin(channel: MemoryChannel, flaw?: Flaw): SenderPlugin<MemoryOptions> {
  return defineSender<MemoryOptions>({
    name: `memory${flaw ? `-${flaw}` : ''}`,
    apiVersion: 2,
    optionsSchema: schema,
    create: (options) => ({
      async send(notification, signal) {
        const text =
          flaw === 'neverEscapes'
            ? decodeMrkdwn(notification.text)
            : flaw === 'sendsOnlyTheTitle'
              ? notification.title
              : flaw === 'forwardsSlackEntities'
                ? notification.text
                : notification.markdown;
        const body = JSON.stringify({ channel: options.channel, text: flaw === 'neverTruncates' ? text : truncateText(text, LIMIT) });
        let answer: { status: number; headers: Record<string, string> };
        try {
          answer = await channel.post(body, signal);
        } catch (cause) {
          const where = flaw === 'leaksSecret' ? ` (token ${options.token})` : '';
          throw new SenderError(`memory channel unreachable${where}`, { retryable: flaw !== 'misclassifiesNetworkErrors', cause });
        }
        const { status, headers } = answer;
        if (status < 300) return;
        const detail = flaw === 'leaksSecret' ? ` for token ${options.token}` : '';
        if (status === 429) {
          const retryAfterMs = flaw === 'ignoresRetryAfter' ? undefined : parseRetryAfter(headers['retry-after'], Date.now());
          throw new SenderError(`rate limited${detail}`, { retryable: true, ...(retryAfterMs !== undefined && { retryAfterMs }) });
        }
        if (status >= 500 || status === 408) throw new SenderError(`server error ${status}${detail}`, { retryable: true });
        const retryable = flaw === 'retriesEvery4xxButTheFakes' && status !== 400;
        throw new SenderError(`rejected ${status}${detail}: check the channel and token`, { retryable });
      },
      close: () => Promise.resolve(),
    }),
  });
}

function harnessFor(channel: MemoryChannel): SenderHarness<MemoryOptions> {
  return {
    validOptions: () => ({ channel: '#deploys', token: TOKEN }),
    invalidOptions: [
      { options: { token: TOKEN }, mentions: "required property 'channel'" },
      { options: { channel: 42, token: TOKEN }, mentions: 'options/channel must be string' },
    ],
    respond: (mode, variant) => channel.set(mode, variant),
    variants: HTTP_VARIANTS,
    delivered: () => channel.received.map((body) => JSON.parse(body) as unknown),
    reset: () => void channel.received.splice(0),
    markup: 'markdown',
    retryAfterMs: 7_000,
    textLimit: { max: LIMIT, lengthOf: (body) => String((body as { text: string }).text).length },
  };
}

const goodChannel = memoryChannel();
senderConformance(memoryPlugin(goodChannel), harnessFor(goodChannel));

describe('senderConformance against broken senders', () => {
  const channel = memoryChannel();
  const harness = harnessFor(channel);
  beforeAll(() => harness.setup?.());
  afterAll(() => harness.teardown?.());

  async function failureOf(flaw: Flaw, checkName: string): Promise<string> {
    const plugin = memoryPlugin(channel, flaw);
    const check = conformanceChecks(plugin, harness).find((c) => c.name.includes(checkName));
    expect(check, `no check named like '${checkName}'`).toBeDefined();
    const error = await runConformanceCheck(check!, plugin, harness).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, `the suite passed a sender that ${flaw}`).toMatchObject({ name: 'ConformanceFailure', code: 'MONA_CONFORMANCE_FAILED' });
    return (error as Error).message;
  }

  it('fails a sender that never escapes, for every hostile string of its channel', async () => {
    expect(await failureOf('neverEscapes', 'hostile text')).toContain('unescaped text reached the channel: "<!channel>"');
  });

  it('fails a sender that retries a 4xx other than the one status a simple fake returns', async () => {
    expect(await failureOf('retriesEvery4xxButTheFakes', 'rejected request')).toContain(
      'a rejected answer must be not retryable, but 401 was retryable',
    );
  });

  it('fails a sender that sends only the title', async () => {
    expect(await failureOf('sendsOnlyTheTitle', 'message body')).toContain('message lacks its body');
  });

  it('fails a sender that ignores Retry-After', async () => {
    expect(await failureOf('ignoresRetryAfter', 'rate limiting')).toContain('Retry-After ignored: the channel asked to wait 7000 ms');
  });

  it('fails a sender that forwards Slack entities undecoded', async () => {
    expect(await failureOf('forwardsSlackEntities', 'form of its channel')).toContain(
      'Slack entities reached a markdown channel undecoded (&lt;)',
    );
  });

  it('fails a sender that never truncates to its channel’s limit', async () => {
    expect(await failureOf('neverTruncates', 'long message')).toMatch(
      /a long notification reached the channel with \d+ characters, past its limit of 2000/,
    );
  });

  it('fails a sender that misclassifies refused connections, resets and timeouts', async () => {
    expect(await failureOf('misclassifiesNetworkErrors', 'network errors')).toContain(
      'a network error (connection refused) must be retryable',
    );
  });

  it('fails a sender that puts a secret from its options into an error message', async () => {
    expect(await failureOf('leaksSecret', 'secrets')).toContain('a secret from the options reached an error message');
  });

  it('fails a plugin whose precompiled validateOptions no longer matches its optionsSchema', async () => {
    // Prepare: a validateOptions from before `additionalProperties: false`, say: it accepts anything
    const stale = Object.assign(() => true, { errors: null });
    const plugin = { ...memoryPlugin(channel), validateOptions: stale } as unknown as SenderPlugin<MemoryOptions>;
    const check = conformanceChecks(plugin, harness).find((c) => c.name.includes('precompiled validateOptions'));
    // Act
    const error = await runConformanceCheck(check!, plugin, harness).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Assess
    expect(conformanceChecks(memoryPlugin(channel), harness).some((c) => c.name.includes('precompiled'))).toBe(false);
    expect(error).toMatchObject({ code: 'MONA_CONFORMANCE_FAILED' });
    expect((error as Error).message).toContain(
      "validateOptions and optionsSchema disagree on option set 1 (keys channel, token, monaConformanceUnknownKey): accepted against refused (memory: options must NOT have additional property 'monaConformanceUnknownKey')",
    );
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it('passes the same checks for the correct sender', async () => {
    const plugin = memoryPlugin(channel);
    const failures: string[] = [];
    // Sequential: the checks share one channel and switch its mode.
    for (const check of conformanceChecks(plugin, harness)) {
      await runConformanceCheck(check, plugin, harness).catch((error: unknown) => failures.push(`${check.name}: ${String(error)}`));
    }
    expect(failures).toEqual([]);
  });
});
