import { SenderError } from '@mona-ecs/core';
import { describe, expect, it } from 'vitest';
import { captureIo, fixturePlugin, writeConfig } from '../__fixtures__/testIo.js';
import { main } from '../main.js';
import { describeFailure } from './testSender.js';

describe('describeFailure', () => {
  it('shows the wait a 429 asked for and says that only a real run retries', () => {
    // Act
    const line = describeFailure(new SenderError('webhook answered HTTP 429', { retryable: true, retryAfterMs: 30_000 }));
    // Assess
    expect(line).toBe(
      'MONA_SEND_RETRYABLE: webhook answered HTTP 429 (retryable, retryAfterMs 30000: the channel asked to wait 30 s; `mona run` would retry it, test-sender sends once and did not)',
    );
  });

  it('calls a permanent failure permanent, with no retry promised', () => {
    // Act
    const line = describeFailure(new SenderError('HTTP 404: the webhook was deleted', { retryable: false }));
    // Assess
    expect(line).toBe('MONA_SEND_FAILED: HTTP 404: the webhook was deleted (permanent): no retry would help, fix the cause');
    expect(line).not.toMatch(/will retry|retrying/);
  });
});

describe('mona test-sender on a throttled channel', () => {
  it('prints retryAfterMs and exits 1 without retrying', async () => {
    // Prepare
    const file = writeConfig({ ecsCluster: 'prod', AWSRegion: 'eu-west-1', senders: [{ plugin: fixturePlugin('rate-limited.mjs') }] });
    const io = captureIo();
    // Act
    const code = await main(['test-sender', '--config', file], io);
    // Assess
    expect(code).toBe(1);
    expect(io.out()).toContain('retryAfterMs 30000');
    expect(io.out()).toContain('test-sender sends once and did not');
  });

  it('refuses a plugin written for a newer sender API, saying what to upgrade', async () => {
    // Prepare
    const file = writeConfig({ ecsCluster: 'prod', AWSRegion: 'eu-west-1', senders: [{ plugin: fixturePlugin('future-api.mjs') }] });
    const io = captureIo();
    // Act
    const code = await main(['test-sender', '--config', file], io);
    // Assess
    expect(code).toBe(2);
    expect(io.err()).toContain('MONA_PLUGIN_INCOMPATIBLE');
    expect(io.err()).toContain('was written for sender API 99');
    expect(io.err()).toContain('upgrade mona-ecs');
  });
});
