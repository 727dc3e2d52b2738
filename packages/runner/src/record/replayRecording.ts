import { monitorClusters } from '@mona-ecs/core';
import type { MonitorEvent } from '@mona-ecs/core';
import { mergeMap } from 'rxjs';
import type { Observable } from 'rxjs';
import { recordedRuns } from './recordedRuns.js';

/**
 * Feeds a recording through Mona's stream with the recording as its source stage (see
 * `recordedRuns`) and emits the events the recorded run produced, without enrichment, as fast
 * as the lines come. Every run of the file starts from a fresh state with its recorded reducer
 * settings. Identical input, identical events, every time.
 *
 * @example
 * const lines = createInterface({ input: createReadStream('run.jsonl') });
 * replayRecording(lines).subscribe((event) => console.log(event.id));
 */
export function replayRecording(lines: AsyncIterable<string> | Iterable<string>): Observable<MonitorEvent> {
  // No state log: a replay reads hours of sweeps in a moment.
  return recordedRuns(lines).pipe(mergeMap((run) => monitorClusters({ sweeps: run.sweeps, monitor: run.monitor, logInterval: Infinity })));
}
