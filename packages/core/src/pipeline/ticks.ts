import { timer } from 'rxjs';
import type { Observable, SchedulerLike } from 'rxjs';

/**
 * Stage 1, the poller's clock: tick 0 at once, then one tick every `intervalSeconds`. Each
 * value is the tick's number, counted even when a slow sweep swallows the tick, so "every N
 * ticks" settings (`refreshServicesInterval`, `logInterval`) keep meaning wall-clock periods.
 *
 * @example
 * ticks(10).subscribe((tick) => console.log(tick)); // 0, 1, 2, … every 10 s
 */
export function ticks(intervalSeconds: number, scheduler?: SchedulerLike): Observable<number> {
  return scheduler ? timer(0, intervalSeconds * 1000, scheduler) : timer(0, intervalSeconds * 1000);
}
