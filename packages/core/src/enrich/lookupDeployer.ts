import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { Limiter } from './Limiter.js';

/** CloudTrail events this far either side of the deployment's creation are considered. */
export const DEPLOYER_WINDOW_MS = 5 * 60_000;

/**
 * Pages of 50 read per event name: LookupEvents filters on the event name only, so in a busy
 * account other services' UpdateService calls fill the first page. 4 pages (200 calls in 10
 * minutes) at 2 requests/s bound the lookup to about 4 s; the time budget still caps it.
 */
export const DEPLOYER_MAX_PAGES = 4;

export interface DeployerQuery {
  cluster: string;
  service: string;
  /** The deployment's `createdAt` (epoch ms). */
  createdAt: number;
}

/** The fields of a CloudTrail record that name the caller and the service. */
interface TrailRecord {
  eventTime?: string;
  userIdentity?: {
    arn?: string;
    principalId?: string;
    invokedBy?: string;
    sessionContext?: { sessionIssuer?: { arn?: string } };
  };
  requestParameters?: { service?: string; serviceName?: string; cluster?: string } | null;
}

/**
 * Who started a deployment: the principal of the `UpdateService` (else `CreateService`) call
 * for this service closest to the deployment's creation, from CloudTrail LookupEvents. One
 * request per event name (LookupEvents filters on a single attribute), each through the
 * CloudTrail limiter: CloudTrail allows 2 LookupEvents per second per account and region.
 * Undefined when CloudTrail has no matching record (yet: delivery can lag by minutes).
 *
 * @example
 * await lookupDeployer(cloudTrail, limiter, { cluster: 'prod', service: 'api', createdAt }, signal);
 * // 'arn:aws:sts::123456789012:assumed-role/deployer/jane'
 */
export async function lookupDeployer(
  client: CloudTrailClient,
  limiter: Limiter,
  query: DeployerQuery,
  signal: AbortSignal,
): Promise<string | undefined> {
  for (const eventName of ['UpdateService', 'CreateService']) {
    const records = await matchingRecords(client, limiter, query, eventName, signal);
    const closest = closestTo(records, query.createdAt);
    if (closest) return principalOf(closest);
  }
  return undefined;
}

/** This service's records of one event name in the window, over at most `DEPLOYER_MAX_PAGES` pages. */
async function matchingRecords(
  client: CloudTrailClient,
  limiter: Limiter,
  query: DeployerQuery,
  eventName: string,
  signal: AbortSignal,
): Promise<TrailRecord[]> {
  // Loaded on the first lookup only: a Mona that never asks who deployed never loads CloudTrail's SDK.
  const { LookupEventsCommand } = await import('@aws-sdk/client-cloudtrail');
  const found: TrailRecord[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < DEPLOYER_MAX_PAGES; page++) {
    await limiter.acquire(signal);
    const out = await client.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
        StartTime: new Date(query.createdAt - DEPLOYER_WINDOW_MS),
        EndTime: new Date(query.createdAt + DEPLOYER_WINDOW_MS),
        MaxResults: 50,
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
      { abortSignal: signal },
    );
    for (const event of out.Events ?? []) {
      const record = parse(event.CloudTrailEvent);
      if (record && matches(record, query)) found.push(record);
    }
    nextToken = out.NextToken;
    // Records come newest first: once this service has one, older pages are farther from the deployment.
    if (!nextToken || found.length > 0) break;
  }
  return found;
}

function parse(json: string | undefined): TrailRecord | undefined {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as TrailRecord;
  } catch {
    // A record CloudTrail could not serialise is one we cannot attribute; the others still count.
    return undefined;
  }
}

/** Names or ARNs; a call without `cluster` went to the cluster named `default`. */
function sameName(value: string | undefined, name: string): boolean {
  return value === name || (value?.endsWith(`/${name}`) ?? false);
}

function matches(record: TrailRecord, query: DeployerQuery): boolean {
  const params = record.requestParameters ?? {};
  const service = params.service ?? params.serviceName;
  return sameName(service, query.service) && sameName(params.cluster ?? 'default', query.cluster);
}

function closestTo(records: TrailRecord[], at: number): TrailRecord | undefined {
  let best: TrailRecord | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const record of records) {
    const distance = Math.abs(Date.parse(record.eventTime ?? '') - at);
    if (distance < bestDistance) [best, bestDistance] = [record, distance];
  }
  return best;
}

/** An assumed role's ARN already names the session (`…:assumed-role/deployer/jane`). */
function principalOf(record: TrailRecord): string | undefined {
  const identity = record.userIdentity;
  if (!identity) return undefined;
  if (identity.arn) return identity.arn;
  const issuer = identity.sessionContext?.sessionIssuer?.arn;
  const session = identity.principalId?.split(':')[1];
  if (issuer) return session ? `${issuer}/${session}` : issuer;
  return identity.invokedBy ?? identity.principalId;
}
