import { ListServicesCommand } from '@aws-sdk/client-ecs';
import { MonaError } from '../errors.js';
import { callEcs } from './callEcs.js';
import type { EcsCallContext } from './callEcs.js';
import { serviceNameFromArn } from './serviceNameFromArn.js';

/** ListServices' maximum page size: one call per 100 services (DESIGN §8). */
const PAGE_SIZE = 100;
/** A guard against a nextToken that never ends: 1,000 pages is 100,000 services, far above ECS quotas. */
const MAX_PAGES = 1000;

/**
 * Every service name of a cluster, paginated with `maxResults: 100`, in ECS's order.
 * Rejects on the first failed page: a partial listing would read as removed services.
 *
 * @example
 * const names = await listServiceNames(ctx, 'prod'); // ['api', 'worker']
 */
export async function listServiceNames(ctx: EcsCallContext, cluster: string): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const input = { cluster, maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) };
    const output = await callEcs(ctx, 'ListServices', (client) => client.send(new ListServicesCommand(input)));
    for (const arn of output.serviceArns ?? []) names.push(serviceNameFromArn(arn));
    nextToken = output.nextToken;
    if (!nextToken) return names;
  }
  throw new MonaError('MONA_LIST_TOO_LONG', `ListServices for cluster ${cluster} returned more than ${MAX_PAGES} pages`);
}
