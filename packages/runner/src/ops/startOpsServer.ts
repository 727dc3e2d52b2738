import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import type { Health } from './createHealth.js';
import type { MonaMetrics } from './createMetrics.js';

/** A listening ops server. */
export interface OpsServer {
  /** The bound port (useful with `port: 0`). */
  port: number;
  close(): Promise<void>;
}

/**
 * Serve `/healthz` (200 healthy, 503 stale), `/readyz` (200 once every cluster was swept, else
 * 503) and `/metrics` (Prometheus text). Listens on 127.0.0.1 unless told otherwise.
 *
 * @example
 * const server = await startOpsServer({ port: 9090, host: '127.0.0.1' }, { health, metrics });
 */
export async function startOpsServer(
  address: { port: number; host: string },
  parts: { health: Health; metrics: MonaMetrics },
): Promise<OpsServer> {
  const server = createServer((req, res) => void handle(req, res, parts));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) =>
      reject(
        new RunnerError(
          RunnerErrorCode.httpListenFailed,
          `cannot listen on ${address.host}:${address.port}: ${cause.message}; pick another "http.port"`,
          { cause },
        ),
      ),
    );
    server.listen(address.port, address.host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, parts: { health: Health; metrics: MonaMetrics }) {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed\n');
  switch (path) {
    case '/healthz':
      return sendJson(res, parts.health.healthy() ? 200 : 503, { healthy: parts.health.healthy(), clusters: parts.health.status() });
    case '/readyz':
      return sendJson(res, parts.health.ready() ? 200 : 503, { ready: parts.health.ready(), clusters: parts.health.status() });
    case '/metrics':
      try {
        return send(res, 200, parts.metrics.registry.contentType, await parts.metrics.registry.metrics());
      } catch (error) {
        return send(res, 500, 'text/plain', `metrics failed: ${(error as Error).message}\n`);
      }
    default:
      return send(res, 404, 'text/plain', 'not found: try /healthz, /readyz or /metrics\n');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  send(res, status, 'application/json', `${JSON.stringify(body)}\n`);
}

function send(res: ServerResponse, status: number, contentType: string, body: string) {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}
