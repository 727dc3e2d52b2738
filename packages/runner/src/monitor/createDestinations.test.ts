import { describe, expect, it } from 'vitest';
import { SenderError, defineSender } from '@mona-ecs/core';
import { sampleNotifications } from '@mona-ecs/core/testing';
import { parseConfig } from '../config/loadConfig.js';
import { createLogger } from '../logging/createLogger.js';
import { createMetrics } from '../ops/createMetrics.js';
import type { LiveSender } from '../plugins/createSenders.js';
import { createDestinations } from './createDestinations.js';

describe('createDestinations', () => {
  it('writes "sender" once on every delivery log line, and the cause once in its error', async () => {
    // Prepare
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(l) } });
    const config = parseConfig('{"ecsCluster":"prod","AWSRegion":"eu-west-1","delivery":{"maxAttempts":2}}', {
      configPath: '/etc/mona/mona.json',
      env: {},
    });
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:9');
    const sender = {
      send: () => Promise.reject(new SenderError(`webhook failed: ${cause.message}`, { retryable: true, cause, retryAfterMs: 1 })),
    };
    const plugin = defineSender<Record<string, never>>({
      name: 'failing',
      optionsSchema: { type: 'object', additionalProperties: false, required: [], properties: {} },
      create: () => sender,
    });
    const live: LiveSender = {
      config: { plugin: 'failing', options: {}, index: 0, instanceName: 'senders[0]:failing', delivery: {} },
      plugin: plugin as LiveSender['plugin'],
      options: {},
      sender,
    };
    const [destination] = createDestinations([live], config, { metrics: createMetrics(), logger });

    // Act
    destination!.queue.enqueue(sampleNotifications()[0]!);
    await destination!.queue.drain(5_000);
    await destination!.queue.close();

    // Assess
    const retry = lines.find((l) => l.includes('delivery failed, will retry'));
    expect(retry).toBeDefined();
    expect(retry!.match(/"sender":/g)).toHaveLength(1);
    expect(JSON.parse(retry!)).toMatchObject({
      sender: 'senders[0]:failing',
      err: { message: 'webhook failed: connect ECONNREFUSED 127.0.0.1:9' },
    });
    expect(lines.filter((l) => l.includes('"sender":')).every((l) => l.match(/"sender":/g)?.length === 1)).toBe(true);
  });
});
