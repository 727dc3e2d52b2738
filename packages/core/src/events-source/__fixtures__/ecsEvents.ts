/** EventBridge `aws.ecs` events shaped as the AWS documentation shows them, for the tests. */
const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';

const base = (detailType: string, resources: string[], detail: Record<string, unknown>) => ({
  version: '0',
  id: 'ddca6449-b258-46c0-8653-e0e3a6EXAMPLE',
  'detail-type': detailType,
  source: 'aws.ecs',
  account: ACCOUNT,
  time: '2025-01-01T12:00:00Z',
  region: REGION,
  resources,
  detail,
});

export const serviceArn = (cluster: string, name: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${cluster}/${name}`;
export const clusterArn = (cluster: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${cluster}`;

export function deploymentEvent(cluster: string, service: string, eventName = 'SERVICE_DEPLOYMENT_IN_PROGRESS') {
  return base('ECS Deployment State Change', [serviceArn(cluster, service)], {
    eventType: 'INFO',
    eventName,
    deploymentId: 'ecs-svc/123',
    updatedAt: '2025-01-01T11:59:59Z',
    reason: 'ECS deployment ecs-svc/123 in progress.',
  });
}

export function serviceAction(cluster: string, service: string, eventName = 'SERVICE_STEADY_STATE') {
  return base('ECS Service Action', [serviceArn(cluster, service)], { eventType: 'INFO', eventName, clusterArn: clusterArn(cluster) });
}

export function taskEvent(cluster: string, group: string, lastStatus = 'STOPPED') {
  const taskArn = `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${cluster}/abc123`;
  return base('ECS Task State Change', [taskArn], {
    clusterArn: clusterArn(cluster),
    taskArn,
    taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/api:7`,
    group,
    startedBy: 'ecs-svc/123',
    lastStatus,
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    stoppedAt: '2025-01-01T11:59:58Z',
    containers: [{ name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage', lastStatus: 'STOPPED' }],
  });
}

/** The event wrapped as an SNS topic delivers it to a subscribed queue (raw delivery off). */
export function inSnsEnvelope(event: unknown) {
  return {
    Type: 'Notification',
    MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:ecs-events`,
    Message: JSON.stringify(event),
    Timestamp: '2025-01-01T12:00:01.000Z',
  };
}
