// Test helpers: a fake-clock simulator whose time moves one rollout step per sweep, so runs are
// deterministic and fast, and an in-process CLI runner that parses flags like `main` does.
import { parseArgs } from 'node:util';
import { ECSClient } from '@aws-sdk/client-ecs';
import { RateLimiter, createEcsSource } from '@mona-ecs/core/ecs';
import type { SnapshotSource } from '@mona-ecs/core/ecs';
import { startSimulator } from '@mona-ecs/ecs-simulator';
import type { Simulator } from '@mona-ecs/ecs-simulator';
import type { CliIo, Command } from '../../commands/Command.js';
import { exitCodeOf } from '../../errors.js';

export interface SimulatedEcs {
  sim: Simulator;
  client: ECSClient;
  /** Snapshots of `services` through the real ECS source; each sweep first advances the simulator by one step. */
  source(services: string[], script?: (sweep: number) => void): SnapshotSource;
  close(): Promise<void>;
}

export const START = Date.UTC(2025, 5, 1, 12);

export async function simulatedEcs(): Promise<SimulatedEcs> {
  const sim = await startSimulator({ startTime: START, stepMs: 1000, seed: 7 });
  const client = new ECSClient({
    endpoint: sim.url,
    region: sim.region,
    credentials: { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' },
    maxAttempts: 1,
  });
  return {
    sim,
    client,
    source(services, script) {
      const ecs = createEcsSource({
        client,
        serviceNamesOverride: services,
        now: () => sim.now(),
        rateLimiter: new RateLimiter({ requestsPerSecond: 10_000, burst: 10_000 }),
      });
      let sweeps = 0;
      return {
        sweep(cluster, tick, signal) {
          // The first sweep sees the scenario as set up; every later one, one step further.
          if (sweeps > 0) sim.advance(sim.stepMs);
          script?.(sweeps);
          sweeps += 1;
          return ecs.sweep(cluster, tick, signal);
        },
      };
    },
    async close() {
      client.destroy();
      await sim.close();
    },
  };
}

/** A writable that records what is written, optionally pretending to be a terminal. */
export function fakeStream(tty = false): { write(chunk: string): boolean; isTTY: boolean; columns: number; text(): string } {
  const chunks: string[] = [];
  return { write: (chunk: string) => chunks.push(chunk) > 0, isTTY: tty, columns: 200, text: () => chunks.join('') };
}

/** Runs a command from argv like `main` does: flags parsed strictly, thrown errors mapped to exit codes. */
export async function runCommand(command: Command, argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs({ args: argv, options: command.options, allowPositionals: command.allowPositionals ?? false, strict: true });
  try {
    return await command.run(parsed.values, parsed.positionals, io);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return exitCodeOf(error);
  }
}

export function ioWith(stdout: { write(chunk: string): unknown }, stderr: { write(chunk: string): unknown }): CliIo {
  return { stdout, stderr, env: {} };
}
