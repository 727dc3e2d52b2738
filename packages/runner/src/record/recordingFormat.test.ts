import { readFileSync } from 'node:fs';
import { DEFAULT_MONITOR_CONFIG } from '@mona-ecs/core/pipeline';
import { buildService, buildSnapshot } from '@mona-ecs/core/testing';
import { describe, expect, it } from 'vitest';
import { RecordingError, parseRecordLine, recordLine, startLine } from './recordingFormat.js';
import { replayRecording } from './replayRecording.js';

const START = startLine(DEFAULT_MONITOR_CONFIG, [{ cluster: 'prod', region: 'eu-west-1' }], new Date(0));

describe('parseRecordLine', () => {
  it('reads back what recordLine wrote, arn and events restored empty', () => {
    // Prepare
    const snapshot = buildSnapshot({ services: [buildService({ name: 'api' })] });
    // Act
    const read = parseRecordLine(recordLine(snapshot), 2);
    // Assess
    expect(read).toMatchObject({ kind: 'snapshot', services: [{ name: 'api', arn: '', events: [], desiredCount: 2 }] });
  });

  it('names the line and the wrong field of a sweep line, and the fix', () => {
    // Prepare: a recorded service whose runningCount went missing
    const line = JSON.parse(recordLine(buildSnapshot())) as { services: Record<string, unknown>[] };
    delete line.services[0]?.['runningCount'];
    // Act
    const attempt = () => parseRecordLine(JSON.stringify(line), 7);
    // Assess
    expect(attempt).toThrow(RecordingError);
    expect(attempt).toThrow(
      /^line 7 is not a valid snapshot: services\[0\] \(api\)\.runningCount is missing\. .*repair or delete that line$/,
    );
  });

  it('names the wrong field of a start line', () => {
    // Prepare
    const start = { ...(JSON.parse(START) as object), monitor: { ...DEFAULT_MONITOR_CONFIG, timeoutFrom: 'yesterday' } };
    // Act
    const attempt = () => parseRecordLine(JSON.stringify(start), 1);
    // Assess
    expect(attempt).toThrow(/^line 1 is not a valid start line: monitor\.timeoutFrom must be equal to one of the allowed values/);
  });

  it('refuses a failure line without its error', () => {
    // Prepare
    const line = JSON.stringify({ v: 1, kind: 'failure', cluster: 'prod', region: 'eu-west-1', observedAt: 1 });
    // Act
    const attempt = () => parseRecordLine(line, 4);
    // Assess
    expect(attempt).toThrow(/^line 4 is not a valid snapshot: error is missing/);
  });

  it.each(['deploy-done', 'everything', 'rollback'])('reads every line of the kept recording %s', (name) => {
    // Prepare
    const lines = readFileSync(new URL(`../../test/fixtures/${name}.jsonl`, import.meta.url), 'utf8').split('\n');
    // Act
    const read = lines.map((text, index) => parseRecordLine(text, index + 1)).filter((line) => line !== undefined);
    // Assess
    expect(read.length).toBe(lines.filter((text) => text.trim() !== '').length);
  });
});

describe('replayRecording', () => {
  it('stops at the first bad line, naming it, after the events of the lines before', async () => {
    // Prepare
    const good = recordLine(buildSnapshot());
    const bad = good.replace('"desiredCount":2', '"desiredCount":"two"');
    const events: string[] = [];
    // Act
    const attempt = new Promise<void>((resolve, reject) => {
      replayRecording([START, good, bad]).subscribe({ next: (event) => events.push(event.type), error: reject, complete: resolve });
    });
    // Assess
    await expect(attempt).rejects.toThrow(
      /^line 3 is not a valid snapshot: services\[0\] \(api\)\.desiredCount must be number \(got "two"\)/,
    );
    expect(events).toEqual(['MonitorStarted']);
  });
});

describe('recordLine', () => {
  it('keeps the incomplete services, so a replay leaves them untouched as the run did', () => {
    // Prepare
    const snapshot = buildSnapshot({ services: [], incomplete: [{ name: 'api', missing: ['runningCount'] }] });
    // Act
    const read = parseRecordLine(recordLine(snapshot), 2);
    // Assess
    expect(read).toMatchObject({ services: [], incomplete: [{ name: 'api', missing: ['runningCount'] }] });
  });
});
