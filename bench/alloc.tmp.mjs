import { ECSClient } from '@aws-sdk/client-ecs';
import { createEcsSource } from '@mona-ecs/core/ecs';
import { startSimulator } from '@mona-ecs/ecs-simulator';
const REF = { cluster: 'default', region: 'us-east-1' };
const sim = await startSimulator({ clock: 'fake', seed: 5 });
const names = sim.createServices(500, { prefix: 'svc', history: 100 });
const bodies = new Map();
for (let b = 0; b < 50; b++) {
  const r = await fetch(sim.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.DescribeServices' }, body: JSON.stringify({ cluster: 'default', services: names.slice(b * 10, b * 10 + 10) }) });
  bodies.set(names[b * 10], new Uint8Array(await r.arrayBuffer()));
}
await sim.close();
const empty = new TextEncoder().encode('{"services":[],"failures":[]}');
function client(bodyFor) {
  return new ECSClient({ cacheMiddleware: process.env.NOCACHE ? false : true, retryMode: 'standard', region: 'us-east-1', endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'b', secretAccessKey: 'b' }, requestHandler: {
    async handle(request) { const { services } = JSON.parse(typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body)); const body = bodyFor(services[0]); return { response: { statusCode: 200, reason: 'OK', headers: { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(body.length) }, body } }; },
    updateHttpClientConfig() {}, httpHandlerConfigs: () => ({}), destroy() {} } });
}
const unlimited = () => ({ acquire: async () => {}, schedule: (fn) => fn(), take: async () => {} });
for (const [name, bodyFor] of (process.env.ONLY === 'empty' ? [['empty', () => empty]] : [['empty', () => empty], ['full', (f) => bodies.get(f)]])) {
  const source = createEcsSource({ client: client(bodyFor), serviceNamesOverride: names, rateLimit: { requestsPerSecond: 100000, burst: 100000 } });
  await source.sweep(REF, 0); await source.sweep(REF, 1);
  globalThis.gc();
  const { Session } = await import('node:inspector');
  const session = new Session(); session.connect();
  const post = (m, p) => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
  if (process.env.HEAP_PROF) await post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const before = process.memoryUsage().heapUsed; const cpu = process.cpuUsage();
  for (let i = 0; i < 4; i++) await source.sweep(REF, 2 + i);
  const after = process.memoryUsage().heapUsed; const u = process.cpuUsage(cpu);
  if (process.env.HEAP_PROF) { const { profile } = await post('HeapProfiler.stopSampling'); (await import('node:fs')).writeFileSync(`/tmp/hp/${name}.heapprofile`, JSON.stringify(profile)); }
  console.log(name, 'KB allocated per call', ((after - before) / 200 / 1024).toFixed(1), 'cpu ms per call', ((u.user + u.system) / 1000 / 200).toFixed(3));
}
