import type { JSONSchemaType, ValidateFunction } from 'ajv';
import type { Logger } from '../model/logger.js';
import type { Notification } from '../model/notification.js';
import type { ValueStore } from '../state/types.js';
import type { SenderHttpSettings } from './httpSettings.js';

/**
 * A delivery channel. `send` resolves when the notification was accepted by the channel, or
 * throws (ideally a `SenderError` saying whether a retry can help). It must honour `signal`:
 * the delivery queue aborts it when the per-attempt timeout expires.
 */
export interface Sender {
  send(notification: Notification, signal: AbortSignal): Promise<void>;
  /** Flush and release resources (connection pools, clients). Idempotent. */
  close?(): Promise<void>;
  /**
   * How fast the channel accepts messages. The delivery queue keeps to it (instead of learning
   * from 429s) and groups a backlog that the pace cannot send soon. Undeclared: unpaced.
   * The user's `delivery.pace` config overrides it.
   *
   * @example
   * return { pace: { messagesPerSecond: 1 }, send, close }; // a Slack incoming webhook
   */
  readonly pace?: SenderPace;
}

/** A channel's sustained rate: `messagesPerSecond`, with up to `burst` (default 1) back to back. */
export interface SenderPace {
  messagesPerSecond: number;
  burst?: number;
}

/** What the runner (or any host) gives a plugin when it creates a sender. */
export interface SenderContext {
  /** A child logger bound to this sender; never log secrets from options. */
  logger: Logger;
  /** Index-based name of this sender instance in the config, e.g. `senders[0]:slack`. */
  instanceName: string;
  /** The sender API the host implements (`SENDER_API_VERSION` of its core). */
  apiVersion: number;
  /** Shared HTTP settings (timeout, proxy, TLS) that HTTP senders should honour. */
  http: SenderHttpSettings;
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
  /**
   * The sender API the plugin was written for: write the number literally (`apiVersion: 2`),
   * never import `SENDER_API_VERSION`, which is the host's. Absent means 1. The host refuses a
   * plugin it cannot run (`MONA_PLUGIN_INCOMPATIBLE`).
   */
  apiVersion?: number;
  optionsSchema: JSONSchemaType<Options>;
  /**
   * Optional: `optionsSchema` precompiled by ajv's standalone code, with the host's options
   * (`senderOptionsValidatorCheck` in `@mona-ecs/core/testing` writes the module and tells when
   * it no longer matches the schema). The host then validates with it instead of compiling the
   * schema, and loads no ajv at start. Absent: the host compiles `optionsSchema`.
   */
  validateOptions?: ValidateFunction<Options>;
  create(options: Options, context: SenderContext): Sender | Promise<Sender>;
}
