import type { Logger } from '../model/logger.js';
import type { ClusterRef, SweepOutcome } from '../model/snapshot.js';

/**
 * Logs a service whose answers lack what the reducer needs once, not every sweep: a warning
 * the first time (with the missing fields); later incomplete answers of that service only at
 * debug, however often ECS (or a proxy in front of it) flips between complete and incomplete
 * answers. One per cluster, kept by the ECS source across sweeps; the reducer is pure and only
 * leaves such services untouched.
 *
 * @example
 * const log = new IncompleteLog();
 * log.note({ cluster: 'prod', region: 'eu-west-1' }, outcome, logger);
 * // {"level":40,"cluster":"prod","service":"api","missing":["runningCount"],"msg":"ECS answered for a service without its counts: …"}
 */
export class IncompleteLog {
  private readonly logged = new Set<string>();

  note(ref: ClusterRef, outcome: SweepOutcome, logger: Logger | undefined): void {
    if (outcome.kind !== 'snapshot') return;
    for (const { name, missing } of outcome.incomplete ?? []) {
      const fields = { cluster: ref.cluster, region: ref.region, service: name, missing };
      if (this.logged.has(name)) {
        logger?.debug(fields, 'ECS answered for a service without its counts again');
        continue;
      }
      this.logged.add(name);
      logger?.warn(
        fields,
        'ECS answered for a service without its counts: its state is left untouched (never read as 0 tasks) until an answer has them; logged once per service, later ones at debug',
      );
    }
  }
}
