import type { JSONSchemaType } from 'ajv';
import type { Logger } from '../model/logger.js';
import type { Notification } from '../model/notification.js';
import type { ValueStore } from '../state/types.js';

/**
 * A delivery channel. `send` resolves when the notification was accepted by the channel, or
 * throws (ideally a `SenderError` saying whether a retry can help). It must honour `signal`:
 * the delivery queue aborts it when the per-attempt timeout expires.
 */
export interface Sender {
  send(notification: Notification, signal: AbortSignal): Promise<void>;
  /** Flush and release resources (connection pools, clients). Idempotent. */
  close?(): Promise<void>;
}

/** What the runner (or any host) gives a plugin when it creates a sender. */
export interface SenderContext {
  /** A child logger bound to this sender; never log secrets from options. */
  logger: Logger;
  /** Index-based name of this sender instance in the config, e.g. `senders[0]:slack`. */
  instanceName: string;
  /**
   * Values that outlive the process (the host's state store), this sender instance's own;
   * absent when the host keeps no state. Keep them small; give them a ttl.
   */
  values?: ValueStore;
}

/**
 * A sender package's default export. The host validates `options` against `optionsSchema`
 * with ajv (unknown keys must be rejected: `additionalProperties: false`) before `create`.
 */
export interface SenderPlugin<Options = unknown> {
  name: string;
  optionsSchema: JSONSchemaType<Options>;
  create(options: Options, context: SenderContext): Sender | Promise<Sender>;
}
