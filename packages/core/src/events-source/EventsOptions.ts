import type { SQSClient } from '@aws-sdk/client-sqs';
import type { TaskStopHints } from './TaskStopHints.js';

/**
 * The ECS events input (`MonitorOptions.events`): EventBridge events of `source: aws.ecs` read
 * from an SQS queue mark services dirty, and the full sweep becomes a reconciliation.
 *
 * @example
 * monitorClusters({ clusters, events: { sqsQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/mona-events' } });
 */
export interface EventsOptions {
  /** The queue the EventBridge rule (or an SNS topic) delivers to. */
  sqsQueueUrl: string;
  /** Region of the queue. Default: the one in the queue URL's host, else the SDK's (`AWS_REGION`). */
  region?: string;
  /** Explicit SQS endpoint (an emulator); the SDK's `AWS_ENDPOINT_URL_SQS` otherwise. */
  endpoint?: string;
  /** Use this client instead of building one (tests). */
  client?: SQSClient;
  /** The shortest time between full sweeps while events flow, in seconds. Default 60. */
  reconcileIntervalSeconds?: number;
  /**
   * The longest time between full sweeps while events flow, in seconds. Between the two, sweeps
   * take at most 8 % of the time (`RECONCILE_SHARE`): after a sweep of 54 s the next one starts
   * 675 s later, so reconciliation and events together cost under a tenth of polling alone.
   * Default 900; equal to `reconcileIntervalSeconds` for a fixed interval.
   */
  maxReconcileIntervalSeconds?: number;
  /** Dirty services are gathered this long before they are described. Default 100 ms. */
  windowMs?: number;
  /** Long pollers side by side. Default 1. */
  pollers?: number;
  /** Base wait after a failed receive, doubled per failure up to 20 s. Default 1000 ms. */
  retryDelayMs?: number;
  /** Where stopped tasks from Task State Change events go; give the same object to `createEcsEnricher`. */
  hints?: TaskStopHints;
  /** Observability (the runner's metrics hang here). A hook that throws is ignored. */
  hooks?: EventsHooks;
}

/** What a message came to: `hint` (described, deleted), `kept` (not described: it comes back), or why it was deleted unread. */
export type MessageResult = 'hint' | 'kept' | 'malformed' | 'ignored' | 'unwatched';

/** Hooks of the events input. */
export interface EventsHooks {
  /** After each message was handled. */
  onMessage?(result: MessageResult): void;
  /** After each ReceiveMessage: whether the queue answered. */
  onReceive?(ok: boolean): void;
}

/**
 * Defaults of the events input.
 *
 * @example
 * createEventsInput({ ...options, reconcileIntervalSeconds: DEFAULT_EVENTS_OPTIONS.reconcileIntervalSeconds });
 */
export const DEFAULT_EVENTS_OPTIONS = Object.freeze({
  reconcileIntervalSeconds: 60,
  maxReconcileIntervalSeconds: 900,
  windowMs: 100,
  pollers: 1,
  retryDelayMs: 1000,
});

/**
 * The most of the time full sweeps may take while events flow (see `maxReconcileIntervalSeconds`):
 * 8 %, which leaves room for the describes the events ask for within a tenth of polling alone.
 */
export const RECONCILE_SHARE = 0.08;
