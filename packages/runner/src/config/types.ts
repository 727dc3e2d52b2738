/**
 * The config file as written by the user (`MonaConfig`) and as the runner uses it after
 * defaults and region resolution (`ResolvedConfig`). The JSON Schema in `configSchema.ts`
 * is typed against `MonaConfig`, so the two cannot drift.
 */
import type { ClusterRef } from '@mona-ecs/core';
import type { FormatterKey } from '@mona-ecs/core/format';

/** The `ecs` block of the config: the ECS client and the sweep's bounds. */
export interface EcsConfig {
  endpoint?: string;
  maxConcurrency?: number;
  requestsPerSecond?: number;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  sweepTimeoutSeconds?: number;
}

/** The `events` block: the ECS events fast path (EventBridge → SQS). */
export interface EventsConfig {
  sqsQueueUrl: string;
  region?: string;
  endpoint?: string;
}

/** A cluster written as an object: its own region, and the account and role it is watched through. */
export interface ClusterEntry {
  name: string;
  region?: string;
  /** Role to assume for this cluster (`arn:aws:iam::<account id>:role/<name>`); over `defaults.roleArn`. */
  roleArn?: string;
  /** External id the role's trust policy asks for; over `defaults.externalId`. */
  externalId?: string;
  /** The account's name in messages, keys and labels; default the role's account id. */
  account?: string;
}

/** Values every cluster entry takes unless it says otherwise (the entry wins). */
export interface ClusterDefaults {
  roleArn?: string;
  externalId?: string;
  region?: string;
}

/** Console links through the IAM Identity Center access portal (see core's `accountConsoleUrl`). */
export interface ConsoleConfig {
  accessPortalUrl: string;
  roleName: string;
}

/**
 * Delivery queue settings, top-level for every sender and per sender (`senders[].delivery`,
 * key by key over the top-level ones). Defaults and meaning: the core README, "Delivery queue".
 */
export interface DeliveryConfig {
  attemptTimeoutMs?: number;
  /** Optional cap on attempts; without it the age limit bounds retries. */
  maxAttempts?: number;
  /** Age after which a notification is given up (default 900000, 15 min). */
  maxAgeMs?: number;
  /** Backoff cap (default 30000): a recovered channel is used within this time. */
  maxDelayMs?: number;
  /** How long a failing notification may hold the queue while others wait (default 30000). */
  headOfLineMs?: number;
  capacity?: number;
  /** Overrides the sender's declared pace. */
  pace?: { messagesPerSecond: number; burst?: number };
  /** Grouping of backlogs larger than `threshold`. */
  group?: { enabled?: boolean; threshold?: number; maxSize?: number };
}

/** One `senders[]` entry: which plugin, its options, and what it receives. */
export interface SenderConfig {
  plugin: string;
  options?: Record<string, unknown>;
  /** Formatter keys this sender receives; all when absent. */
  events?: FormatterKey[];
  /** Service name globs (picomatch); cluster-level events always pass. */
  services?: string[];
  /** Cluster names this sender receives; all when absent. */
  clusters?: string[];
  /** This sender's delivery settings, over the top-level `delivery`. */
  delivery?: DeliveryConfig;
}

/** `state.dynamodb`: the shared store, for replicas and tasks without a disk. */
export interface DynamoDbStateConfig {
  table: string;
  region?: string;
  endpoint?: string;
  createTable?: boolean;
  /** How long a replica holds a cluster unless it renews (each sweep): the takeover bound, plus one interval. Default 30. */
  leaseSeconds?: number;
}

/** `state`: where Mona keeps what must survive a restart (a file by default). */
export interface StateConfig {
  /** State file, relative to the config file. Default `$MONA_STATE_DIR/state.json`, else the per-user state directory. */
  file?: string;
  dynamodb?: DynamoDbStateConfig;
  /** Saved state older than this is stale: Mona says so and takes a fresh baseline. */
  staleAfterSeconds?: number;
}

