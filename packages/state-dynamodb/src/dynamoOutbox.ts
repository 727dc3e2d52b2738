import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Outbox, OutboxEntry } from '@mona-ecs/core/state';
import { callDynamo, queryItems } from './callDynamo.js';
import { clusterPk, OUTBOX, outboxSk } from './tableLayout.js';

/** The outbox: one item per accepted notification and sender, removed once delivered or dropped. */
export function dynamoOutbox(doc: DynamoDBDocumentClient, table: string): Outbox {
  return {
    async put(cluster, entry) {
      const Item = {
        pk: clusterPk(cluster),
        sk: outboxSk(entry.sender, entry.notification.id),
        acceptedAt: entry.acceptedAt,
        data: JSON.stringify(entry),
      };
      await callDynamo(table, 'PutItem', () => doc.send(new PutCommand({ TableName: table, Item })));
    },
    async remove(cluster, sender, id) {
      await callDynamo(table, 'DeleteItem', () =>
        doc.send(new DeleteCommand({ TableName: table, Key: { pk: clusterPk(cluster), sk: outboxSk(sender, id) } })),
      );
    },
    async list(cluster) {
      const items = await queryItems(doc, table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :o)',
        ExpressionAttributeValues: { ':pk': clusterPk(cluster), ':o': OUTBOX },
      });
      return items.map((item) => JSON.parse(String(item.data)) as OutboxEntry).sort((a, b) => a.acceptedAt - b.acceptedAt);
    },
  };
}
