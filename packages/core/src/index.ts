/**
 * @mona-ecs/core: the monitoring stream (ECS snapshots → pure reducer → typed events), the
 * formatter, the delivery queue and the sender contract. This file is the whole public API.
 */

// Model
export { isGone } from './model/snapshot.js';
export type {
  ClusterRef,
  ClusterSnapshot,
  DeploymentSnapshot,
  ServiceEventSnapshot,
  ServiceSnapshot,
  SweepFailure,
  SweepOutcome,
} from './model/snapshot.js';
export { CompletionKind, EventType, FORMATTER_KEYS, FormatterKeyOf } from './model/events.js';
export type {
  DeploymentCompleted,
  DeploymentFailed,
  DeploymentStarted,
  DeploymentTimedOut,
  EventOf,
  FormatterKey,
  MonitorDegraded,
  MonitorEvent,
  MonitorRecovered,
  MonitorStarted,
  RollbackStarted,
  ScalingStarted,
  ServiceEvent,
  ServiceRemoved,
  ServiceState,
  TaskCrashed,
  TasksFailing,
} from './model/events.js';
export type { ContainerChange, EventContext, StoppedContainer, StoppedTask } from './model/context.js';
export { Severity } from './model/notification.js';
export type { Notification } from './model/notification.js';
export type { LogFn, Logger } from './model/logger.js';
export { DEFAULT_MONITOR_CONFIG, consoleUrl } from './model/config.js';
export type { MonitorConfig } from './model/config.js';
export { MonaError, SenderError, isSenderError } from './errors.js';
export { abortable } from './abortable.js';

// Sender contract
export type { Sender, SenderContext, SenderPlugin } from './sender/types.js';
export type { SnapshotSource } from './model/source.js';
export type { Formatter } from './format/types.js';
export type { DeliveryHooks, DeliveryOutcome, DeliveryQueue } from './delivery/types.js';
export type { EnrichInput, Enricher } from './model/enricher.js';

// sender contract and delivery
export { defineSender } from './sender/defineSender.js';
export { validateSenderOptions } from './sender/validateSenderOptions.js';
export { checkLoadedPlugin } from './sender/checkLoadedPlugin.js';
export { fromMessageSender } from './sender/fromMessageSender.js';
export type { MessageSender } from './sender/fromMessageSender.js';
export { createDeliveryQueue } from './delivery/createDeliveryQueue.js';
export { backoffDelay } from './delivery/backoffDelay.js';
export { DEFAULT_DELIVERY_OPTIONS, realTimers } from './delivery/deliveryOptions.js';
export type { DeliveryQueueOptions, DeliveryTimers, OverflowPolicy } from './delivery/deliveryOptions.js';
export type { DeliveryStats } from './delivery/types.js';
export { deliverTo } from './delivery/deliverTo.js';
export type { DeliveryRoute } from './delivery/deliverTo.js';

// formatter
export { defaultFormatter } from './format/defaultFormatter.js';
export { createFormatter } from './format/createFormatter.js';
export type { FormatterTemplates } from './format/createFormatter.js';
export { FormatterConfigError } from './format/FormatterConfigError.js';
export { templateFields, unknownTemplateFields } from './format/templateFields.js';
export { toNotification, formatEvent } from './format/toNotification.js';
export type { FormatErrorHandler } from './format/toNotification.js';
export { severityOf } from './format/severityOf.js';
export { titleOf } from './format/titleOf.js';
export { escapeMrkdwn } from './format/escapeMrkdwn.js';
export { decodeMrkdwn, plainText } from './format/plainText.js';
export { shortTaskDef } from './format/shortTaskDef.js';
export { formatDuration } from './format/formatDuration.js';
export { renderContext } from './format/renderContext.js';

// reducer
export { reduce } from './reducer/reduce.js';
export type { ReduceResult } from './reducer/reduce.js';
export { summarizeState } from './reducer/summarizeState.js';
export type { ServiceSummary } from './reducer/summarizeState.js';
export { initialState } from './reducer/state.js';
export type { ClusterState, Phase, ServiceTrack } from './reducer/state.js';

// enrichment
export { enrichEvents, DEFAULT_ENRICH_BUDGET_MS } from './enrich/enrichEvents.js';
export type { EnrichEventsOptions } from './enrich/enrichEvents.js';
export { createEcsEnricher } from './enrich/createEcsEnricher.js';
export type { EcsEnricherOptions } from './enrich/createEcsEnricher.js';
export type { Limiter } from './enrich/Limiter.js';
export { troubleMessages } from './enrich/troubleMessages.js';
export { containerChanges } from './enrich/containerChanges.js';

// ecs source and stream
export { createEcsSource } from './ecs-source/createEcsSource.js';
export { DEFAULT_ECS_SOURCE_OPTIONS } from './ecs-source/EcsSourceOptions.js';
export type { EcsSourceOptions } from './ecs-source/EcsSourceOptions.js';
export type { ApiCallResult, EcsSourceHooks } from './ecs-source/callEcs.js';
export { createEcsClient, ecsClientCache } from './ecs-source/createEcsClient.js';
export type { EcsClientOptions } from './ecs-source/createEcsClient.js';
export { DEFAULT_RATE_LIMIT, RateLimiter } from './ecs-source/RateLimiter.js';
export type { RateLimitOptions, RateLimiterClock } from './ecs-source/RateLimiter.js';
export { sharedRateLimiter } from './ecs-source/sharedRateLimiter.js';
export { serviceNameFromArn } from './ecs-source/serviceNameFromArn.js';
export { monitorCluster, monitorClusters } from './stream/monitorClusters.js';
export { DEFAULT_CHECK_INTERVAL_SECONDS, DEFAULT_LOG_INTERVAL } from './stream/MonitorOptions.js';
export type { MonitorHooks, MonitorOptions, Reducer } from './stream/MonitorOptions.js';
export { ticks } from './stream/ticks.js';
export { sweepTicks } from './stream/sweepTicks.js';
export type { Sweep, SweepFn, SweepTicksOptions } from './stream/sweepTicks.js';
export { reduceSweeps } from './stream/reduceSweeps.js';
export type { ReducedSweep } from './stream/reduceSweeps.js';
export { logState } from './stream/logState.js';
export type { StateSummarizer } from './stream/logState.js';
export { toEnrichInputs } from './stream/toEnrichInputs.js';
