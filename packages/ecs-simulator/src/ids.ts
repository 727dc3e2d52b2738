/**
 * Identifier and ARN builders in the formats ECS uses (long ARN format), drawing from a seeded
 * random source so that a seeded simulator always produces the same ids.
 */

/** Fake account id used in every ARN, as in the AWS documentation examples. */
export const ACCOUNT_ID = '123456789012';

/**
 * Makes the id generators of one simulator.
 *
 * @example
 * const ids = createIds(seededRandom(1));
 * ids.deploymentId(); // 'ecs-svc/4718390128370123456' (19 digits)
 */
export function createIds(random: () => number) {
  const hex = (n: number): string => {
    let out = '';
    for (let i = 0; i < n; i += 1) out += Math.floor(random() * 16).toString(16);
    return out;
  };
  const digits = (n: number): string => {
    let out = String(1 + Math.floor(random() * 9));
    for (let i = 1; i < n; i += 1) out += String(Math.floor(random() * 10));
    return out;
  };
  return {
    taskId: (): string => hex(32),
    deploymentId: (): string => `ecs-svc/${digits(19)}`,
    uuid: (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  };
}

/** The id generators of one simulator. */
export type Ids = ReturnType<typeof createIds>;

/**
 * ARN builders for one region of one account (default the documentation's `123456789012`).
 *
 * @example
 * arns('eu-west-1').service('prod', 'api'); // 'arn:aws:ecs:eu-west-1:123456789012:service/prod/api'
 * arns('eu-west-1', '111111111111').cluster('prod'); // 'arn:aws:ecs:eu-west-1:111111111111:cluster/prod'
 */
export function arns(region: string, accountId: string = ACCOUNT_ID) {
  const prefix = `arn:aws:ecs:${region}:${accountId}`;
  return {
    cluster: (cluster: string): string => `${prefix}:cluster/${cluster}`,
    service: (cluster: string, name: string): string => `${prefix}:service/${cluster}/${name}`,
    task: (cluster: string, id: string): string => `${prefix}:task/${cluster}/${id}`,
    taskDefinition: (family: string, revision: number): string => `${prefix}:task-definition/${family}:${revision}`,
  };
}

/** ARN builders for one region. */
export type Arns = ReturnType<typeof arns>;

/**
 * The last segment of a name-or-ARN parameter, as ECS accepts either.
 *
 * @example
 * lastSegment('arn:aws:ecs:eu-west-1:123456789012:service/prod/api'); // 'api'
 * lastSegment('api'); // 'api'
 */
export function lastSegment(nameOrArn: string): string {
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  const slash = nameOrArn.lastIndexOf('/');
  return slash >= 0 ? nameOrArn.slice(slash + 1) : nameOrArn.slice(nameOrArn.lastIndexOf(':') + 1);
}
