import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Outbox, OutboxEntry } from '@mona-ecs/core/state';
import { callDynamo } from './callDynamo.js';
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
      const entries: OutboxEntry[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await callDynamo(table, 'Query', () =>
          doc.send(
            new QueryCommand({
              TableName: table,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :o)',
              ExpressionAttributeValues: { ':pk': clusterPk(cluster), ':o': OUTBOX },
              ConsistentRead: true,
              ExclusiveStartKey: start,
            }),
          ),
        );
        for (const item of page.Items ?? []) entries.push(JSON.parse(String(item.data)) as OutboxEntry);
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
      return entries.sort((a, b) => a.acceptedAt - b.acceptedAt);
    },
  };
}
