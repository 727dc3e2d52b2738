/**
 * The config file as written by the user (`MonaConfig`) and as the runner uses it after
 * defaults and region resolution (`ResolvedConfig`). The JSON Schema in `configSchema.ts`
 * is typed against `MonaConfig`, so the two cannot drift.
 */
import type { FormatterKey } from '@mona-ecs/core/format';

/** A cluster written as an object, to give it its own region. */
export interface ClusterEntry {
  name: string;
  region?: string;
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
}

/** `state.dynamodb`: the shared store, for replicas and tasks without a disk. */
export interface DynamoDbStateConfig {
  table: string;
  region?: string;
  endpoint?: string;
  createTable?: boolean;
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
  AWSRegion?: string;
  serviceNamesOverride?: string[];
  secondsUntilAlert?: number;
  checkIntervalSeconds?: number;
  logInterval?: number;
  refreshServicesInterval?: number;
  timeoutFrom?: 'updatedAt' | 'createdAt';
  degradedAfterFailures?: number;
  ecs?: { endpoint?: string; maxConcurrency?: number; requestsPerSecond?: number };
  enrichment?: { enabled?: boolean; budgetMs?: number; whoDeployed?: boolean };
  delivery?: { attemptTimeoutMs?: number; maxAttempts?: number; capacity?: number };
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
  /** `senders[0]:./webhook.js`: used in logs, metrics and errors. */
  instanceName: string;
  index: number;
}

/** The config after defaults, env interpolation and region resolution. */
export interface ResolvedConfig {
  /** Absolute path of the config file; plugin and formatter paths are relative to its directory. */
  configPath: string;
  clusters: { cluster: string; region: string }[];
  serviceNamesOverride: string[];
  secondsUntilAlert: number;
  checkIntervalSeconds: number;
  logInterval: number;
  refreshServicesInterval: number;
  timeoutFrom: 'updatedAt' | 'createdAt';
  degradedAfterFailures: number;
  ecs: { endpoint?: string; maxConcurrency?: number; requestsPerSecond?: number };
  enrichment: { enabled: boolean; budgetMs?: number; whoDeployed: boolean };
  delivery: { attemptTimeoutMs?: number; maxAttempts?: number; capacity?: number };
  templates: Partial<Record<FormatterKey, string>>;
  formatter?: string;
  senders: ResolvedSenderConfig[];
  http?: { port: number; host: string };
  logLevel: LogLevel;
  state: ResolvedState;
  /** Every value that came from `${env:…}`: redacted from all logs. */
  secrets: string[];
}

/** Defaults of Mona's config (the original's key names; the values are ours, see the README). */
export const CONFIG_DEFAULTS = Object.freeze({
  serviceNamesOverride: [] as string[],
  secondsUntilAlert: 600,
  checkIntervalSeconds: 10,
  logInterval: 60,
  refreshServicesInterval: 30,
  timeoutFrom: 'updatedAt' as const,
  degradedAfterFailures: 3,
  enrichmentEnabled: true,
  whoDeployed: false,
  httpHost: '127.0.0.1',
  logLevel: 'info' as const,
  /** An hour: a restart, a redeploy or a node replacement resumes; a weekend off starts afresh. */
  stateStaleAfterSeconds: 3_600,
  /** A dead replica's clusters are taken over within this plus one interval. */
  leaseSeconds: 30,
});
