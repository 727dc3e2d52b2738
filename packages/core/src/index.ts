/**
 * @mona-ecs/core: what a tool author (run the stream or the whole pipeline) and a plugin author
 * (the sender contract, notifications, errors, the formatter) need. This file is the whole root
 * API; the building blocks are on subpaths:
 *
 * - `@mona-ecs/core/ecs`: the ECS snapshot source, its rate limiter, the enrichment and the snapshot model;
 * - `@mona-ecs/core/pipeline`: the stages one by one and the pure reducer, to compose a chain of your own;
 * - `@mona-ecs/core/format`: the event types and the formatter's building blocks (templates, escaping, durations);
 * - `@mona-ecs/core/sender`: for hosts of senders (option validation, plugin checks, delivery settings);
 * - `@mona-ecs/core/testing`: fakes and the sender conformance suite.
 */

// Run it: the whole pipeline, or the events only
export { monitorPipeline } from './pipeline/monitorPipeline.js';
export type { PipelineHooks, PipelineOptions } from './pipeline/PipelineOptions.js';
export type { Destination, Routed } from './pipeline/routeNotifications.js';
export { monitorCluster, monitorClusters } from './pipeline/monitorClusters.js';
export type { MonitorHooks, MonitorOptions } from './pipeline/MonitorOptions.js';
export type { ClusterRef } from './model/snapshot.js';
export { accountIdOfRoleArn, accountOf, clusterKey } from './model/clusterKey.js';
export type { MonitorEvent } from './model/events.js';
export { createDeliveryQueue } from './delivery/createDeliveryQueue.js';
export type { DeliveryQueueOptions } from './delivery/deliveryOptions.js';
export type { DeliveryQueue } from './delivery/types.js';
export type { Logger } from './model/logger.js';

// Write a sender
export { defineSender } from './sender/defineSender.js';
export type { Sender, SenderContext, SenderPace, SenderPlugin } from './sender/types.js';
export { Severity } from './model/notification.js';
export type { Notification, NotificationGroup } from './model/notification.js';
export { MonaError, MonaErrorCode, SenderError, isSenderError } from './errors.js';

// Format
export { createFormatter } from './format/createFormatter.js';
export { defaultFormatter } from './format/defaultFormatter.js';
export type { Formatter } from './format/types.js';
export { escapeMrkdwn } from './format/escapeMrkdwn.js';
export { plainText } from './format/plainText.js';

// Text forms: what a sender renders instead of decoding Slack markup
export { textForms } from './format/textForms.js';
export type { TextForms } from './format/textForms.js';
export { defuse, stripControls } from './format/neutralize.js';
export { ELLIPSIS, truncateText } from './format/truncateText.js';
export type { LengthUnit } from './format/truncateText.js';

// Authoring kit: option schemas, the sender API version, shared HTTP settings
export type { JSONSchemaType } from 'ajv';
export { optional } from './sender/optional.js';
export { MIN_SENDER_API_VERSION, SENDER_API_VERSION, checkApiVersion } from './sender/apiVersion.js';
export { httpSettingsFromEnv, usesProxy } from './sender/httpSettings.js';
export type { SenderHttpSettings } from './sender/httpSettings.js';
export { parseRetryAfter } from './sender/parseRetryAfter.js';
export { NETWORK_ERROR_CODES, isNetworkError } from './sender/isNetworkError.js';
