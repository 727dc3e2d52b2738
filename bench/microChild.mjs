// Micro-benchmarks in their own process: the reducer alone at 5,000 services, and the cost of
// turning DescribeServices response bytes into snapshots compared with a bare JSON.parse.
import { ECSClient } from '@aws-sdk/client-ecs';
import { RateLimiter, createEcsSource } from '@mona-ecs/core/ecs';
import { DEFAULT_MONITOR_CONFIG, reduce } from '@mona-ecs/core/pipeline';
import { startSimulator } from '@mona-ecs/ecs-simulator';
import { serve } from './lib/ipc.mjs';
import { describeBodies } from './lib/services.mjs';
import { seededRandom } from './lib/stats.mjs';

const REF = { cluster: 'default', region: 'us-east-1' };
const unlimited = () => new RateLimiter({ requestsPerSecond: 1e9, burst: 1e9 });
const cpuMs = (since) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/** Runs `fn` until `minMs` of CPU or `maxRounds` rounds; returns CPU ms per round. */
async function measure(fn, { minMs = 1500, maxRounds = 200 } = {}) {
  await fn(); // warm-up: JIT and caches
  const start = process.cpuUsage();
  let rounds = 0;
  while (rounds < maxRounds && (rounds < 3 || cpuMs(start) < minMs)) {
    await fn();
    rounds += 1;
  }
  return { msPerRound: cpuMs(start) / rounds, rounds };
}

/** 5,000 services through the real source; between snapshots, deploys, scales, crashes and failures. */
async function captureSnapshots(services, count) {
  const sim = await startSimulator({ clock: 'fake', seed: 3 });
  try {
    // 5 events of history give the same snapshots as 100: the source keeps at most 5 new ones.
    const names = sim.createServices(services, { prefix: 'svc', history: 5 });
    const source = createEcsSource({ endpoint: sim.url, rateLimiter: unlimited(), refreshServicesInterval: 1000 });
    const random = seededRandom(11);
    const pick = () => names[Math.floor(random() * names.length)];
    const snapshots = [];
    for (let i = 0; i < count; i += 1) {
      snapshots.push(await source.sweep(REF, i));
      for (let k = 0; k < 20; k += 1) sim.deploy(pick());
      for (let k = 0; k < 5; k += 1) sim.scale(pick(), 1 + Math.floor(random() * 6));
      for (let k = 0; k < 3; k += 1) sim.crashTasks(pick(), 1);
      sim.failDeployment(pick());
      sim.advance(2_000);
    }
    return snapshots;
  } finally {
    await sim.close();
  }
}

async function reducerBench({ services, snapshots: count }) {
  const snapshots = await captureSnapshots(services, count);
  const ok = snapshots.filter((s) => s.kind === 'snapshot' && s.services.length === services).length;
  let events = 0;
  const { msPerRound, rounds } = await measure(() => {
    let state;
    events = 0;
    for (const snapshot of snapshots) {
      const result = reduce(state, snapshot, DEFAULT_MONITOR_CONFIG);
      state = result.state;
      events += result.events.length;
    }
  });
  return {
    services,
    snapshots: snapshots.length,
    completeSnapshots: ok,
    eventsPerPass: events,
    rounds,
    msPerSnapshot: msPerRound / snapshots.length,
    snapshotsPerSecond: (1000 * snapshots.length) / msPerRound,
  };
}

/** The raw bytes of `batches` DescribeServices answers of 10 services with 100 events each. */
async function captureBodies(batches) {
  const sim = await startSimulator({ clock: 'fake', seed: 5 });
  try {
    const names = sim.createServices(batches * 10, { prefix: 'svc', history: 100 });
    return { names, bodies: await describeBodies(sim.url, names) };
  } finally {
    await sim.close();
  }
}

/** An ECS client whose "network" answers each DescribeServices batch from memory. */
function cannedClient(bodyFor) {
  const requestHandler = {
    async handle(request) {
      const { services } = JSON.parse(typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body));
      const body = bodyFor(services[0]);
      return {
        response: {
          statusCode: 200,
          reason: 'OK',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(body.length) },
          body,
        },
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
  return new ECSClient({
    region: REF.region,
    endpoint: 'http://127.0.0.1:1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    requestHandler,
  });
}

async function conversionBench({ batches }) {
  const { names, bodies } = await captureBodies(batches);
  const byFirst = new Map(bodies.map((body, b) => [names[b * 10], body]));
  const bytes = bodies.reduce((n, b) => n + b.length, 0);
  const decoder = new TextDecoder();
  const parse = await measure(() => {
    for (const body of bodies) JSON.parse(decoder.decode(body));
  });
  const empty = new TextEncoder().encode('{"services":[],"failures":[]}');
  const sweepWith = async (bodyFor) => {
    const source = createEcsSource({ client: cannedClient(bodyFor), rateLimiter: unlimited(), serviceNamesOverride: names });
    await source.sweep(REF, 0); // first sighting: cursors take up to 5 events; later sweeps are steady state
    return measure(() => source.sweep(REF, 1));
  };
  const full = await sweepWith((first) => byFirst.get(first));
  const requestOnly = await sweepWith(() => empty);
  const perResponse = (ms) => ms / batches;
  const gross = perResponse(full.msPerRound);
  const net = perResponse(full.msPerRound - requestOnly.msPerRound);
  const jsonParse = perResponse(parse.msPerRound);
  return {
    responses: batches,
    bytesPerResponse: Math.round(bytes / batches),
    jsonParseMsPerResponse: jsonParse,
    sourceMsPerResponse: gross,
    requestSideMsPerResponse: perResponse(requestOnly.msPerRound),
    conversionMsPerResponse: net,
    ratioToJsonParse: net / jsonParse,
    grossRatioToJsonParse: gross / jsonParse,
  };
}

serve({
  reducer: reducerBench,
  conversion: conversionBench,
  exit() {
    setImmediate(() => process.exit(0));
    return true;
  },
});
