#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createDemoServices, runDemoStory } from './runDemoStory.js';
import { startSimulator } from './startSimulator.js';

const USAGE = `Usage: ecs-simulator [options]
  --port N            TCP port on 127.0.0.1 (default 0: any free port)
  --region R          region in ARNs (default us-east-1)
  --cluster C         cluster of the created services (default "default")
  --services N        create N steady services (default 0)
  --prefix P          their name prefix (default "service")
  --desired N         their desired count (default 2)
  --history N         older events per service, 0..100 (default 0)
  --step-ms N         rollout step length (default 1000)
  --throttle          AWS's throttling model (100 requests, 20/s)
  --throttle-rate F   fraction of ECS calls throttled at random
  --seed N            seed of ids and faults
  --demo              create the demo services and play the demo story, then exit
Prints one JSON line {"url": ...} once listening; scenario methods at POST <url>/_sim/<method>.`;

/**
 * The `ecs-simulator` command: a simulator on a real clock in its own process, for a benchmark
 * or a manual try-out with the AWS CLI (`aws ecs list-services --endpoint-url <url>`).
 *
 * @example
 * // ecs-simulator --services 5000 --history 100 --throttle
 */
async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      region: { type: 'string' },
      cluster: { type: 'string' },
      services: { type: 'string' },
      prefix: { type: 'string' },
      desired: { type: 'string' },
      history: { type: 'string' },
      'step-ms': { type: 'string' },
      throttle: { type: 'boolean' },
      'throttle-rate': { type: 'string' },
      seed: { type: 'string' },
      demo: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const num = (v: string | undefined, fallback: number): number => (v === undefined ? fallback : Number(v));
  const stepMs = num(values['step-ms'], 1000);
  const sim = await startSimulator({
    clock: 'real',
    port: num(values.port, 0),
    stepMs,
    seed: num(values.seed, 1),
    throttleRate: num(values['throttle-rate'], 0),
    ...(values.region ? { region: values.region } : {}),
    ...(values.throttle ? { throttle: true } : {}),
  });
  sim.createServices(num(values.services, 0), {
    prefix: values.prefix ?? 'service',
    desiredCount: num(values.desired, 2),
    history: num(values.history, 0),
    ...(values.cluster ? { cluster: values.cluster } : {}),
  });
  process.stdout.write(`${JSON.stringify({ url: sim.url, region: sim.region })}\n`);
  if (values.demo) {
    createDemoServices(sim);
    await runDemoStory(sim, { stepMs, log: (line) => process.stdout.write(`${line}\n`) });
    await sim.close();
    return 0;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await sim.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ecs-simulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exitCode = 2;
  },
);
