import { createServer } from 'node:http';

/** A switchable front for the simulator's ECS API: forwards, or answers every call with an error. */
export interface EcsProxy {
  url: string;
  /** While true, every ECS call fails (an outage as Mona sees it). */
  down: boolean;
  close(): Promise<void>;
}

/**
 * Start a proxy on 127.0.0.1 in front of `target` (the simulator). When `down`, it answers with
 * a non-retryable ECS error, so each sweep fails at once instead of waiting for SDK retries.
 *
 * @example
 * const proxy = await startEcsProxy(sim.url);
 * proxy.down = true; // the next sweeps fail → MonitorDegraded
 */
export async function startEcsProxy(target: string): Promise<EcsProxy> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (proxy.down) {
        const body = JSON.stringify({ __type: 'AccessDeniedException', message: 'simulated outage' });
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end(body);
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host' && e[0] !== 'content-length',
        ),
      );
      fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, body: Buffer.concat(chunks) }).then(
        async (answer) => {
          const body = Buffer.from(await answer.arrayBuffer());
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/x-amz-json-1.1' }).end(body);
        },
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const proxy: EcsProxy = {
    url: `http://127.0.0.1:${port}`,
    down: false,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
