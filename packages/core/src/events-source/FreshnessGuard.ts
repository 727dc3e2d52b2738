import { clusterKey } from '../model/clusterKey.js';
import type { SweepOutcome } from '../model/snapshot.js';

/**
 * Newest request wins: with ECS events on, a sweep and the describes of dirty services run side
 * by side, and a long sweep can land after a describe that read a service later. Each outcome
 * comes with the time its calls started; a service whose state already came from calls that
 * started later is dropped from the outcome (a sweep's outcome becomes `partial`: unknown, not
 * removed; a part or a describe, `interim`, concludes nothing from what it lacks anyway), so
 * the reducer never reads a service going back in time. The start of a run is at or before each
 * of its calls, so the rule may drop a fresh answer, never keep a stale one.
 *
 * @example
 * const guard = new FreshnessGuard();
 * const kept = guard.admit(outcome, startedAt);
 */
export class FreshnessGuard {
  private readonly readAt = new Map<string, Map<string, number>>();

  admit(outcome: SweepOutcome, startedAt: number): SweepOutcome {
    if (outcome.kind !== 'snapshot') return outcome;
    const key = clusterKey(outcome);
    let seen = this.readAt.get(key);
    if (!seen) this.readAt.set(key, (seen = new Map()));
    const fresh = (name: string): boolean => (seen.get(name) ?? Number.NEGATIVE_INFINITY) <= startedAt;
    const services = outcome.services.filter((s) => fresh(s.name));
    const missing = outcome.missing.filter(fresh);
    const incomplete = outcome.incomplete?.filter((s) => fresh(s.name));
    for (const s of services) seen.set(s.name, startedAt);
    for (const name of missing) seen.delete(name);
    const dropped =
      services.length !== outcome.services.length ||
      missing.length !== outcome.missing.length ||
      (incomplete?.length ?? 0) !== (outcome.incomplete?.length ?? 0);
    if (!dropped) return outcome;
    return {
      ...outcome,
      services,
      missing,
      ...(incomplete && incomplete.length > 0 ? { incomplete } : {}),
      ...(outcome.interim ? {} : { partial: true }),
    };
  }
}
