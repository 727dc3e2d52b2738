import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import type { DescribeServicesCommandOutput } from '@aws-sdk/client-ecs';
import type { Logger } from '../model/logger.js';
import { isGone } from '../model/snapshot.js';
import type { ClusterRef, IncompleteService, ServiceSnapshot, SweepOutcome } from '../model/snapshot.js';
import { callEcs } from './callEcs.js';
import type { EcsCallContext } from './callEcs.js';
import type { EventCursors } from './EventCursors.js';
import { mapBounded } from './mapBounded.js';
import { serviceNameFromArn } from './serviceNameFromArn.js';
import { sweepFailure } from './sweepFailure.js';
import { incompleteFields, toServiceSnapshot } from './toServiceSnapshot.js';
import { TAKE_SERVICES_OPTIONS, takeServices } from './takeServices.js';
import type { TakenServices } from './takeServices.js';

/** DescribeServices accepts at most 10 services per call. */
export const DESCRIBE_BATCH_SIZE = 10;

export interface DescribeClusterOptions {
  maxConcurrency: number;
  cursors: EventCursors;
  logger?: Logger | undefined;
  /** Events per service the cursors can keep; the answer is parsed once, the rest never become objects. */
  maxEvents?: number | undefined;
}

type BatchResult = { ok: true; output: DescribeServicesCommandOutput } | { ok: false; error: unknown };

/**
 * Describes `names` in batches of 10, at most `maxConcurrency` in flight, and folds the answers
 * into one outcome. A failed batch leaves its services unknown (`partial: true`), never missing;
 * only when every batch fails is the sweep a `SweepFailure`.
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
  const results = await mapBounded(batches, options.maxConcurrency, (batch) => describeBatch(ctx, ref.cluster, batch, options.maxEvents));
  const failed = results.filter((r): r is { ok: false; error: unknown } => !r.ok);
  const first = failed[0];
  if (first && failed.length === batches.length) return sweepFailure(ref, ctx.now(), first.error);
  const services: ServiceSnapshot[] = [];
  const missing: string[] = [];
  const incomplete: IncompleteService[] = [];
  let partial = failed.length > 0;
  for (const result of results) {
    if (result.ok) partial = collect(result.output, { services, missing, incomplete }, options) || partial;
  }
  for (const f of failed) options.logger?.warn({ cluster: ref.cluster, err: f.error }, 'DescribeServices batch failed');
  return {
    kind: 'snapshot',
    cluster: ref.cluster,
    region: ref.region,
    observedAt: ctx.now(),
    services,
    missing,
    ...(partial ? { partial: true } : {}),
    ...(incomplete.length > 0 ? { incomplete } : {}),
  };
}

async function describeBatch(
  ctx: EcsCallContext,
  cluster: string,
  services: string[],
  maxEvents: number | undefined,
): Promise<BatchResult> {
  try {
    // One holder per call: an SDK retry runs the middleware again and overwrites it with the answer that succeeded.
    const taken: TakenServices = {};
    const output = await callEcs(ctx, 'DescribeServices', (client, options) => {
      const command = new DescribeServicesCommand({ cluster, services });
      if (maxEvents !== undefined) command.middlewareStack.add(takeServices(maxEvents, taken), TAKE_SERVICES_OPTIONS);
      return client.send(command, options);
    });
    return { ok: true, output: taken.services ? { ...output, services: taken.services } : output };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Adds one batch's services and MISSING failures; returns true if some services stay unknown. */
function collect(
  output: DescribeServicesCommandOutput,
  into: { services: ServiceSnapshot[]; missing: string[]; incomplete: IncompleteService[] },
  options: DescribeClusterOptions,
): boolean {
  const { cursors } = options;
  const { services, missing, incomplete } = into;
  for (const service of output.services ?? []) {
    const name = service.serviceName ?? serviceNameFromArn(service.serviceArn ?? '');
    // Listed as missing, and kept in `services` too so the reducer can say why it went.
    if (isGone(service.status)) {
      missing.push(name);
      cursors.forget(name);
      // Its events are of no use any more: skip the cursor work.
      services.push(toServiceSnapshot(service, []));
    } else {
      // Without its counts the service's state is unknown, never zero (the source logs it once).
      const gaps = incompleteFields(service);
      if (gaps.length > 0) incomplete.push({ name, missing: gaps });
      else services.push(toServiceSnapshot(service, cursors.take(name, service.events)));
    }
  }
  let unknown = false;
  for (const failure of output.failures ?? []) {
    const name = serviceNameFromArn(failure.arn ?? '');
    if (failure.reason === 'MISSING') {
      missing.push(name);
      cursors.forget(name);
    } else {
      // Any other reason (access denied, …) says nothing about the service: unknown, not gone.
      unknown = true;
      options.logger?.warn({ service: name, reason: failure.reason, detail: failure.detail }, 'DescribeServices failure');
    }
  }
  return unknown;
}
