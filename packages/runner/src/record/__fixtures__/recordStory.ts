// Records a simulator story through startMonitor, exactly as `mona run --record` does, and
// returns what the live run delivered. The stories below made test/fixtures/*.jsonl.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorEvent, Notification } from '@mona-ecs/core';
import { parseConfig } from '../../config/loadConfig.js';
import { createLogger } from '../../logging/createLogger.js';
import { startMonitor } from '../../monitor/startMonitor.js';
import { fixturePlugin } from '../../__fixtures__/testIo.js';
import type { SimulatedEcs } from '../../wait/__fixtures__/simulatorHarness.js';
import { createRecorder } from '../createRecorder.js';
import { monitorConfigOf } from '../recorderFor.js';

export interface Story {
  services: string[];
  sweeps: number;
  secondsUntilAlert: number;
  /** Runs before sweep n (the simulator has already moved one step). */
  act(ecs: SimulatedEcs, sweep: number): void;
}

export const STORIES: Record<string, Story> = {
  'deploy-done': {
    services: ['api', 'web'],
    sweeps: 12,
    secondsUntilAlert: 600,
    act: ({ sim }, n) => {
      if (n === 2) sim.deploy('api', { image: 'api:2' });
    },
  },
  rollback: {
    services: ['api', 'web'],
    sweeps: 16,
    secondsUntilAlert: 600,
    act: ({ sim }, n) => {
      if (n === 2) sim.failDeployment('web', { image: 'web:broken' });
    },
  },
  everything: {
    services: ['api', 'web', 'worker'],
    sweeps: 40,
    secondsUntilAlert: 8,
    act: ({ sim }, n) => {
      if (n === 2) sim.deploy('api', { image: 'api:2' });
      if (n === 4) sim.failDeployment('web', { image: 'web:broken' });
      if (n === 12) sim.scale('api', 3);
      if (n === 16) sim.crashTasks('worker', 1);
      if (n === 20) sim.stallDeployment('worker', { image: 'worker:slow' });
    },
  },
};

const delivered = () => ((globalThis as Record<symbol, Array<{ notification?: Notification }>>)[Symbol.for('mona.test.recording')] ??= []);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error('condition not reached in 5 s');
}

/** Runs `story` on a fresh simulator through startMonitor, recording into `file`; returns the events the run delivered. */
export async function recordStory(ecs: SimulatedEcs, story: Story, file: string): Promise<MonitorEvent[]> {
  for (const name of story.services) ecs.sim.createService(name, { desiredCount: 2 });
  delivered().length = 0;
  const senders = [{ plugin: fixturePlugin('recording.mjs'), options: { channel: 'live' } }];
  const raw = { ecsCluster: 'default', AWSRegion: 'us-east-1', secondsUntilAlert: story.secondsUntilAlert, senders };
  const config = { ...parseConfig(JSON.stringify(raw), { configPath: join(tmpdir(), 'mona.json'), env: {} }), checkIntervalSeconds: 0.01 };
  const logger = createLogger({ level: 'silent' });
  const recorder = createRecorder(
    file,
    { monitor: monitorConfigOf(config), clusters: config.clusters },
    logger,
    () => new Date(ecs.sim.now()),
  );
  let sweeps = 0;
  const source = ecs.source(story.services, (n) => story.act(ecs, n));
  const monitor = await startMonitor(config, {
    logger,
    source,
    onSweep: (outcome) => {
      recorder.write(outcome);
      sweeps += 1;
    },
  });
  await until(() => sweeps >= story.sweeps);
  await monitor.stop();
  await recorder.close();
  return delivered().flatMap((d) => (d.notification ? [d.notification.event] : []));
}
