import { ReceiveMessageCommand, DeleteMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { isMonaError } from '../testing/isMonaError.js';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';
import { monitorClusters } from '../pipeline/monitorClusters.js';
import { buildDeployment, buildService, buildSnapshot } from '../testing/builders.js';
import { deploymentEvent, REGION } from './__fixtures__/ecsEvents.js';

const PROD: ClusterRef = { cluster: 'prod', region: REGION };
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/mona-events';
const sqsMock = mockClient(SQSClient);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => sqsMock.reset());

describe('the ECS events input in the stream', () => {
  it('refuses an injected source without describe, naming the fix', () => {
    const error = (() => {
      try {
        monitorClusters({
          clusters: [PROD],
          source: { sweep: () => Promise.resolve(buildSnapshot()) },
          events: { sqsQueueUrl: QUEUE_URL },
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();

    expect(isMonaError(error, 'MONA_EVENTS_CONFIG')).toBe(true);
  });

  it('reports a deployment an event announced long before the next reconciliation sweep', async () => {
    // Prepare: the baseline has api on deployment 1; the event's describe sees deployment 2.
    let version = 1;
    const service = () =>
      buildService({
        name: 'api',
        deployments: [
          buildDeployment({
            id: `ecs-svc/${version}`,
            taskDefinition: `api:${version}`,
            rolloutState: version === 1 ? 'COMPLETED' : 'IN_PROGRESS',
          }),
        ],
      });
    const source = {
      sweep: (ref: ClusterRef): Promise<SweepOutcome> =>
        Promise.resolve(buildSnapshot({ cluster: ref.cluster, region: ref.region, services: [service()] })),
      describe: (ref: ClusterRef): Promise<SweepOutcome> =>
        Promise.resolve(buildSnapshot({ cluster: ref.cluster, region: ref.region, services: [service()], interim: true })),
    };
    let sent = false;
    sqsMock.on(ReceiveMessageCommand).callsFake(async () => {
      await sleep(20);
      if (sent) return {};
      sent = true;
      version = 2;
      return { Messages: [{ MessageId: 'm1', ReceiptHandle: 'h1', Body: JSON.stringify(deploymentEvent('prod', 'api')) }] };
    });
    sqsMock.on(DeleteMessageBatchCommand).resolves({ Successful: [{ Id: '0' }], Failed: [] });

    // Act
    const events = await firstValueFrom(
      monitorClusters({
        clusters: [PROD],
        source,
        checkIntervalSeconds: 5,
        events: { sqsQueueUrl: QUEUE_URL, client: new SQSClient({ region: REGION }), windowMs: 10, reconcileIntervalSeconds: 3600 },
      }).pipe(
        filter((e) => e.type !== 'MonitorStarted'),
        take(1),
        toArray(),
      ),
    );

    // Assess
    expect(events.map((e) => e.type)).toEqual(['DeploymentStarted']);
    for (let i = 0; i < 100 && sqsMock.commandCalls(DeleteMessageBatchCommand).length === 0; i += 1) await sleep(10);
    expect(sqsMock.commandCalls(DeleteMessageBatchCommand)).toHaveLength(1);
  });
});
