/**
 * JSON Schemas of the snapshot model (`snapshot.ts`), typed against it with ajv's
 * `JSONSchemaType`, so the TypeScript types and the schemas cannot drift. Extra properties are
 * allowed (a newer Mona or a third-party source may add some) and enum-like fields are plain
 * strings (values AWS adds later are carried, never rejected), as DESIGN §3 asks.
 */
import type { JSONSchemaType } from 'ajv';
import type { ClusterSnapshot, DeploymentSnapshot, ServiceEventSnapshot, ServiceSnapshot, SweepFailure } from './snapshot.js';

const count = { type: 'number', minimum: 0 } as const;
const time = { type: 'number' } as const;

export const deploymentSnapshotSchema: JSONSchemaType<DeploymentSnapshot> = {
  type: 'object',
  required: ['id', 'status', 'taskDefinition', 'desiredCount', 'runningCount', 'pendingCount', 'failedTasks', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    status: { type: 'string' },
    taskDefinition: { type: 'string' },
    desiredCount: count,
    runningCount: count,
    pendingCount: count,
    failedTasks: count,
    createdAt: time,
    updatedAt: time,
    rolloutState: { type: 'string', nullable: true },
    rolloutStateReason: { type: 'string', nullable: true },
  },
};

export const serviceEventSnapshotSchema: JSONSchemaType<ServiceEventSnapshot> = {
  type: 'object',
  required: ['id', 'createdAt', 'message'],
  properties: { id: { type: 'string' }, createdAt: time, message: { type: 'string' } },
};

export const serviceSnapshotSchema: JSONSchemaType<ServiceSnapshot> = {
  type: 'object',
  required: ['name', 'arn', 'status', 'desiredCount', 'runningCount', 'pendingCount', 'deployments', 'events'],
  properties: {
    name: { type: 'string', minLength: 1 },
    arn: { type: 'string' },
    status: { type: 'string' },
    createdAt: { ...time, nullable: true },
    desiredCount: count,
    runningCount: count,
    pendingCount: count,
    deploymentController: { type: 'string', nullable: true },
    schedulingStrategy: { type: 'string', nullable: true },
    deployments: { type: 'array', items: deploymentSnapshotSchema },
    events: { type: 'array', items: serviceEventSnapshotSchema },
  },
};

export const clusterSnapshotSchema: JSONSchemaType<ClusterSnapshot> = {
  type: 'object',
  required: ['kind', 'cluster', 'region', 'observedAt', 'services', 'missing'],
  properties: {
    kind: { type: 'string', const: 'snapshot' },
    cluster: { type: 'string' },
    region: { type: 'string' },
    account: { type: 'string', nullable: true },
    accountId: { type: 'string', nullable: true },
    observedAt: time,
    services: { type: 'array', items: serviceSnapshotSchema },
    missing: { type: 'array', items: { type: 'string' } },
    partial: { type: 'boolean', nullable: true },
    interim: { type: 'boolean', nullable: true },
    streamed: { type: 'boolean', nullable: true },
    incomplete: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        required: ['name', 'missing'],
        properties: { name: { type: 'string' }, missing: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
};

export const sweepFailureSchema: JSONSchemaType<SweepFailure> = {
  type: 'object',
  required: ['kind', 'cluster', 'region', 'observedAt', 'error'],
  properties: {
    kind: { type: 'string', const: 'failure' },
    cluster: { type: 'string' },
    region: { type: 'string' },
    account: { type: 'string', nullable: true },
    accountId: { type: 'string', nullable: true },
    observedAt: time,
    error: {
      type: 'object',
      required: ['name', 'message'],
      properties: { name: { type: 'string' }, message: { type: 'string' }, code: { type: 'string', nullable: true } },
    },
  },
};
