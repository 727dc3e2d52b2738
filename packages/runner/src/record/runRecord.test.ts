import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '@mona-ecs/ecs-simulator';
import type { Simulator } from '@mona-ecs/ecs-simulator';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../commands/run.js';
import { captureIo, writeConfig } from '../__fixtures__/testIo.js';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDSIMULATOR');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'simulator-secret');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await sim.close();
});

const lines = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
    : [];

describe('mona run --record', () => {
  it('appends the start line and every sweep to the file, and closes it on SIGTERM', async () => {
    // Prepare
    sim.createService('api', { desiredCount: 1 });
    const config = writeConfig({
      ecsCluster: 'default',
      AWSRegion: sim.region,
      secondsUntilAlert: 120,
      ecs: { endpoint: sim.url },
      enrichment: { enabled: false },
      logLevel: 'silent',
    });
    const file = join(mkdtempSync(join(tmpdir(), 'mona-run-record-')), 'run.jsonl');
    let stop: (signal: string) => void = () => {};
    const io = { ...captureIo(), onSignal: (handler: (signal: string) => void) => ((stop = handler), () => {}) };

    // Act
    const running = run.run({ config, record: file }, [], io);
    for (let i = 0; i < 500 && lines(file).length < 2; i += 1) await new Promise((r) => setTimeout(r, 10));
    stop('SIGTERM');
    const code = await running;

    // Assess
    expect(code).toBe(0);
    const [start, first] = lines(file).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(start).toMatchObject({
      v: 1,
      kind: 'start',
      monitor: { secondsUntilAlert: 120 },
      clusters: [{ cluster: 'default', region: sim.region }],
    });
    expect(first).toMatchObject({ v: 1, kind: 'snapshot', cluster: 'default', services: [{ name: 'api', desiredCount: 1 }] });
    expect(JSON.stringify(first)).not.toContain('"arn"');
  });
});
