import type { JSONSchemaType } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SenderError } from '../errors.js';
import { defineSender } from '../sender/defineSender.js';
import type { SenderPlugin } from '../sender/types.js';
import { conformanceChecks } from './conformanceChecks.js';
import type { ChannelMode, SenderHarness } from './senderHarness.js';
import { runConformanceCheck, senderConformance } from './senderConformance.js';

interface MemoryOptions {
  channel: string;
}

/** An in-memory channel that answers like an HTTP API: 200, 500, 429 + Retry-After, 400, or never. */
function memoryChannel() {
  let mode: ChannelMode = 'ok';
  const received: string[] = [];
  return {
    received,
    set(next: ChannelMode) {
      mode = next;
    },
    post(body: string, signal: AbortSignal): Promise<{ status: number; retryAfterSeconds?: number }> {
      if (mode === 'hang') {
        return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
      }
      if (mode === 'ok') received.push(body);
      const status = { ok: 200, serverError: 500, rateLimited: 429, rejected: 400 }[mode];
      return Promise.resolve(mode === 'rateLimited' ? { status, retryAfterSeconds: 7 } : { status });
    },
  };
}
type MemoryChannel = ReturnType<typeof memoryChannel>;

const schema: JSONSchemaType<MemoryOptions> = {
  type: 'object',
  properties: { channel: { type: 'string', minLength: 1 } },
  required: ['channel'],
  additionalProperties: false,
};

/** A correct sender, or one broken in the given way, to prove that the suite notices. */
function memoryPlugin(channel: MemoryChannel, flaw?: '4xxRetryable' | 'noEscape' | 'openSchema'): SenderPlugin<MemoryOptions> {
  return defineSender<MemoryOptions>({
    name: `memory${flaw ? `-${flaw}` : ''}`,
    optionsSchema: flaw === 'openSchema' ? { ...schema, additionalProperties: true } : schema,
    create: (options) => ({
      async send(notification, signal) {
        const text = flaw === 'noEscape' ? notification.text : notification.text.replaceAll('<', '&lt;').replaceAll('>', '&gt;');
        const body = JSON.stringify({ channel: options.channel, text, detail: notification.event });
        const { status, retryAfterSeconds } = await channel.post(flaw === 'noEscape' ? body : body.replaceAll('<', '&lt;'), signal);
        if (status === 429) throw new SenderError('rate limited', { retryable: true, retryAfterMs: (retryAfterSeconds ?? 1) * 1000 });
        if (status >= 500) throw new SenderError(`server error ${status}`, { retryable: true });
        if (status >= 400) throw new SenderError(`rejected ${status}`, { retryable: flaw === '4xxRetryable' });
      },
      close: () => Promise.resolve(),
    }),
  });
}

function harnessFor(channel: MemoryChannel): SenderHarness<MemoryOptions> {
  return {
    validOptions: () => ({ channel: '#deploys' }),
    invalidOptions: [
      { options: {}, mentions: "required property 'channel'" },
      { options: { channel: 42 }, mentions: 'options/channel must be string' },
    ],
    respond: (mode) => channel.set(mode),
    delivered: () => channel.received,
    reset: () => void channel.received.splice(0),
    retryAfterMs: 7_000,
    forbidden: ['<!channel>', '<script>'],
  };
}

const goodChannel = memoryChannel();
senderConformance(memoryPlugin(goodChannel), harnessFor(goodChannel));

describe('senderConformance against broken senders', () => {
  const channel = memoryChannel();
  const harness = harnessFor(channel);
  beforeAll(() => harness.setup?.());
  afterAll(() => harness.teardown?.());

  async function failureOf(flaw: '4xxRetryable' | 'noEscape' | 'openSchema', checkName: string): Promise<unknown> {
    const plugin = memoryPlugin(channel, flaw);
    const check = conformanceChecks(plugin, harness).find((c) => c.name.includes(checkName));
    expect(check, `no check named like '${checkName}'`).toBeDefined();
    return runConformanceCheck(check!, plugin, harness).then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  it('fails a sender that classifies a rejected request as retryable', async () => {
    const error = await failureOf('4xxRetryable', 'rejected request');

    expect(String(error)).toContain('rejected answer must be not retryable');
  });

  it('fails a sender that lets <!channel> reach the channel unescaped', async () => {
    const error = await failureOf('noEscape', 'every event type');

    expect(String(error)).toContain('unescaped text reached the channel');
  });

  it('fails a sender whose schema accepts unknown keys', async () => {
    const error = await failureOf('openSchema', 'unknown option keys');

    expect(String(error)).toContain('additionalProperties: false');
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
