import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (chunk: string) => lines.push(chunk) } };
}

describe('createLogger', () => {
  it('writes JSON lines at the configured level', () => {
    // Prepare
    const out = capture();
    const logger = createLogger({ level: 'warn', destination: out.destination });

    // Act
    logger.info('hidden');
    logger.warn({ cluster: 'prod' }, 'shown');

    // Assess
    expect(out.lines).toHaveLength(1);
    expect(JSON.parse(out.lines[0]!)).toMatchObject({ level: 40, cluster: 'prod', msg: 'shown' });
  });

  it('never writes a secret from the environment, wherever it appears', () => {
    // Prepare
    const secret = 'https://hooks.example/T0/B1/s3cr3t"quoted';
    const out = capture();
    const logger = createLogger({ destination: out.destination, secrets: [secret] });

    // Act
    logger.info({ url: secret }, 'field');
    logger.error({ err: new Error(`POST ${secret} failed`) }, 'error message and stack');
    logger.child({ sender: 'senders[0]' }).warn(`message with ${secret} inside`);
    logger.info({ options: { token: 'not-from-env' } }, 'options by path');

    // Assess
    const all = out.lines.join('');
    expect(out.lines).toHaveLength(4);
    expect(all).not.toContain('s3cr3t');
    expect(all).not.toContain('not-from-env');
    expect(all).toContain('[redacted]');
  });

  it('redacts secrets in pretty output too', () => {
    // Prepare
    const out = capture();
    const logger = createLogger({ pretty: true, destination: out.destination, secrets: ['xoxb-123456'] });

    // Act
    logger.info({ senders: [{ options: { token: 'abc' } }] }, 'token xoxb-123456 in message');

    // Assess
    const all = out.lines.join('');
    expect(all).toContain('token [redacted] in message');
    expect(all).not.toContain('xoxb-123456');
    expect(all).not.toContain('abc');
  });
});
