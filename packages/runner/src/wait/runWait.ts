import { monitorClusters } from '@mona-ecs/core';
import { createEcsEnricher, createEcsSource, ecsClientCache, enrichEvents } from '@mona-ecs/core/ecs';
import { reduce } from '@mona-ecs/core/pipeline';
import type { ClusterRef, Logger, MonitorEvent, MonitorOptions } from '@mona-ecs/core';
import type { SnapshotSource } from '@mona-ecs/core/ecs';
import type { MonitorConfig, Reducer } from '@mona-ecs/core/pipeline';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { timer } from 'rxjs';
import type { SchedulerLike, Subscription } from 'rxjs';
import { createWaitPrinter } from './createWaitPrinter.js';
import type { ProgressStream } from './createWaitPrinter.js';
import { observeSweep } from './observeSweep.js';
import { waitTimeoutEvent } from './waitTimeoutEvent.js';
import { initialWait, shouldStop } from './WaitProgress.js';
import type { WaitProgress, WaitTargets } from './WaitProgress.js';

/** What to wait for, from the flags (and the config, when given). */
export interface WaitRequest {
  cluster: string;
  region: string;
  services: string[];
  targets: WaitTargets;
  timeoutMs: number;
  intervalSeconds: number;
  /** Reducer settings (`secondsUntilAlert`, …). */
  monitor: Partial<MonitorConfig>;
  /** Look up stopped tasks and their reasons for the failure report. */
  enrich: boolean;
  enrichBudgetMs?: number;
  /** Explicit ECS endpoint (an emulator); the SDK's `AWS_ENDPOINT_URL_ECS` otherwise. */
  endpoint?: string;
  /** Role to assume for the cluster (`--role-arn`), with its external id (`--external-id`). */
  roleArn?: string;
  externalId?: string;
  /** The cluster's account label and id (from the role or the config). */
  account?: string;
  accountId?: string;
}

/** The outside world of a wait; tests inject the ECS client or a whole source and the scheduler. */
export interface WaitDeps {
  /** Default: one ECS client per account and region (standard AWS configuration, through `--role-arn`). */
  clientFor?: (region: string, account?: string) => ECSClient;
  /** Default: the ECS source over `clientFor`, describing only the named services. */
  source?: SnapshotSource;
  scheduler?: SchedulerLike;
  logger?: Logger;
}

/**
 * Follows each named service's deployment with Mona's monitoring stream (`monitorClusters`, the
 * same reducer as `mona run`) until every one ended, one failed, or the timeout passed, printing
 * progress on `progress`. Resolves with the final progress; `waitExitCode` turns it into an exit
 * code. Terminal events come back enriched (stop reasons) when enrichment is on.
 *
 * @example
 * const result = await runWait(request, {}, process.stderr);
 * process.exitCode = waitExitCode(result);
 */
export function runWait(request: WaitRequest, deps: WaitDeps, progressStream: ProgressStream): Promise<WaitProgress> {
  const printer = createWaitPrinter(progressStream);
  const enriched = new Map<string, MonitorEvent>();
  let progress = initialWait(request.cluster, request.region, request.services, request.targets);
  return new Promise<WaitProgress>((resolve, reject) => {
    let done = false;
    const subscriptions: Subscription[] = [];
    const finish = (final: WaitProgress) => {
      if (done) return;
      done = true;
      for (const s of subscriptions) s.unsubscribe();
      resolve(withEnrichedEvents(final, enriched));
    };
    const check = () => {
      if (!done && shouldStop(progress) && progress.services.every((s) => s.events.every((e) => enriched.has(e.id)))) finish(progress);
    };
    const reducer: Reducer = (state, outcome, config) => {
      const result = reduce(state, outcome, config);
      progress = observeSweep(progress, outcome, result);
      printer.update(progress);
      // After this sweep's events have left the stream (at once without enrichment).
      void Promise.resolve().then(check);
      return result;
    };
    const options = streamOptions(request, deps, reducer);
    subscriptions.push(
      timer(request.timeoutMs, deps.scheduler).subscribe(() => finish(timedOut(progress, request.timeoutMs / 1000))),
      monitorClusters(options).subscribe({
        next: (event) => {
          enriched.set(event.id, event);
          check();
        },
        error: (error: unknown) => {
          done = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      }),
    );
  }).then((final) => {
    printer.finish(final, request.timeoutMs / 1000);
    return final;
  });
}

function streamOptions(request: WaitRequest, deps: WaitDeps, reducer: Reducer): MonitorOptions {
  const endpoint = request.endpoint ? { endpoint: request.endpoint } : {};
  const logger = deps.logger;
  const cluster = clusterRefOf(request);
  // The same client and limiter (per account and region) as a `mona run` in this process would use.
  const clientFor = deps.clientFor ?? ecsClientCache({ ...endpoint, ...(logger ? { logger } : {}) }, [cluster]);
  const options: MonitorOptions = {
    clusters: [cluster],
    checkIntervalSeconds: request.intervalSeconds,
    source:
      deps.source ?? createEcsSource({ serviceNamesOverride: request.services, clientFor, ...endpoint, ...(logger ? { logger } : {}) }),
    monitor: request.monitor,
    reducer,
    // The periodic state log is for a long-running monitor; the progress lines cover it here.
    logInterval: Number.MAX_SAFE_INTEGER,
  };
  if (logger) options.logger = logger;
  if (deps.scheduler) options.scheduler = deps.scheduler;
  if (request.enrich) {
    // With the source's endpoint: both pace against one bucket of the region (see sharedRateLimiter).
    const enricher = createEcsEnricher({ clientFor, ...endpoint, ...(logger ? { logger } : {}) });
    options.enrich = enrichEvents(enricher, {
      ...(request.enrichBudgetMs !== undefined ? { budgetMs: request.enrichBudgetMs } : {}),
      ...(logger ? { logger } : {}),
      ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
    });
  }
  return options;
}

function clusterRefOf(request: WaitRequest): ClusterRef {
  const ref: ClusterRef = { cluster: request.cluster, region: request.region };
  if (request.roleArn) ref.roleArn = request.roleArn;
  if (request.externalId) ref.externalId = request.externalId;
  if (request.account) ref.account = request.account;
  if (request.accountId) ref.accountId = request.accountId;
  return ref;
}

/** Every service still waiting has timed out (with the last sweep error as reason); those following a deployment get a timeout event to send. */
function timedOut(progress: WaitProgress, timeoutSeconds: number): WaitProgress {
  const services = progress.services.map((wait) => {
    if (wait.status !== 'waiting') return wait;
    const event = waitTimeoutEvent(progress, wait, timeoutSeconds);
    // Sweeps still failing at the deadline (no credentials, access denied) are why it timed out: say so.
    const reason = wait.reason ?? (progress.sweepError !== undefined ? `the last sweep failed: ${progress.sweepError}` : undefined);
    return {
      ...wait,
      status: 'timedOut' as const,
      events: event ? [...wait.events, event] : wait.events,
      ...(reason !== undefined ? { reason } : {}),
    };
  });
  return { ...progress, services };
}

function withEnrichedEvents(progress: WaitProgress, enriched: ReadonlyMap<string, MonitorEvent>): WaitProgress {
  return { ...progress, services: progress.services.map((s) => ({ ...s, events: s.events.map((e) => enriched.get(e.id) ?? e) })) };
}
