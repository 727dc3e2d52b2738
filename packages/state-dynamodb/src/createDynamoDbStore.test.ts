import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite, type LocalDynamo } from './__fixtures__/startDynalite.js';
import { startFaultProxy, THROTTLED, type FaultProxy } from './__fixtures__/startFaultProxy.js';
import { createDynamoDbStore } from './createDynamoDbStore.js';

let dynamo: LocalDynamo;
let proxy: FaultProxy;
let tables = 0;
const nextTable = (): string => `t-${(tables += 1)}`;

beforeAll(async () => {
  dynamo = await startDynalite();
  proxy = await startFaultProxy(dynamo.endpoint);
});
afterAll(async () => {
  await proxy.close();
  await dynamo.close();
});

/** A store that talks to dynalite through the fault proxy. */
const throughProxy = (table: string, extra: object = {}): Parameters<typeof createDynamoDbStore>[0] => ({
  ...dynamo.storeOptions(table),
  endpoint: proxy.endpoint,
  createTable: true,
  ...extra,
});

const entries = (n: number, phase: string): Record<string, { phase: string }> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`svc-${i}`, { phase: i === 0 ? phase : 'steady' }]));

describe('createDynamoDbStore', () => {
  it('refuses to start on an absent table unless createTable is on, naming the table and the IaC', async () => {
    const table = nextTable();
    const error = await createDynamoDbStore({ ...dynamo.storeOptions(table) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MONA_STATE_TABLE_MISSING', retryable: false });
    expect((error as Error).message).toContain(`DynamoDB table "${table}" does not exist`);
    expect((error as Error).message).toContain('deploy/dynamodb-table.yaml');
    expect((error as Error).message).toContain('"createTable": true');
  });

  it('refuses a table with another key schema', async () => {
    // Prepare
    const table = nextTable();
    const client = new DynamoDBClient({ ...dynamo.storeOptions(table).clientConfig, endpoint: dynamo.endpoint, region: 'us-east-1' });
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    client.destroy();
    // Act
    const error = await createDynamoDbStore({ ...dynamo.storeOptions(table), createTable: true }).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ code: 'MONA_STATE_TABLE_FOREIGN' });
    expect((error as Error).message).toContain(`"${table}" is not a Mona state table`);
  });

  it('writes only the services that changed: a quiet sweep of 300 services costs one batch call and the meta item', async () => {
    // Prepare
    const store = await createDynamoDbStore(throughProxy(nextTable()));
    await store.checkpoints.save('c', { version: 1, savedAt: 1, meta: {}, entries: entries(300, 'deploying') });
    proxy.calls.length = 0;
    // Act
    await store.checkpoints.save('c', { version: 1, savedAt: 2, meta: {}, entries: entries(300, 'steady') });
    // Assess
    expect(proxy.calls).toEqual(['BatchWriteItem', 'PutItem']);
    expect((await store.checkpoints.load('c'))?.entries['svc-0']).toEqual({ phase: 'steady' });
    await store.close();
  });

  it('retries the batch items DynamoDB leaves unprocessed until all are written', async () => {
    // Prepare
    const store = await createDynamoDbStore(throughProxy(nextTable()));
    let refused = 0;
    proxy.setPlan((operation, body) => {
      if (operation !== 'BatchWriteItem' || refused >= 2) return 'forward';
      refused += 1;
      return { status: 200, body: { UnprocessedItems: (JSON.parse(body) as { RequestItems: unknown }).RequestItems } };
    });
    // Act
    await store.checkpoints.save('c', { version: 1, savedAt: 1, meta: {}, entries: entries(30, 'steady') });
    proxy.setPlan(() => 'forward');
    // Assess
    expect(refused).toBe(2);
    expect(Object.keys((await store.checkpoints.load('c'))?.entries ?? {})).toHaveLength(30);
    await store.close();
  });

  it('rides out brief throttling through the SDK retries, and names the table when throttling persists', async () => {
    // Prepare
    const store = await createDynamoDbStore(
      throughProxy(nextTable(), { clientConfig: { ...dynamo.storeOptions('x').clientConfig, maxAttempts: 3 } }),
    );
    let throttled = 0;
    proxy.setPlan((operation) => (operation === 'PutItem' && (throttled += 1) <= 2 ? THROTTLED : 'forward'));
    // Act
    const brief = await store.ledger.claim('c', 'slack', 'e1', { holder: 'a', holdMs: 60_000 });
    proxy.setPlan((operation) => (operation === 'PutItem' ? THROTTLED : 'forward'));
    const persistent = await store.ledger.claim('c', 'slack', 'e2', { holder: 'a', holdMs: 60_000 }).catch((e: unknown) => e);
    proxy.setPlan(() => 'forward');
    // Assess
    expect(brief).toBe('claimed');
    expect(persistent).toMatchObject({ code: 'MONA_STATE_THROTTLED', retryable: true });
    expect((persistent as Error).message).toMatch(/throttled PutItem on table "t-\d+"/);
    await store.close();
  });

  it('tells two replicas apart: a lease held by one is lost to the other only after it expired', async () => {
    // Prepare
    let time = 1_000_000;
    const table = nextTable();
    const a = await createDynamoDbStore({ ...dynamo.storeOptions(table), createTable: true, now: () => time });
    const b = await createDynamoDbStore({ ...dynamo.storeOptions(table), now: () => time });
    const lease = await a.leases.acquire('prod', 'a', 10_000);
    // Act
    const early = await b.leases.acquire('prod', 'b', 10_000);
    time += 10_001;
    const late = await b.leases.acquire('prod', 'b', 10_000);
    const renewedByLoser = await a.leases.renew(lease!, 10_000);
    // Assess
    expect(early).toBeUndefined();
    expect(late).toMatchObject({ holder: 'b' });
    expect(renewedByLoser).toBeUndefined();
    await a.close();
    await b.close();
  });
});
