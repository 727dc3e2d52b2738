import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { requestHandlerOptions } from '../ecs-source/awsTimeouts.js';
import type { AwsTimeouts } from '../ecs-source/awsTimeouts.js';

/**
 * One CloudTrail client per region, built on first use, with the connection and request timeouts
 * of `AwsTimeouts` and one attempt per call: LookupEvents allows 2 requests/s per account and
 * region, and core's enricher paces its calls to that; SDK retries would go around the pacing. A
 * failed lookup only means the message goes out without "deployed by".
 *
 * The SDK's CloudTrail client is loaded with `import()` on the first lookup, so a Mona that
 * never asks who deployed never loads it (issue 13: idle start).
 *
 * @example
 * const cloudTrailFor = cloudTrailClientCache({ requestTimeoutMs: 5_000 });
 * const client = await cloudTrailFor('eu-west-1');
 */
export function cloudTrailClientCache(timeouts: AwsTimeouts = {}): (region: string) => Promise<CloudTrailClient> {
  const clients = new Map<string, Promise<CloudTrailClient>>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = import('@aws-sdk/client-cloudtrail').then(
        ({ CloudTrailClient: Client }) => new Client({ region, maxAttempts: 1, requestHandler: requestHandlerOptions(timeouts) }),
      );
      clients.set(region, client);
    }
    return client;
  };
}
