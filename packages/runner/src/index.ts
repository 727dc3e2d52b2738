/**
 * mona-ecs: the `mona` CLI. Its public API is the CLI itself, in-process (`main`), and the
 * config it reads (the TypeScript types and the JSON Schema), for programs that write or check
 * Mona configs. To embed monitoring in a program, use `@mona-ecs/core` (`monitorPipeline`,
 * `monitorClusters`) instead.
 */

// The original mona's entry point, as a drop-in (MIGRATING.md)
export { mona, type LegacyLogger, type MonaHandle, type MonaParams } from './compat/mona.js';

// The CLI, in-process
export { main } from './main.js';
export type { CliIo } from './commands/Command.js';

// The config file
export { configSchema } from './config/configSchema.js';
export type { ClusterEntry, LogLevel, MonaConfig, ResolvedConfig, ResolvedSenderConfig, SenderConfig } from './config/types.js';
export { ConfigError, RunnerError, RunnerErrorCode } from './errors.js';
export type { ConfigIssue } from './errors.js';
