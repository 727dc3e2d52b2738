/**
 * @mona-ecs/core/ecs: the ECS side of Mona. The snapshot source over the AWS SDK (and the model
 * it produces, which a source of your own implements too), the shared rate limiter that paces
 * every ECS call of an account and region, and the enrichment step that looks up stopped tasks,
 * task definition changes and who deployed.
 */

// Snapshot model and the source contract
export { isGone } from '../model/snapshot.js';
export type {
  ClusterSnapshot,
  DeploymentSnapshot,
  IncompleteService,
  ServiceEventSnapshot,
  ServiceSnapshot,
  SweepFailure,
  SweepOutcome,
} from '../model/snapshot.js';
export type { DescribingSource, SnapshotSource } from '../model/source.js';
export { SnapshotError, isSweepOutcome, parseSweepOutcome, sweepOutcomeProblems } from '../model/parseSweepOutcome.js';
export { validatedSource } from '../model/validatedSource.js';

// ECS source
export { createEcsSource } from '../ecs-source/createEcsSource.js';
export { DEFAULT_ECS_SOURCE_OPTIONS } from '../ecs-source/EcsSourceOptions.js';
export type { EcsSourceOptions } from '../ecs-source/EcsSourceOptions.js';
export type { ApiCallResult, EcsSourceHooks } from '../ecs-source/callEcs.js';
export { createEcsClient, ecsClientCache } from '../ecs-source/createEcsClient.js';
export type { ClusterTarget, EcsClientFor, EcsClientOptions } from '../ecs-source/createEcsClient.js';
export { assumeRoleCredentials, assumeRoleError } from '../ecs-source/assumeRoleCredentials.js';
export type { AssumeRoleOptions, AssumeRoleTarget, CredentialsProvider } from '../ecs-source/assumeRoleCredentials.js';
export { DEFAULT_AWS_TIMEOUTS, requestHandlerOptions } from '../ecs-source/awsTimeouts.js';
export type { AwsTimeouts, RequestHandlerTimeouts } from '../ecs-source/awsTimeouts.js';
export { DEFAULT_SWEEP_TIMEOUT_MS } from '../ecs-source/sweepDeadline.js';
export { classifyAwsError } from '../ecs-source/classifyAwsError.js';
export { cloudTrailClientCache } from '../enrich/cloudTrailClientCache.js';
export { DEFAULT_RATE_LIMIT, RateLimiter } from '../ecs-source/RateLimiter.js';
export type { RateLimitOptions, RateLimiterClock } from '../ecs-source/RateLimiter.js';
export { sharedRateLimiter } from '../ecs-source/sharedRateLimiter.js';
export { serviceNameFromArn } from '../ecs-source/serviceNameFromArn.js';

// Enrichment
export type { EnrichInput, Enricher } from '../model/enricher.js';
export { enrichEvents, DEFAULT_ENRICH_BUDGET_MS } from '../enrich/enrichEvents.js';
export type { EnrichEventsOptions } from '../enrich/enrichEvents.js';
export { createEcsEnricher } from '../enrich/createEcsEnricher.js';
export type { EcsEnricherOptions } from '../enrich/createEcsEnricher.js';
export type { Limiter } from '../enrich/Limiter.js';
export { troubleMessages } from '../enrich/troubleMessages.js';
export { containerChanges } from '../enrich/containerChanges.js';

// ECS events input (EventBridge → SQS)
export { createEventsInput } from '../events-source/createEventsInput.js';
export type { EventsInput, EventsInputDeps, EventsStats } from '../events-source/createEventsInput.js';
export { DEFAULT_EVENTS_OPTIONS, RECONCILE_SHARE } from '../events-source/EventsOptions.js';
export type { EventsHooks, EventsOptions, MessageResult } from '../events-source/EventsOptions.js';
export { parseEcsEvent } from '../events-source/parseEcsEvent.js';
export type { EcsEventHint, ParsedMessage } from '../events-source/parseEcsEvent.js';
export { TaskStopHints } from '../events-source/TaskStopHints.js';
export { EVENTS_QUEUE_PREFIX, isEventsQueueNotice } from '../events-source/QueueHealth.js';
export { callerIdentity, checkAccess } from '../ecs-source/checkAccess.js';
export type { AccessCheck, CheckStep } from '../ecs-source/checkAccess.js';
