import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Lease, Leases } from '@mona-ecs/core/state';
import { callDynamo, isConditionFailed, queryItems } from './callDynamo.js';
import { LEASE_PK, MEMBER_PK, ttlOf } from './tableLayout.js';

/**
 * Leases as conditional writes: taken when absent, expired or already ours; renewed and
 * released only by their holder. Replicas compare expiry with their own clocks, so clocks
 * must agree within a small part of the lease (NTP, as on every AWS host, is plenty).
 */
export function dynamoLeases(doc: DynamoDBDocumentClient, table: string, now: () => number): Leases {
  const write = async (lease: Lease, condition: string, values: Record<string, unknown> = {}): Promise<Lease | undefined> => {
    const names = condition.includes('#exp') ? { ExpressionAttributeNames: { '#exp': 'exp' } } : {};
    try {
      await callDynamo(table, 'PutItem', () =>
        doc.send(
          new PutCommand({
            TableName: table,
            Item: { pk: LEASE_PK, sk: lease.cluster, holder: lease.holder, exp: lease.expiresAt, ttl: ttlOf(lease.expiresAt) },
            ConditionExpression: condition,
            ...names,
            ExpressionAttributeValues: { ':holder': lease.holder, ...values },
          }),
        ),
      );
      return lease;
    } catch (error) {
      if (isConditionFailed(error)) return undefined;
      throw error;
    }
  };
  return {
    acquire: (cluster, holder, ttlMs) => {
      const at = now();
      return write({ cluster, holder, expiresAt: at + ttlMs }, 'attribute_not_exists(pk) OR #exp <= :now OR holder = :holder', {
        ':now': at,
      });
    },
    // Only the holder renews; an expired lease nobody took is still ours (as in the file store).
    renew: (lease, ttlMs) => write({ ...lease, expiresAt: now() + ttlMs }, 'holder = :holder'),
    async release(lease) {
      try {
        await callDynamo(table, 'DeleteItem', () =>
          doc.send(
            new DeleteCommand({
              TableName: table,
              Key: { pk: LEASE_PK, sk: lease.cluster },
              ConditionExpression: 'holder = :holder',
              ExpressionAttributeValues: { ':holder': lease.holder },
            }),
          ),
        );
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
    },
    async heartbeat(holder, ttlMs) {
      const until = now() + ttlMs;
      await callDynamo(table, 'PutItem', () =>
        doc.send(new PutCommand({ TableName: table, Item: { pk: MEMBER_PK, sk: holder, exp: until, ttl: ttlOf(until) } })),
      );
    },
    async members() {
      const items = await queryItems(doc, table, {
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: '#exp > :now',
        ExpressionAttributeNames: { '#exp': 'exp' },
        ExpressionAttributeValues: { ':pk': MEMBER_PK, ':now': now() },
      });
      return items.map((item) => String(item.sk)).sort();
    },
    async leave(holder) {
      await callDynamo(table, 'DeleteItem', () => doc.send(new DeleteCommand({ TableName: table, Key: { pk: MEMBER_PK, sk: holder } })));
    },
  };
}
