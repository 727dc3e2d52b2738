import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { JsonValue, ValueStore } from '@mona-ecs/core/state';
import { callDynamo } from './callDynamo.js';
import { ttlOf, valuePk } from './tableLayout.js';

/** A sender's values: one item per key under the sender's namespace. */
export function dynamoValues(doc: DynamoDBDocumentClient, table: string, now: () => number, namespace: string): ValueStore {
  const pk = valuePk(namespace);
  return {
    async get(key) {
      const result = await callDynamo(table, 'GetItem', () =>
        doc.send(new GetCommand({ TableName: table, Key: { pk, sk: key }, ConsistentRead: true })),
      );
      const item = result.Item;
      if (item === undefined || (typeof item.exp === 'number' && item.exp <= now())) return undefined;
      return JSON.parse(String(item.data)) as JsonValue;
    },
    async set(key, value, ttlMs) {
      const expiry = ttlMs === undefined ? {} : { exp: now() + ttlMs, ttl: ttlOf(now() + ttlMs) };
      await callDynamo(table, 'PutItem', () =>
        doc.send(new PutCommand({ TableName: table, Item: { pk, sk: key, data: JSON.stringify(value), ...expiry } })),
      );
    },
    async delete(key) {
      await callDynamo(table, 'DeleteItem', () => doc.send(new DeleteCommand({ TableName: table, Key: { pk, sk: key } })));
    },
  };
}
