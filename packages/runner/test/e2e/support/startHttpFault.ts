import { createServer } from 'node:http';

/** A switchable front for an HTTP API: forwards to the target, or answers every request with an error. */
export interface HttpFault {
  url: string;
  /** While set, every request gets this answer instead of being forwarded. */
  down: { status: number; contentType: string; body: string } | undefined;
  /** Requests answered with the error. */
  failed: number;
  close(): Promise<void>;
}

/** What SNS answers when it has an internal error (query protocol, HTTP 500). */
export const SNS_INTERNAL_ERROR = {
  status: 500,
  contentType: 'text/xml',
  body:
    '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Receiver</Type>' +
    '<Code>InternalError</Code><Message>simulated outage</Message></Error><RequestId>e2e</RequestId></ErrorResponse>',
};

/**
 * Start a proxy on 127.0.0.1 in front of `target` (e.g. the simulator's SNS endpoint) that fails
 * on demand, so a test can take one AWS service down without touching the others.
 *
 * @example
 * const sns = await startHttpFault(sim.url);
 * sns.down = SNS_INTERNAL_ERROR; // every Publish answers 500
 */
export async function startHttpFault(target: string): Promise<HttpFault> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (fault.down !== undefined) {
        fault.failed += 1;
        res.writeHead(fault.down.status, { 'content-type': fault.down.contentType }).end(fault.down.body);
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
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' }).end(body);
        },
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const fault: HttpFault = {
    url: `http://127.0.0.1:${port}`,
    down: undefined,
    failed: 0,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fault;
}
