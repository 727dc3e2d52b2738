import picomatch from 'picomatch';
import type { Logger, MonitorEvent } from '@mona-ecs/core';

/** A watched cluster, as the config resolves it. */
export interface RoutedCluster {
  cluster: string;
  region: string;
}

/**
 * Watch the start-up events (`MonitorStarted` carries the first sweep's service names) of the
 * clusters a sender is routed to; once every one of them has started, log one warning naming
 * the sender's `services` globs that matched none of their services: a typo there mutes the
 * sender without any error. Later services can still match, so it is a warning, logged once.
 *
 * @example
 * const observe = watchUnmatchedGlobs(['api-*'], [{ cluster: 'prod', region: 'eu-west-1' }], logger);
 * observe(monitorStartedEvent); // warns if no service of prod is named api-*
 */
export function watchUnmatchedGlobs(
  globs: readonly string[],
  clusters: readonly RoutedCluster[],
  logger: Logger,
): (event: MonitorEvent) => void {
  const waiting = new Set(clusters.map(keyOf));
  const seen = new Set<string>();
  let done = globs.length === 0 || waiting.size === 0;
  return (event) => {
    if (done || event.type !== 'MonitorStarted' || !waiting.has(keyOf(event))) return;
    waiting.delete(keyOf(event));
    for (const name of event.serviceNames) seen.add(name);
    if (waiting.size > 0) return;
    done = true;
    const unmatched = globs.filter((glob) => {
      const matches = picomatch(glob);
      return ![...seen].some((name) => matches(name));
    });
    if (unmatched.length === 0) return;
    logger.warn(
      { services: unmatched, clusters: clusters.map((c) => c.cluster), servicesSeen: seen.size },
      `services ${unmatched.map((g) => `"${g}"`).join(', ')} ${unmatched.length === 1 ? 'matches' : 'match'} no service at start-up: check the globs (they are case-sensitive); this sender receives only services created later that match`,
    );
  };
}

function keyOf(c: RoutedCluster): string {
  return `${c.region}/${c.cluster}`;
}
