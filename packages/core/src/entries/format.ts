/**
 * @mona-ecs/core/format: the events (every type of the semantic table, their context) and the
 * formatter's building blocks, for senders that add structure and hosts that load templates.
 */

// Events
export { CompletionKind, EventType, FORMATTER_KEYS, FormatterKeyOf } from '../model/events.js';
export type {
  DeploymentCompleted,
  DeploymentFailed,
  DeploymentStarted,
  DeploymentTimedOut,
  EventOf,
  FormatterKey,
  MonitorDegraded,
  MonitorRecovered,
  MonitorStarted,
  RollbackStarted,
  ScalingStarted,
  ServiceEvent,
  ServiceRemoved,
  ServiceState,
  TaskCrashed,
  TasksFailing,
} from '../model/events.js';
export type { ContainerChange, EventContext, StoppedContainer, StoppedTask } from '../model/context.js';

// Formatter
export type { FormatterTemplates } from '../format/createFormatter.js';
export { FormatterConfigError } from '../format/FormatterConfigError.js';
export { templateFields, unknownTemplateFields } from '../format/templateFields.js';
export { toNotification, formatEvent } from '../format/toNotification.js';
export type { FormatErrorHandler } from '../format/toNotification.js';
export { severityOf } from '../format/severityOf.js';
export { titleOf } from '../format/titleOf.js';
export { decodeMrkdwn } from '../format/plainText.js';
export { shortTaskDef } from '../format/shortTaskDef.js';
export { formatDuration } from '../format/formatDuration.js';
export { renderContext } from '../format/renderContext.js';
