import { clusterKey } from '../model/clusterKey.js';
import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import { BehaviorSubject, Observable, Subject, from, map } from 'rxjs';
import type { EnrichInput } from '../model/enricher.js';
import type { Logger } from '../model/logger.js';
import type { ClusterRef } from '../model/snapshot.js';
import type { DescribingSource, OnPart } from '../model/source.js';
import type { SweepSource } from '../pipeline/pollClusters.js';
import type { Sweep } from '../pipeline/sweepTicks.js';
import { describeQueue } from './describeQueue.js';
import { DirtyServices } from './DirtyServices.js';
import { DEFAULT_EVENTS_OPTIONS, RECONCILE_SHARE } from './EventsOptions.js';
import type { EventsOptions, MessageResult } from './EventsOptions.js';
import { FreshnessGuard } from './FreshnessGuard.js';
import { parseEcsEvent } from './parseEcsEvent.js';
import { emptyPollStats, pollQueue } from './pollQueue.js';
import type { PollQueueStats } from './pollQueue.js';
import { QueueHealth } from './QueueHealth.js';
import { loadSqsSdk } from './sqsSdk.js';
import { watchedClusters } from './watchedClusters.js';

/** What the pipeline gets from the events input. */
export interface EventsInput {
  /** Interim snapshots of the dirty services; subscribing starts the long pollers, unsubscribing stops them. */
  sweeps$: Observable<Sweep>;
  /** The queue's MonitorDegraded / MonitorRecovered, as enrichment inputs. */
  notices$: Observable<EnrichInput>;
  /** Seconds between full sweeps: the reconciliation interval while events flow, `checkIntervalSeconds` while the queue is down. */
  intervalSeconds$: Observable<number>;
  /** The sweep source with the freshness rule applied, which also tells when a cluster's baseline is in. */
  guard(source: SweepSource): SweepSource;
  stats(): EventsStats;
}

/** Counters of the events input. */
export interface EventsStats extends PollQueueStats {
  /** Messages that marked a service dirty. */
  hints: number;
  malformed: number;
  /** Valid, but nothing to act on (another source or detail type, a task not started by a service). */
  ignored: number;
  /** For a cluster Mona does not watch: deleted and counted. */
  unwatched: number;
  /** Marked dirty but not described (a failed describe): left to come back. */
  retried: number;
  degraded: boolean;
}

/** What the events input needs from the pipeline. */
export interface EventsInputDeps {
  clusters: readonly ClusterRef[];
  source: DescribingSource;
  checkIntervalSeconds: number;
  degradedAfterFailures: number;
  logger?: Logger | undefined;
  now?: () => number;
}

const MAX_RETRY_DELAY_MS = 20_000;

/**
 * The ECS events fast path: long-polls the queue, turns each valid `aws.ecs` event into a dirty
 * mark on its service (never into an event: the reducer reads the described state), describes
 * dirty services within `windowMs` through the source's `describe` (same limiter as the
 * sweep), and switches the sweep to `reconcileIntervalSeconds`, or back to
 * `checkIntervalSeconds` while the queue is unreachable.
 *
 * @example
 * const events = createEventsInput({ sqsQueueUrl }, { clusters, source, checkIntervalSeconds: 5, degradedAfterFailures: 3 });
 * merge(pollClusters(clusters, events.guard(source), { ...settings, intervalSeconds$: events.intervalSeconds$ }), events.sweeps$);
 */
