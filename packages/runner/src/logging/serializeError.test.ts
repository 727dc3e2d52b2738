import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { serializeError } from './serializeError.js';

describe('serializeError', () => {
  it('does not repeat a cause the message already quotes', () => {
    // Prepare
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:9');
    const error = new Error('slack webhook failed: connect ECONNREFUSED 127.0.0.1:9', { cause });
    // Act
    const serialized = serializeError(error) as { message: string; stack: string };
    // Assess
    expect(serialized.message).toBe('slack webhook failed: connect ECONNREFUSED 127.0.0.1:9');
    expect(serialized.stack).toContain('caused by: Error: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('still appends a cause the message does not say, through the chain', () => {
    // Prepare
    const root = new Error('getaddrinfo ENOTFOUND hooks.slack.com');
    const error = new Error('delivery failed', { cause: new Error('fetch failed', { cause: root }) });
    // Act
    const serialized = serializeError(error) as { message: string };
    // Assess
    expect(serialized.message).toBe('delivery failed: fetch failed: getaddrinfo ENOTFOUND hooks.slack.com');
  });

  it('is the logger’s err serializer', () => {
    // Prepare
    const lines: string[] = [];
    const logger = createLogger({ destination: { write: (l: string) => lines.push(l) } });
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:9');
    // Act
    logger.warn({ err: new Error(`message sender failed: ${cause.message}`, { cause }) }, 'delivery failed, will retry');
    // Assess
    const line = JSON.parse(lines[0]!) as { err: { message: string } };
    expect(line.err.message).toBe('message sender failed: connect ECONNREFUSED 127.0.0.1:9');
  });
});
