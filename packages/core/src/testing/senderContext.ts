import { SENDER_API_VERSION } from '../sender/apiVersion.js';
import type { SenderContext } from '../sender/types.js';
import { recordingLogger } from './recordingLogger.js';

/**
 * A `SenderContext` as a host gives it, for tests of `create()`: a recording logger, the current
 * API version, a 10 s timeout, no proxy, TLS verified. Override any field.
 *
 * @example
 * const sender = await plugin.create(options, senderContext({ instanceName: 'senders[0]:webhook' }));
 */
export function senderContext(overrides: Partial<SenderContext> = {}): SenderContext {
  return {
    logger: recordingLogger(),
    instanceName: 'senders[0]:test',
    apiVersion: SENDER_API_VERSION,
    http: { timeoutMs: 10_000, rejectUnauthorized: true },
    ...overrides,
  };
}
