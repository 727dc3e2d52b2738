import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { Logger } from '@mona-ecs/core';
import { StateStoreError, StateStoreErrorCode } from '@mona-ecs/core/state';
import { toStateError } from './callDynamo.js';
import { KEY, TTL_ATTRIBUTE } from './tableLayout.js';

const IAC = 'deploy/dynamodb-table.yaml (CloudFormation) or deploy/dynamodb-table.tf (Terraform)';

/**
 * Checks that the state table exists with Mona's key schema. An absent table is created (on
 * demand capacity, TTL on `ttl`) only when `create` is true; otherwise `MONA_STATE_TABLE_MISSING`
 * names the table and the IaC in `deploy/`. A table with another key schema is
 * `MONA_STATE_TABLE_FOREIGN`: Mona never writes into a table it does not recognise.
 *
 * @example
 * await ensureTable(client, { table: 'mona-state', create: false });
 */
export async function ensureTable(client: DynamoDBClient, options: { table: string; create: boolean; logger?: Logger }): Promise<void> {
  const { table } = options;
  const description = await describe(client, table);
  if (description !== undefined) return checkKeySchema(table, description);
  if (!options.create) {
    throw new StateStoreError(
      StateStoreErrorCode.tableMissing,
      `DynamoDB table "${table}" does not exist. Fix: create it with ${IAC}, or set "state": { "dynamodb": { "createTable": true } } to let Mona create it (needs dynamodb:CreateTable and dynamodb:UpdateTimeToLive).`,
      { retryable: false },
    );
  }
  await create(client, table);
  try {
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: table, TimeToLiveSpecification: { Enabled: true, AttributeName: TTL_ATTRIBUTE } }),
    );
  } catch (error) {
    // Not fatal: every condition checks expiry itself; without TTL old items just stay.
    options.logger?.warn({ err: error, table }, 'could not turn on TTL on the state table: expired items will not be deleted by DynamoDB');
  }
  options.logger?.info({ table }, 'created the DynamoDB state table');
}

async function describe(client: DynamoDBClient, table: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: table }))).Table;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw toStateError(table, 'DescribeTable', error);
  }
}

async function create(client: DynamoDBClient, table: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: KEY.partition, AttributeType: 'S' },
          { AttributeName: KEY.sort, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: KEY.partition, KeyType: 'HASH' },
          { AttributeName: KEY.sort, KeyType: 'RANGE' },
        ],
      }),
    );
  } catch (error) {
    // Another replica created it first: fine, wait for it like for ours.
    if ((error as { name?: string }).name !== 'ResourceInUseException') throw toStateError(table, 'CreateTable', error);
  }
  await waitUntilTableExists({ client, maxWaitTime: 120, minDelay: 1 }, { TableName: table });
}

function checkKeySchema(table: string, description: TableDescription): void {
  const keys = new Map((description.KeySchema ?? []).map((k) => [k.AttributeName, k.KeyType]));
  const types = new Map((description.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
  const ours =
    keys.size === 2 &&
    keys.get(KEY.partition) === 'HASH' &&
    keys.get(KEY.sort) === 'RANGE' &&
    types.get(KEY.partition) === 'S' &&
    types.get(KEY.sort) === 'S';
  if (ours) return;
  throw new StateStoreError(
    StateStoreErrorCode.tableForeign,
    `DynamoDB table "${table}" is not a Mona state table (it needs a string partition key "pk" and sort key "sk"). Fix: name a table of its own, created with ${IAC}.`,
    { retryable: false },
  );
}
