import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one DynamoDB call: pass it on, or answer it itself. */
export type FaultPlan = (operation: string, body: string) => 'forward' | { status: number; body: unknown };

export interface FaultProxy {
  endpoint: string;
  /** Operations seen (X-Amz-Target without the service prefix), in order. */
  calls: string[];
  setPlan(plan: FaultPlan): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 in front of dynalite that injects DynamoDB faults (throttling,
 * unprocessed batch items) the way DynamoDB answers them, so the real SDK sees real responses.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  let plan: FaultPlan = () => 'forward';
  const calls: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      calls.push(operation);
      const decision = plan(operation, body);
      if (decision !== 'forward') {
        res.writeHead(decision.status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(decision.body));
        return;
      }
      const upstream = request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    setPlan: (next) => {
      plan = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** DynamoDB's throttling answer. */
export const THROTTLED = {
  status: 400,
  body: {
    __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message: 'The level of configured provisioned throughput for the table was exceeded.',
  },
};
