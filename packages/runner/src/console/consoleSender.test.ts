import { sampleNotifications } from '@mona-ecs/core/testing';
import { senderContext } from '@mona-ecs/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateSenderOptions } from '@mona-ecs/core/sender';
import { consoleSender } from './consoleSender.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('consoleSender', () => {
  it('writes one line per notification to the chosen stream', async () => {
    // Prepare
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    const sender = await consoleSender.create({ color: false, stream: 'stderr' }, senderContext({ instanceName: 'senders[0]:console' }));
    const notifications = sampleNotifications();
    // Act
    for (const n of notifications) await sender.send(n, new AbortController().signal);
    // Assess
    expect(written).toHaveLength(notifications.length);
    expect(written.every((line) => line.endsWith('\n') && line.indexOf('\n') === line.length - 1)).toBe(true);
    expect(written[0]).toContain(notifications[0]!.title);
  });

  it('rejects unknown options, as every sender plugin must', () => {
    // Prepare
    const options = { colour: true };
    // Act
    const attempt = () => validateSenderOptions(consoleSender, options, '/senders/0');
    // Assess
    expect(attempt).toThrow(/colour/);
  });
});
