import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '@mona-ecs/core';
import { DEFAULT_LEDGER_TTL_MS, type StateStore } from '@mona-ecs/core/state';
import { setTimeout as sleep } from 'node:timers/promises';
import { dynamoCheckpoints } from './dynamoCheckpoints.js';
import { dynamoLedger } from './dynamoLedger.js';
import { dynamoLeases } from './dynamoLeases.js';
import { dynamoOutbox } from './dynamoOutbox.js';
import { dynamoValues } from './dynamoValues.js';
import { ensureTable } from './ensureTable.js';

export interface DynamoDbStoreOptions {
  /** The table (see `deploy/dynamodb-table.yaml`). */
  table: string;
  /** Default: the SDK's (AWS_REGION, the profile). */
  region?: string;
  /** Default: the SDK's (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL), else DynamoDB's own. */
  endpoint?: string;
  /** Create the table when it is absent (default false: exit with `MONA_STATE_TABLE_MISSING`). */
  createTable?: boolean;
  /** How long a delivered event id is remembered (default 7 days; DynamoDB's TTL then deletes it). */
  ledgerTtlMs?: number;
  /** More SDK settings (credentials, retries); `region` and `endpoint` above win. */
  clientConfig?: DynamoDBClientConfig;
  logger?: Logger;
  now?: () => number;
}

/**
 * The shared state store: one DynamoDB table holds every cluster's checkpoint, ledger, outbox
 * and lease, and the senders' values, so several replicas (or a Fargate task without a disk)
 * share them. Every claim is a conditional write; expiry is an `exp` attribute checked by the
 * conditions, and a TTL attribute lets DynamoDB delete what expired.
 *
 * @example
 * const store = await createDynamoDbStore({ table: 'mona-state', region: 'eu-west-1' });
 * const lease = await store.leases.acquire('prod@eu-west-1', 'replica-a', 30_000);
 */
export async function createDynamoDbStore(options: DynamoDbStoreOptions): Promise<StateStore> {
  const { table } = options;
  const now = options.now ?? Date.now;
  const client = new DynamoDBClient({
    ...options.clientConfig,
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  });
  try {
    await ensureTable(client, {
      table,
      create: options.createTable ?? false,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
  } catch (error) {
    client.destroy();
    throw error;
  }
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  let closed = false;
  return {
    description: `dynamodb table ${table}`,
    checkpoints: dynamoCheckpoints(doc, table, (ms) => sleep(ms)),
    ledger: dynamoLedger(doc, table, now, options.ledgerTtlMs ?? DEFAULT_LEDGER_TTL_MS),
    outbox: dynamoOutbox(doc, table),
    leases: dynamoLeases(doc, table, now),
    values: (namespace) => dynamoValues(doc, table, now, namespace),
    async close() {
      if (closed) return;
      closed = true;
      client.destroy();
    },
  };
}