export function createEventsInput(options: EventsOptions, deps: EventsInputDeps): EventsInput {
  const now = deps.now ?? Date.now;
  const logger = deps.logger?.child({ queue: options.sqsQueueUrl });
  const floor = positive(options.reconcileIntervalSeconds, DEFAULT_EVENTS_OPTIONS.reconcileIntervalSeconds);
  const ceiling = Math.max(floor, positive(options.maxReconcileIntervalSeconds, DEFAULT_EVENTS_OPTIONS.maxReconcileIntervalSeconds));
  // The last full sweep's length per cluster: the reconciliation takes at most RECONCILE_SHARE of the time.
  const sweepSeconds = new Map<string, number>();
  const reconcileEvery = (): number => {
    const longest = Math.max(0, ...sweepSeconds.values());
    return Math.min(ceiling, Math.max(floor, Math.ceil(longest / RECONCILE_SHARE)));
  };
  const reconcile = floor;
  const region = options.region ?? regionOfQueueUrl(options.sqsQueueUrl) ?? deps.clusters[0]?.region;
  const health = new QueueHealth(options.sqsQueueUrl.split('/').pop() ?? 'queue', region ?? '', deps.degradedAfterFailures);
  const interval$ = new BehaviorSubject(reconcile);
  const notices$ = new Subject<EnrichInput>();
  const described$ = new Subject<Sweep>();
  const guard = new FreshnessGuard();
  const watched = watchedClusters(deps.clusters);
  const counts = { hints: 0, malformed: 0, ignored: 0, unwatched: 0, retried: 0 };
  const poll = emptyPollStats();
  const noted = new Map<string, number>();
  const dirty = new DirtyServices({
    windowMs: Math.max(0, options.windowMs ?? DEFAULT_EVENTS_OPTIONS.windowMs),
    describe: (ref, names) => deps.source.describe(ref, names),
    emit: (outcome, startedAt) => described$.next({ tick: -1, outcome: guard.admit(outcome, startedAt) }),
    now,
    logger,
  });

  // Logged the first time, then at 10, 100, 1000…: a flood of bad messages is a count, not a log storm.
  const note = (what: 'malformed' | 'unwatched', detail: Record<string, unknown>, message: string): void => {
    const key = `${what}:${JSON.stringify(detail)}`;
    const n = (noted.get(key) ?? 0) + 1;
    noted.set(key, n);
    if (n === 1 || Number.isInteger(Math.log10(n))) logger?.warn({ ...detail, count: n }, message);
  };

  const hook = (call: () => void): void => {
    try {
      call();
    } catch {
      // Observability must never break the input.
    }
  };
  const handleOne = async (message: Message): Promise<boolean> => {
    const handled = await readOne(message);
    hook(() => options.hooks?.onMessage?.(handled.result));
    return handled.delete;
  };
  const readOne = async (message: Message): Promise<{ result: MessageResult; delete: boolean }> => {
    const parsed = parseEcsEvent(message.Body ?? '');
    if (parsed.kind === 'malformed') {
      counts.malformed += 1;
      note('malformed', { reason: parsed.reason }, 'malformed message on the ECS events queue: deleted');
      return { result: 'malformed', delete: true };
    }
    if (parsed.kind === 'ignored') {
      counts.ignored += 1;
      return { result: 'ignored', delete: true };
    }
    const ref = watched(parsed.cluster, parsed.region, parsed.account);
    if (!ref) {
      counts.unwatched += 1;
      note('unwatched', { cluster: parsed.cluster, region: parsed.region }, 'ECS event for a cluster Mona does not watch: deleted');
      return { result: 'unwatched', delete: true };
    }
    counts.hints += 1;
    if (parsed.stoppedTask) options.hints?.record(ref, parsed.service, parsed.stoppedTask);
    if (deps.source.holds?.(ref) === false) {
      // Another replica watches this cluster: the message comes back to it after its visibility timeout.
      counts.retried += 1;
      return { result: 'kept', delete: false };
    }
    const described = await dirty.mark(ref, parsed.service);
    if (!described) counts.retried += 1;
    return { result: described ? 'hint' : 'kept', delete: described };
  };

  const onReceive = (error: unknown): void => {
    hook(() => options.hooks?.onReceive?.(error === undefined));
    if (error === undefined) {
      const recovered = health.succeeded(now());
      if (recovered) {
        logger?.info(
          { durationSeconds: recovered.durationSeconds },
          'ECS events queue answers again: back to reconciling every reconcileIntervalSeconds',
        );
        interval$.next(reconcileEvery());
        notices$.next({ event: recovered });
      }
      return;
    }
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger?.debug({ err: error }, 'ReceiveMessage failed');
    const degraded = health.failed(reason, now());
    if (degraded) {
      logger?.warn({ err: error, failures: degraded.failures }, 'ECS events queue unreachable: polling every checkIntervalSeconds');
      interval$.next(deps.checkIntervalSeconds);
      notices$.next({ event: degraded });
    }
  };

  const sweeps$ = new Observable<Sweep>((subscriber) => {
    const controller = new AbortController();
    const inner = described$.subscribe(subscriber);
    const base = Math.max(1, options.retryDelayMs ?? DEFAULT_EVENTS_OPTIONS.retryDelayMs);
    const start = async (): Promise<void> => {
      const client: SQSClient =
        options.client ??
        new (await loadSqsSdk()).SQSClient({ ...(region ? { region } : {}), ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
      void describeQueue(client, options.sqsQueueUrl, logger);
      await pollQueue(
        {
          client,
          queueUrl: options.sqsQueueUrl,
          pollers: options.pollers ?? DEFAULT_EVENTS_OPTIONS.pollers,
          handle: (messages) => Promise.all(messages.map(handleOne)),
          onReceive,
          retryDelayMs: (attempt) => Math.min(MAX_RETRY_DELAY_MS, base * 2 ** (attempt - 1)),
          signal: controller.signal,
          logger,
        },
        poll,
      ).finally(() => {
        if (!options.client) client.destroy();
      });
    };
    start().catch((error: unknown) => logger?.error({ err: error }, 'the ECS events input could not start'));
    return () => {
      controller.abort();
      dirty.close();
      inner.unsubscribe();
    };
  });

  return {
    sweeps$,
    notices$: notices$.asObservable(),
    intervalSeconds$: interval$.asObservable(),
    guard: (source) => ({
      sweep(ref, tick, signal, onPart) {
        const startedAt = now();
        // A sweep's parts (batches passed on as they land) follow the same rule as its outcome.
        const parts: OnPart | undefined =
          onPart &&
          ((part) => {
            const kept = guard.admit(part, startedAt);
            if (kept.kind === 'snapshot') onPart(kept);
          });
        return from(source.sweep(ref, tick, signal, parts)).pipe(
          map((outcome) => {
            if (outcome.kind === 'snapshot' && outcome.partial !== true) dirty.baselined(ref);
            if (outcome.kind === 'snapshot') {
              sweepSeconds.set(clusterKey(ref), (now() - startedAt) / 1000);
              const every = reconcileEvery();
              if (!health.degraded && every !== interval$.value) interval$.next(every);
            }
            return guard.admit(outcome, startedAt);
          }),
        );
      },
    }),
    stats: () => ({ ...poll, ...counts, degraded: health.degraded }),
  };
}

/** `https://sqs.eu-west-1.amazonaws.com/…` (or the legacy `eu-west-1.queue.amazonaws.com`) → `eu-west-1`. */
function regionOfQueueUrl(url: string): string | undefined {
  const host = /^https?:\/\/([^/]+)/.exec(url)?.[1] ?? '';
  return /^sqs\.([a-z0-9-]+)\.amazonaws\.com/.exec(host)?.[1] ?? /^([a-z0-9-]+)\.queue\.amazonaws\.com/.exec(host)?.[1];
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
