import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import type { DynamoDbStoreOptions } from '../createDynamoDbStore.js';

/** A real DynamoDB implementation (dynalite, in memory) on 127.0.0.1, for tests. */
export interface LocalDynamo {
  endpoint: string;
  /** Options that point a store at it with throwaway credentials. */
  storeOptions(table: string): DynamoDbStoreOptions;
  close(): Promise<void>;
}

export async function startDynalite(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    storeOptions: (table) => ({
      table,
      endpoint,
      region: 'us-east-1',
      clientConfig: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
