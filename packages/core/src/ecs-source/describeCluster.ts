import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import type { DescribeServicesCommandOutput } from '@aws-sdk/client-ecs';
import type { Logger } from '../model/logger.js';
import type { OnPart } from '../model/source.js';
import { isGone } from '../model/snapshot.js';
import type { ClusterRef, ClusterSnapshot, IncompleteService, ServiceSnapshot, SweepOutcome } from '../model/snapshot.js';
import { callEcs } from './callEcs.js';
import type { EcsCallContext } from './callEcs.js';
import type { EventCursors } from './EventCursors.js';
import { mapBounded } from './mapBounded.js';
import { serviceNameFromArn } from './serviceNameFromArn.js';
import { sweepFailure } from './sweepFailure.js';
import { incompleteFields, toServiceSnapshot } from './toServiceSnapshot.js';
import { keepEventsFor } from './takeServices.js';
import { prepareEcsClient } from './createEcsClient.js';

/** DescribeServices accepts at most 10 services per call. */
export const DESCRIBE_BATCH_SIZE = 10;

export interface DescribeClusterOptions {
  maxConcurrency: number;
  cursors: EventCursors;
  logger?: Logger | undefined;
  /** Events per service the cursors can keep; the answer is parsed once, the rest never become objects. */
  maxEvents?: number | undefined;
  /**
   * Takes each batch as it lands, as an `interim` snapshot (its services and ECS's verdicts on
   * them), so the reducer need not wait for the sweep; the outcome is then marked `streamed`.
   */
  onPart?: OnPart | undefined;
}

type BatchResult = { ok: true; batch: string[]; output: DescribeServicesCommandOutput } | { ok: false; error: unknown };
/** A batch as it landed: converted at once (its raw answer is garbage from then on), or its error. */
type Landed = { ok: true; collected: Collected } | { ok: false; error: unknown };

/**
 * Describes `names` in batches of 10, at most `maxConcurrency` in flight, and folds the answers
 * into one outcome. Only a verdict of ECS removes a service: MISSING in `failures`, or a
 * DRAINING/INACTIVE status. A service of a failed batch, or one that a 200 answer simply leaves
 * out (`{}`, `"services": null`, an empty list), is unknown this tick: the snapshot is `partial`
 * and the service is in neither list, so the reducer leaves it as it was (DESIGN §3). Only when
 * every batch fails is the sweep a `SweepFailure`. Each batch is converted as it lands, and with
 * `onPart` passed on at once as an `interim` snapshot (the outcome is then `streamed`).
 *
 * @example
 * const outcome = await describeCluster(ctx, { cluster: 'prod', region: 'eu-west-1' }, ['api'], { maxConcurrency: 4, cursors });
 */
export async function describeCluster(
  ctx: EcsCallContext,
  ref: ClusterRef,
  names: readonly string[],
  options: DescribeClusterOptions,
): Promise<SweepOutcome> {
  const batches: string[][] = [];
  for (let i = 0; i < names.length; i += DESCRIBE_BATCH_SIZE) batches.push(names.slice(i, i + DESCRIBE_BATCH_SIZE));
  prepareEcsClient(ctx.client);
  const { onPart } = options;
  const results = await mapBounded(batches, options.maxConcurrency, async (batch): Promise<Landed> => {
    const result = await describeBatch(ctx, ref.cluster, batch, options.maxEvents);
    if (!result.ok) return result;
    const collected: Collected = { services: [], missing: [], unanswered: [], incomplete: [] };
    collect(result.batch, result.output, collected, options);
    if (onPart && !ctx.signal?.aborted) onPart(partOf(ref, ctx.now(), collected));
    return { ok: true, collected };
  });
  const failed = results.filter((r): r is { ok: false; error: unknown } => !r.ok);
  const first = failed[0];
  if (first && failed.length === batches.length) return sweepFailure(ref, ctx.now(), first.error);
  const services: ServiceSnapshot[] = [];
  const missing: string[] = [];
  const unanswered: string[] = [];
  const incomplete: IncompleteService[] = [];
  for (const result of results) {
    if (!result.ok) continue;
    services.push(...result.collected.services);
    missing.push(...result.collected.missing);
    unanswered.push(...result.collected.unanswered);
    incomplete.push(...result.collected.incomplete);
  }
  for (const f of failed) options.logger?.warn({ cluster: ref.cluster, err: f.error }, 'DescribeServices batch failed');
  if (unanswered.length > 0) {
    options.logger?.warn(
      { cluster: ref.cluster, count: unanswered.length, services: unanswered.slice(0, 10) },
      'DescribeServices answered without these services: unknown this sweep, not removed',
    );
  }
  const partial = failed.length > 0 || unanswered.length > 0;
  return {
    kind: 'snapshot',
    cluster: ref.cluster,
    region: ref.region,
    observedAt: ctx.now(),
    services,
    missing,
    ...(incomplete.length > 0 ? { incomplete } : {}),
    ...(partial ? { partial: true } : {}),
    ...(onPart ? { streamed: true } : {}),
  };
}

