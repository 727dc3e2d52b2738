import { DEFAULT_MONITOR_CONFIG } from '@mona-ecs/core/pipeline';
import type { MonitorConfig, Sweep } from '@mona-ecs/core/pipeline';
import { Observable, Subject, from } from 'rxjs';
import { parseRecordLine } from './recordingFormat.js';

/** One recorded run: its reducer settings and its sweeps, in the order they were recorded. */
export interface RecordedRun {
  monitor: MonitorConfig;
  /** Hot: subscribe as soon as the run is emitted (`mergeMap` does), before the next line is read. */
  sweeps: Observable<Sweep>;
}

/**
 * Splits a recording (`mona run --record`) into its runs, reading the lines as they come: a
 * `start` line begins a new run with the recorded reducer settings (the live run restarted,
 * so its clusters start again from a fresh state); sweeps before any `start` line get the
 * defaults. Each run's `sweeps` is the source stage of a pipeline in place of ticks → sweep.
 * A line that cannot be read errors the stream with a `RecordingError` naming the line.
 *
 * @example
 * recordedRuns(lines).pipe(mergeMap((run) => monitorClusters({ sweeps: run.sweeps, monitor: run.monitor })));
 */
export function recordedRuns(lines: AsyncIterable<string> | Iterable<string>): Observable<RecordedRun> {
  return new Observable<RecordedRun>((subscriber) => {
    let run: Subject<Sweep> | undefined;
    const begin = (monitor: MonitorConfig): Subject<Sweep> => {
      run?.complete();
      const sweeps = new Subject<Sweep>();
      run = sweeps;
      subscriber.next({ monitor, sweeps: sweeps.asObservable() });
      return sweeps;
    };
    let lineNumber = 0;
    const reading = from(lines).subscribe({
      next: (text) => {
        lineNumber += 1;
        try {
          const line = parseRecordLine(text, lineNumber);
          if (line === undefined) return;
          if (line.kind === 'start') begin({ ...DEFAULT_MONITOR_CONFIG, ...line.monitor });
          else (run ?? begin(DEFAULT_MONITOR_CONFIG)).next({ tick: lineNumber, outcome: line });
        } catch (error) {
          run?.error(error);
          subscriber.error(error);
        }
      },
      error: (error: unknown) => {
        run?.error(error);
        subscriber.error(error);
      },
      complete: () => {
        run?.complete();
        subscriber.complete();
      },
    });
    return () => reading.unsubscribe();
  });
}
