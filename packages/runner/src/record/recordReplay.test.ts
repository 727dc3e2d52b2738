import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorEvent } from '@mona-ecs/core';
import { lastValueFrom, toArray } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replay } from '../commands/replay.js';
import { captureIo, fixturePlugin, writeConfig } from '../__fixtures__/testIo.js';
import { simulatedEcs } from '../wait/__fixtures__/simulatorHarness.js';
import type { SimulatedEcs } from '../wait/__fixtures__/simulatorHarness.js';
import { STORIES, recordStory } from './__fixtures__/recordStory.js';
import { replayRecording } from './replayRecording.js';

const withoutContext = ({ context: _context, ...event }: MonitorEvent & { context?: unknown }) => event;

let ecs: SimulatedEcs;
beforeEach(async () => {
  ecs = await simulatedEcs();
});
afterEach(async () => {
  await ecs.close();
});

describe('record and replay', () => {
  it('replays a recording of a live run into exactly the events the run produced', async () => {
    // Prepare
    const file = join(mkdtempSync(join(tmpdir(), 'mona-record-')), 'run.jsonl');

    // Act
    const live = await recordStory(ecs, STORIES['everything']!, file);
    const replayed: MonitorEvent[] = [];
    replayed.push(...(await lastValueFrom(replayRecording(readFileSync(file, 'utf8').split('\n')).pipe(toArray()))));

    // Assess
    expect(new Set(live.map((e) => e.type))).toEqual(
      new Set([
        'MonitorStarted',
        'DeploymentStarted',
        'DeploymentCompleted',
        'TasksFailing',
        'DeploymentFailed',
        'RollbackStarted',
        'ScalingStarted',
        'TaskCrashed',
        'DeploymentTimedOut',
      ]),
    );
    expect(replayed.map(withoutContext)).toEqual(live.map(withoutContext));
  });

  it('prints the same notifications on every replay, rendered with the config templates', async () => {
    // Prepare
    const fixture = new URL('../../test/fixtures/rollback.jsonl', import.meta.url).pathname;
    const config = writeConfig({
      ecsCluster: 'default',
      AWSRegion: 'us-east-1',
      templates: { rollback: 'ROLLBACK of {service}: {reason}' },
    });
    const first = captureIo();
    const second = captureIo();

    // Act
    const codes = [await replay.run({ config }, [fixture], first), await replay.run({ config }, [fixture], second)];

    // Assess
    expect(codes).toEqual([0, 0]);
    expect(first.out()).toBe(second.out());
    expect(first.out()).toMatch(
      /warning web: rollback started \(default\)\n {2}ROLLBACK of web: ECS deployment circuit breaker: rolling back to deployment ecs-svc\/\d+\./,
    );
  });

  it('refuses a recording of another format version with exit 2', async () => {
    // Prepare
    const file = writeConfig('{"v":2,"kind":"snapshot"}\n');
    const io = captureIo();

    // Act
    const code = await replay.run({}, [file], io);

    // Assess
    expect(code).toBe(2);
    expect(io.err()).toContain('format version 2; this Mona reads version 1');
  });

  it('refuses a FILE that is a directory with exit 2 and names it', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'mona-replay-dir-'));
    const io = captureIo();

    // Act
    const code = await replay.run({}, [dir], io);

    // Assess
    expect(code).toBe(2);
    expect(io.err()).toContain(`mona replay: ${dir}: EISDIR`);
  });

  it.each(Object.keys(STORIES))('replays the kept recording %s into the events a fresh run of its story delivers', async (name) => {
    // Prepare
    const fixture = new URL(`../../test/fixtures/${name}.jsonl`, import.meta.url).pathname;
    const fresh = join(mkdtempSync(join(tmpdir(), 'mona-record-')), 'run.jsonl');

    // Act
    const replayed: MonitorEvent[] = [];
    replayed.push(...(await lastValueFrom(replayRecording(readFileSync(fixture, 'utf8').split('\n')).pipe(toArray()))));
    const live = await recordStory(ecs, STORIES[name]!, fresh);

    // Assess
    expect(replayed.length).toBeGreaterThan(1);
    expect(replayed.map(withoutContext)).toEqual(live.slice(0, replayed.length).map(withoutContext));
  });

  it('sends the notifications through the config senders with --send, routed as the run would', async () => {
    // Prepare
    const fixture = new URL('../../test/fixtures/rollback.jsonl', import.meta.url).pathname;
    const senders = [{ plugin: fixturePlugin('recording.mjs'), options: { channel: 'replayed' }, events: ['rollback', 'deployFailed'] }];
    const config = writeConfig({ ecsCluster: 'default', AWSRegion: 'us-east-1', senders });
    const sent = ((globalThis as Record<symbol, Array<{ channel: string; notification?: { event: MonitorEvent } }>>)[
      Symbol.for('mona.test.recording')
    ] ??= []);
    sent.length = 0;
    const io = captureIo();

    // Act
    const code = await replay.run({ config, send: true }, [fixture], io);

    // Assess
    expect(code).toBe(0);
    expect(io.out()).toBe('');
    expect(sent.flatMap((s) => (s.notification ? [s.notification.event.type] : []))).toEqual(['DeploymentFailed', 'RollbackStarted']);
  });
});