/** One landed batch as an interim snapshot: its services and verdicts, nothing concluded from the rest. */
function partOf(ref: ClusterRef, observedAt: number, collected: Collected): ClusterSnapshot {
  const { services, missing, incomplete } = collected;
  return {
    kind: 'snapshot',
    cluster: ref.cluster,
    region: ref.region,
    observedAt,
    services,
    missing,
    ...(incomplete.length > 0 ? { incomplete } : {}),
    interim: true,
  };
}

async function describeBatch(ctx: EcsCallContext, cluster: string, batch: string[], maxEvents: number | undefined): Promise<BatchResult> {
  try {
    const input = { cluster, services: batch };
    if (maxEvents !== undefined) keepEventsFor(input, maxEvents);
    const output = await callEcs(ctx, 'DescribeServices', (client) => client.send(new DescribeServicesCommand(input)));
    return { ok: true, batch, output };
  } catch (error) {
    return { ok: false, error };
  }
}

interface Collected {
  services: ServiceSnapshot[];
  missing: string[];
  /** Asked for, but the answer has neither the service nor a failure for it. */
  unanswered: string[];
  /** Answered without what the reducer needs (counts, deployments): unknown, never read as zero. */
  incomplete: IncompleteService[];
}

/** Adds one batch's services and verdicts; the services it asked for and got no word on go to `unanswered`. */
function collect(batch: readonly string[], output: DescribeServicesCommandOutput, into: Collected, options: DescribeClusterOptions): void {
  const { cursors } = options;
  const answered = new Set<string>();
  // `services` and `failures` may be absent or null in a 200 answer: that is no verdict, not "none left".
  for (const service of Array.isArray(output.services) ? output.services : []) {
    const name = service.serviceName ?? serviceNameFromArn(service.serviceArn ?? '');
    if (!name) continue;
    answered.add(name);
    // Listed as missing, and kept in `services` too so the reducer can say why it went.
    if (isGone(service.status)) {
      into.missing.push(name);
      cursors.forget(name);
      // Its events are of no use any more: skip the cursor work.
      into.services.push(toServiceSnapshot(service, []));
    } else {
      // Without its counts the service's state is unknown, never zero (the source logs it once).
      const gaps = incompleteFields(service);
      if (gaps.length > 0) into.incomplete.push({ name, missing: gaps });
      else into.services.push(toServiceSnapshot(service, cursors.take(name, service.events)));
    }
  }
  for (const failure of Array.isArray(output.failures) ? output.failures : []) {
    const name = serviceNameFromArn(failure.arn ?? '');
    answered.add(name);
    if (failure.reason === 'MISSING') {
      into.missing.push(name);
      cursors.forget(name);
    } else {
      // Any other reason (access denied, …) says nothing about the service: unknown, not gone.
      into.unanswered.push(name);
      options.logger?.warn({ service: name, reason: failure.reason, detail: failure.detail }, 'DescribeServices failure');
    }
  }
  for (const asked of batch) {
    const name = serviceNameFromArn(asked);
    if (!answered.has(name)) into.unanswered.push(name);
  }
}