/** The state store after defaults: off, a file, or a DynamoDB table. */
export type ResolvedState =
  | { kind: 'off' }
  | { kind: 'file'; path: string; staleAfterSeconds: number }
  | (Omit<DynamoDbStateConfig, 'createTable' | 'leaseSeconds'> & {
      kind: 'dynamodb';
      createTable: boolean;
      leaseSeconds: number;
      staleAfterSeconds: number;
    });

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/** The JSON config file. Optional keys may also be `null`, which means "use the default". */
export interface MonaConfig {
  $schema?: string;
  ecsCluster?: string;
  clusters?: (string | ClusterEntry)[];
  defaults?: ClusterDefaults;
  console?: ConsoleConfig;
  AWSRegion?: string;
  serviceNamesOverride?: string[];
  secondsUntilAlert?: number;
  checkIntervalSeconds?: number;
  logInterval?: number;
  refreshServicesInterval?: number;
  timeoutFrom?: 'updatedAt' | 'createdAt';
  degradedAfterFailures?: number;
  recoveredAfterSweeps?: number;
  ecs?: EcsConfig;
  events?: EventsConfig;
  reconcileIntervalSeconds?: number;
  maxReconcileIntervalSeconds?: number;
  enrichment?: { enabled?: boolean; budgetMs?: number; whoDeployed?: boolean };
  delivery?: DeliveryConfig;
  templates?: Partial<Record<FormatterKey, string>>;
  formatter?: string;
  senders?: SenderConfig[];
  http?: { port: number; host?: string };
  logLevel?: LogLevel;
  state?: false | StateConfig;
}

/** A sender entry after loading: routing lists are kept as written. */
export interface ResolvedSenderConfig extends SenderConfig {
  options: Record<string, unknown>;
  /** The top-level `delivery` with this sender's own over it. */
  delivery: DeliveryConfig;
  /** `senders[0]:./webhook.js`: used in logs, metrics and errors. */
  instanceName: string;
  index: number;
}

/** The config after defaults, env interpolation and region resolution. */
export interface ResolvedConfig {
  /**
   * Absolute path of the config file; plugin and formatter paths are relative to its directory.
   * For a config from stdin or `MONA_CONFIG`: a name in the working directory, so they resolve there.
   */
  configPath: string;
  /** What the config is called in messages: its path, `stdin` or `MONA_CONFIG`. */
  source: string;
  /** Each cluster with its region and, when it has one, its account label, account id and role. */
  clusters: ClusterRef[];
  console?: ConsoleConfig;
  serviceNamesOverride: string[];
  secondsUntilAlert: number;
  checkIntervalSeconds: number;
  logInterval: number;
  refreshServicesInterval: number;
  timeoutFrom: 'updatedAt' | 'createdAt';
  degradedAfterFailures: number;
  recoveredAfterSweeps: number;
  ecs: EcsConfig;
  /** Set when the ECS events fast path is on. */
  events?: EventsConfig;
  /** Seconds between full sweeps while ECS events flow. */
  reconcileIntervalSeconds: number;
  maxReconcileIntervalSeconds: number;
  enrichment: { enabled: boolean; budgetMs?: number; whoDeployed: boolean };
  delivery: DeliveryConfig;
  templates: Partial<Record<FormatterKey, string>>;
  formatter?: string;
  senders: ResolvedSenderConfig[];
  http?: { port: number; host: string };
  logLevel: LogLevel;
  state: ResolvedState;
  /** Every value that came from `${env:…}`: redacted from all logs. */
  secrets: string[];
}

/**
 * Defaults of Mona's config: the original mona's names and values (5 s, 5 ticks, 20 ticks), but
 * `secondsUntilAlert` 600 instead of 60 (why: MIGRATING.md, "Defaults").
 */
export const CONFIG_DEFAULTS = Object.freeze({
  serviceNamesOverride: [] as string[],
  secondsUntilAlert: 600,
  checkIntervalSeconds: 5,
  logInterval: 5,
  refreshServicesInterval: 20,
  timeoutFrom: 'updatedAt' as const,
  degradedAfterFailures: 3,
  recoveredAfterSweeps: 3,
  reconcileIntervalSeconds: 60,
  maxReconcileIntervalSeconds: 900,
  enrichmentEnabled: true,
  whoDeployed: false,
  httpHost: '127.0.0.1',
  logLevel: 'info' as const,
  /** An hour: a restart, a redeploy or a node replacement resumes; a weekend off starts afresh. */
  stateStaleAfterSeconds: 3_600,
  /** A dead replica's clusters are taken over within this plus one interval. */
  leaseSeconds: 30,
});
