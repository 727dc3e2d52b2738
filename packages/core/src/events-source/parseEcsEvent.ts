import type { JSONSchemaType, ValidateFunction } from 'ajv';
import type { StoppedTask } from '../model/context.js';
import { requireAjv } from '../requireAjv.js';

/** What an ECS event says, once validated: which service to describe again, and a stopped task's details. */
export interface EcsEventHint {
  kind: 'hint';
  /** `ECS Deployment State Change`, `ECS Service Action` or `ECS Task State Change`. */
  detailType: string;
  /** `eventName` (deployment, service action) or the task's `lastStatus`. */
  name: string;
  account: string;
  region: string;
  cluster: string;
  service: string;
  /** A task state change to STOPPED: what enrichment would otherwise ask DescribeTasks for. */
  stoppedTask?: StoppedTask;
}

/** A message that is valid but says nothing Mona acts on (another source, a standalone task). */
export interface IgnoredMessage {
  kind: 'ignored';
  reason: string;
}

/** A message that is not an ECS event Mona can read; `reason` says what is wrong. */
export interface MalformedMessage {
  kind: 'malformed';
  reason: string;
}

export type ParsedMessage = EcsEventHint | IgnoredMessage | MalformedMessage;

interface EventEnvelope {
  source: string;
  'detail-type': string;
  account: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

const envelopeSchema: JSONSchemaType<EventEnvelope> = {
  type: 'object',
  required: ['source', 'detail-type', 'account', 'region', 'resources', 'detail'],
  properties: {
    source: { type: 'string' },
    'detail-type': { type: 'string' },
    account: { type: 'string' },
    region: { type: 'string', minLength: 1 },
    resources: { type: 'array', items: { type: 'string' } },
    detail: { type: 'object', required: [] },
  },
};

let validate: ValidateFunction<EventEnvelope> | undefined;
const validator = (): ValidateFunction<EventEnvelope> =>
  (validate ??= new (requireAjv().Ajv)({ allErrors: true, strict: true }).compile(envelopeSchema));

const DETAIL_TYPES = new Set(['ECS Deployment State Change', 'ECS Service Action', 'ECS Task State Change']);

/**
 * Reads one SQS message body as an EventBridge event of `source: aws.ecs`, either the event
 * itself (an EventBridge rule targeting the queue) or wrapped in an SNS notification (a topic
 * between the rule and the queue). Parse once, at the edge: what comes out is trusted inside.
 *
 * @example
 * parseEcsEvent(body); // { kind: 'hint', detailType: 'ECS Task State Change', cluster: 'prod', service: 'api', … }
 */
export function parseEcsEvent(body: string): ParsedMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'malformed', reason: 'the body is not JSON' };
  }
  if (isSnsNotification(parsed)) {
    try {
      parsed = JSON.parse(parsed.Message);
    } catch {
      return { kind: 'malformed', reason: "the SNS notification's Message is not JSON" };
    }
  }
  const check = validator();
  if (!check(parsed)) {
    const problem = check.errors?.[0];
    return { kind: 'malformed', reason: `not an EventBridge event: ${problem?.instancePath || '(root)'} ${problem?.message ?? ''}`.trim() };
  }
  if (parsed.source !== 'aws.ecs') return { kind: 'ignored', reason: `source ${parsed.source}` };
  if (!DETAIL_TYPES.has(parsed['detail-type'])) return { kind: 'ignored', reason: `detail-type ${parsed['detail-type']}` };
  return parsed['detail-type'] === 'ECS Task State Change' ? taskHint(parsed) : serviceHint(parsed);
}

function isSnsNotification(value: unknown): value is { Type: 'Notification'; Message: string } {
  const v = value as { Type?: unknown; Message?: unknown } | null;
  return typeof v === 'object' && v !== null && v.Type === 'Notification' && typeof v.Message === 'string';
}

/** Deployment state changes and service actions name the service by ARN in `resources[0]`. */
function serviceHint(event: EventEnvelope): ParsedMessage {
  const arn = event.resources[0];
  const where = arn === undefined ? undefined : serviceArnParts(arn);
  if (!where)
    return { kind: 'malformed', reason: `resources[0] is not a service ARN of the long format (service/CLUSTER/NAME): ${String(arn)}` };
  const name = str(event.detail['eventName']);
  if (name === undefined) return { kind: 'malformed', reason: 'detail.eventName is missing' };
  return { kind: 'hint', detailType: event['detail-type'], name, account: event.account, region: event.region, ...where };
}

/** A task state change names its cluster by ARN and its service in `group` (`service:NAME`). */
function taskHint(event: EventEnvelope): ParsedMessage {
  const { detail } = event;
  const group = str(detail['group']);
  const cluster = clusterNameOf(str(detail['clusterArn']));
  const lastStatus = str(detail['lastStatus']);
  if (cluster === undefined) return { kind: 'malformed', reason: 'detail.clusterArn is missing or not a cluster ARN' };
  if (lastStatus === undefined) return { kind: 'malformed', reason: 'detail.lastStatus is missing' };
  if (group === undefined || !group.startsWith('service:')) return { kind: 'ignored', reason: 'a task not started by a service' };
  const hint: EcsEventHint = {
    kind: 'hint',
    detailType: event['detail-type'],
    name: lastStatus,
    account: event.account,
    region: event.region,
    cluster,
    service: group.slice('service:'.length),
  };
  return lastStatus === 'STOPPED' ? { ...hint, stoppedTask: stoppedTaskOf(detail) } : hint;
}

function stoppedTaskOf(detail: Record<string, unknown>): StoppedTask {
  const stoppedAt = Date.parse(str(detail['stoppedAt']) ?? str(detail['stoppingAt']) ?? '');
  const containers = Array.isArray(detail['containers']) ? (detail['containers'] as unknown[]) : [];
  const taskDefinition = str(detail['taskDefinitionArn']);
  const stopCode = str(detail['stopCode']);
  const stoppedReason = str(detail['stoppedReason']);
  return {
    taskArn: str(detail['taskArn']) ?? '',
    ...(taskDefinition !== undefined ? { taskDefinition } : {}),
    ...(stopCode !== undefined ? { stopCode } : {}),
    ...(stoppedReason !== undefined ? { stoppedReason } : {}),
    ...(Number.isNaN(stoppedAt) ? {} : { stoppedAt }),
    containers: containers.filter(isObject).map((c) => {
      const exitCode = c['exitCode'];
      const reason = str(c['reason']);
      return {
        name: str(c['name']) ?? '',
        ...(typeof exitCode === 'number' ? { exitCode } : {}),
        ...(reason !== undefined ? { reason } : {}),
      };
    }),
  };
}

/** `arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME` → cluster and name; the old short format has no cluster. */
function serviceArnParts(arn: string): { cluster: string; service: string } | undefined {
  const match = /^arn:[^:]+:ecs:[^:]*:[^:]*:service\/([^/]+)\/([^/]+)$/.exec(arn);
  return match?.[1] && match[2] ? { cluster: match[1], service: match[2] } : undefined;
}

function clusterNameOf(arn: string | undefined): string | undefined {
  const match = arn === undefined ? null : /^arn:[^:]+:ecs:[^:]*:[^:]*:cluster\/(.+)$/.exec(arn);
  return match?.[1];
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
