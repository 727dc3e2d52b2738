// events-to-jsonl: every Mona event of one ECS cluster as a JSON line, for jq or a log shipper.
// A tool of its own on @mona-ecs/core's stream: the same reducer and events as `mona run`, without
// the runner or any sender. Run: node events-to-jsonl.js prod eu-west-1 | jq 'select(.type == "DeploymentFailed")'
import { pathToFileURL } from 'node:url';
import { monitorCluster } from '@mona-ecs/core';
import type { Subscription } from 'rxjs';

/** Subscribes to the cluster's events; `eventsToJsonl('prod', 'eu-west-1', console.log).unsubscribe()` stops. */
export function eventsToJsonl(cluster: string, region: string, write: (line: string) => void, checkIntervalSeconds = 10): Subscription {
  return monitorCluster({ cluster, region }, { checkIntervalSeconds }).subscribe((event) => write(`${JSON.stringify(event)}\n`));
}

const [cluster, region] = process.argv.slice(2);
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && cluster && region) {
  const subscription = eventsToJsonl(cluster, region, (line) => process.stdout.write(line));
  process.once('SIGINT', () => subscription.unsubscribe());
  process.once('SIGTERM', () => subscription.unsubscribe());
}
