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
  /**
   * Absolute path of the config file; plugin and formatter paths are relative to its directory.
   * For a config from stdin or `MONA_CONFIG`: a name in the working directory, so they resolve there.
   */
  configPath: string;
  /** What the config is called in messages: its path, `stdin` or `MONA_CONFIG`. */
  source: string;
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
  enrichmentEnabled: true,
  whoDeployed: false,
  httpHost: '127.0.0.1',
  logLevel: 'info' as const,
});
