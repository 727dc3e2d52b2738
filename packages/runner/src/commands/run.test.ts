import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '@mona-ecs/ecs-simulator';
import type { Simulator } from '@mona-ecs/ecs-simulator';
import { captureIo, fixturePlugin, writeConfig } from '../__fixtures__/testIo.js';
import { main } from '../main.js';

// The SDK's credential chain reads these; fake ones keep it away from any metadata endpoint.
process.env['AWS_ACCESS_KEY_ID'] = 'AKIDTEST';
process.env['AWS_SECRET_ACCESS_KEY'] = 'test';
process.env['AWS_EC2_METADATA_DISABLED'] = 'true';

const recorded = () => ((globalThis as Record<symbol, Array<Record<string, unknown>>>)[Symbol.for('mona.test.recording')] ??= []);

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
  sim.createServices(3);
});
afterAll(async () => {
  await sim.close();
});

describe('mona run', () => {
  it('monitors the simulator, notifies, and exits 0 after SIGTERM with the senders closed', async () => {
    // Prepare
    const file = writeConfig({
      ecsCluster: 'default',
      AWSRegion: sim.region,
      ecs: { endpoint: sim.url },
      enrichment: { enabled: false },
      logLevel: 'debug',
      senders: [{ plugin: fixturePlugin('recording.mjs'), options: { channel: '#ops', token: '${env:SECRET_TOKEN}' } }],
    });
    const io = captureIo({ SECRET_TOKEN: 'tok-never-logged' });
    let terminate: (signal: string) => void = () => {};
    io.onSignal = (handler) => {
      terminate = handler;
      return () => {};
    };
    recorded().length = 0;

    // Act
    const running = main(['run', '--config', file], io);
    for (let i = 0; i < 500 && !recorded().some((r) => r['notification']); i += 1) await new Promise((r) => setTimeout(r, 10));
    terminate('SIGTERM');
    const code = await running;

    // Assess
    expect(code).toBe(0);
    const sent = recorded().filter((r) => r['notification']);
    expect((sent[0]?.['notification'] as { event: { type: string; serviceNames: string[] } }).event).toMatchObject({
      type: 'MonitorStarted',
    });
    expect(recorded().at(-1)).toEqual({ channel: '#ops', closed: true });
    expect(io.out()).toContain('"msg":"mona stopped"');
    expect(io.out()).not.toContain('tok-never-logged');
  });

  it('stops at once on a second signal, dropping what is still queued, and exits 0', async () => {
    // Prepare
    const file = writeConfig({
      ecsCluster: 'default',
      AWSRegion: sim.region,
      ecs: { endpoint: sim.url },
      enrichment: { enabled: false },
      senders: [{ plugin: fixturePlugin('recording.mjs'), options: { channel: '#slow', delayMs: 3_000 } }],
    });
    const io = captureIo();
    let signal: (name: string) => void = () => {};
    io.onSignal = (handler) => {
      signal = handler;
      return () => {};
    };
    recorded().length = 0;
    const running = main(['run', '--config', file], io);
    const logged = async (text: string) => {
      for (let i = 0; i < 500 && !io.out().includes(text); i += 1) await new Promise((r) => setTimeout(r, 10));
    };
    await logged('"type":"MonitorStarted"');

    // Act
    signal('SIGTERM');
    await logged('"msg":"stopping"');
    signal('SIGINT');
    const code = await running;

    // Assess
    expect(code).toBe(0);
    expect(io.out()).toContain('second signal');
    expect(recorded()).toEqual([{ channel: '#slow', closed: true }]);
  });
});
