import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

/** A real DynamoDB implementation (dynalite, in memory) on 127.0.0.1: the replicas' shared store in tests. */
export interface LocalDynamo {
  endpoint: string;
  /** `state` config for `mona run` (the table is created on first start). */
  stateConfig(table: string, leaseSeconds: number): Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * Start dynalite on a free port of 127.0.0.1 (tables are created at once, not after a delay).
 *
 * @example
 * const dynamo = await startDynalite();
 * startMona({ ...config, state: dynamo.stateConfig('mona', 3) });
 */
export async function startDynalite(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    stateConfig: (table, leaseSeconds) => ({ dynamodb: { table, endpoint, region: 'us-east-1', createTable: true, leaseSeconds } }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
