import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** A request as the simulator's dispatcher sees it. */
export interface ApiRequest {
  method: string;
  path: string;
  target: string | undefined;
  contentType: string;
  body: string;
  /** The SigV4 `Authorization` header, when sent (its access key id names the caller). */
  authorization?: string;
}

/** A response to write back; `hang: true` means never answer (the request stays open until released). */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  hang?: true;
}

/** Largest request body accepted; SDK requests are a few kilobytes. */
const MAX_BODY_BYTES = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts an HTTP server on 127.0.0.1 that hands every request to `dispatch`.
 *
 * @example
 * const { server, url } = await listen((req) => ({ status: 200, headers: {}, body: '{}' }), 0);
 */
export async function listen(
  dispatch: (req: ApiRequest) => ApiResponse | Promise<ApiResponse>,
  port: number,
): Promise<{ server: Server; url: string; release(): void }> {
  // Requests a fault keeps unanswered; `release` (and close) drops their connections.
  const hung = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const target = req.headers['x-amz-target'];
        const authorization = req.headers.authorization;
        // SQS long polls answer later; every other action answers at once.
        return dispatch({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          target: typeof target === 'string' ? target : undefined,
          contentType: req.headers['content-type'] ?? '',
          body,
          ...(authorization ? { authorization } : {}),
        });
      })
      .then(
        (out) => {
          if (res.destroyed) return;
          if (out.hang) {
            hung.add(res);
            res.once('close', () => hung.delete(res));
            return;
          }
          res.writeHead(out.status, { ...out.headers, 'content-length': String(Buffer.byteLength(out.body)) });
          res.end(out.body);
        },
        (error: unknown) => {
          res.writeHead(413, { 'content-type': 'text/plain' });
          res.end(error instanceof Error ? error.message : 'bad request');
        },
      );
  });
  // SDK clients keep connections alive; let close() end idle ones instead of waiting for them.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const release = (): void => {
    for (const res of hung) res.destroy();
    hung.clear();
  };
  server.once('close', release);
  return { server, url: `http://127.0.0.1:${actualPort}`, release };
}

/**
 * Closes `server` and its connections (idle keep-alive ones included); resolves once it is closed.
 *
 * @example
 * await closeServer(server);
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
