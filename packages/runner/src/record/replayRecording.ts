import { DEFAULT_MONITOR_CONFIG, reduce } from '@mona-ecs/core';
import type { ClusterState, MonitorConfig, MonitorEvent } from '@mona-ecs/core';
import { parseRecordLine } from './recordingFormat.js';

/**
 * Feeds a recording through the pure reducer and yields the events the recorded run produced,
 * without enrichment, as fast as the lines come. A `start` line begins a new run: every
 * cluster starts again from a fresh state (the live run restarted too) with the recorded
 * reducer settings. Identical input, identical events, every time.
 *
 * @example
 * const lines = createInterface({ input: createReadStream('run.jsonl') });
 * for await (const event of replayRecording(lines)) console.log(event.id);
 */
export async function* replayRecording(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<MonitorEvent> {
  let config: MonitorConfig = DEFAULT_MONITOR_CONFIG;
  let states = new Map<string, ClusterState>();
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber += 1;
    const line = parseRecordLine(text, lineNumber);
    if (line === undefined) continue;
    if (line.kind === 'start') {
      config = { ...DEFAULT_MONITOR_CONFIG, ...line.monitor };
      states = new Map();
      continue;
    }
    const key = `${line.region}/${line.cluster}`;
    const result = reduce(states.get(key), line, config);
    states.set(key, result.state);
    yield* result.events;
  }
}
