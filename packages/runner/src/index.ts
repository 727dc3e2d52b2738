/**
 * mona-ecs: the `mona` CLI and its building blocks (config, plugin loading, routing,
 * operations). This file is the whole public API.
 */
export { main, topLevelHelp } from './main.js';
export { commands } from './commands/registry.js';
export type { CliIo, Command, Flags } from './commands/Command.js';
export { requireConfigFlag } from './commands/requireConfigFlag.js';
export { testNotification } from './commands/testSender.js';

export { loadConfig, parseConfig } from './config/loadConfig.js';
export { validateConfig, isValidConfig } from './config/validateConfig.js';
export { interpolateEnv } from './config/interpolateEnv.js';
export { resolveConfig } from './config/resolveConfig.js';
export { configSchema } from './config/configSchema.js';
export { CONFIG_DEFAULTS } from './config/types.js';
export type { ClusterEntry, LogLevel, MonaConfig, ResolvedConfig, ResolvedSenderConfig, SenderConfig } from './config/types.js';

export { ConfigError, RunnerError, RunnerErrorCode, exitCodeOf } from './errors.js';
export type { ConfigIssue } from './errors.js';

export { importModule, isPathSpec } from './plugins/importModule.js';
export { loadPlugin } from './plugins/loadPlugin.js';
export { loadSenders, createSenders, closeSenders } from './plugins/createSenders.js';
export type { CheckedSender, LiveSender } from './plugins/createSenders.js';
export { loadFormatter } from './plugins/loadFormatter.js';

export { createRoute, serviceOf } from './routing/createRoute.js';
export type { Route } from './routing/createRoute.js';

export { createLogger, REDACT_PATHS } from './logging/createLogger.js';
export type { LoggerOptions } from './logging/createLogger.js';
export { createSecretScrubber, SECRET_MASK } from './logging/createSecretScrubber.js';

export { createMetrics } from './ops/createMetrics.js';
export type { MonaMetrics } from './ops/createMetrics.js';
export { createHealth } from './ops/createHealth.js';
export type { Health } from './ops/createHealth.js';
export { startOpsServer } from './ops/startOpsServer.js';
export type { OpsServer } from './ops/startOpsServer.js';

export { startMonitor, DRAIN_TIMEOUT_MS } from './monitor/startMonitor.js';
export type { MonitorDeps, RunningMonitor } from './monitor/startMonitor.js';

// wait, record and replay
export { createWaitCommand } from './commands/wait.js';
export { runWait } from './wait/runWait.js';
export type { WaitDeps, WaitRequest } from './wait/runWait.js';
export { observeSweep } from './wait/observeSweep.js';
export { initialWait, waitExitCode } from './wait/WaitProgress.js';
export type { ServiceWait, WaitProgress, WaitStatus, WaitTargets } from './wait/WaitProgress.js';
export { createWaitPrinter } from './wait/createWaitPrinter.js';
export type { ProgressStream, WaitPrinter } from './wait/createWaitPrinter.js';
export { waitResultJson } from './wait/waitResultJson.js';
export type { WaitResult } from './wait/waitResultJson.js';
export { parseDuration } from './wait/parseDuration.js';
export { RECORDING_VERSION, RecordingError, parseRecordLine, recordLine, startLine } from './record/recordingFormat.js';
export type { RecordedLine, RecordedStart } from './record/recordingFormat.js';
export { createRecorder } from './record/createRecorder.js';
export type { Recorder } from './record/createRecorder.js';
export { replayRecording } from './record/replayRecording.js';
