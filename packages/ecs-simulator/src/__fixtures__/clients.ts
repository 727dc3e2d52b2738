import { ECSClient } from '@aws-sdk/client-ecs';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Simulator } from '../Simulator.js';

const credentials = { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' };

/** A real SDK v3 ECS client pointed at the simulator; no retries, so tests see every answer. */
export function ecsClient(sim: Simulator): ECSClient {
  return new ECSClient({ endpoint: sim.url, region: sim.region, credentials, maxAttempts: 1 });
}

/** A real SDK v3 SNS client pointed at the simulator. */
export function snsClient(sim: Simulator): SNSClient {
  return new SNSClient({ endpoint: sim.url, region: sim.region, credentials, maxAttempts: 1 });
}

/** A real SDK v3 SQS client pointed at the simulator's queue (JSON protocol), no retries. */
export function sqsClient(sim: Simulator): SQSClient {
  return new SQSClient({ endpoint: sim.url, region: sim.region, credentials, maxAttempts: 1 });
}
