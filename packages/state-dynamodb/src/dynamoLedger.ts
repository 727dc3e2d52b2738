import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ClaimResult, Ledger } from '@mona-ecs/core/state';
import { callDynamo, isConditionFailed } from './callDynamo.js';
import { clusterPk, ledgerSk, ttlOf } from './tableLayout.js';

/**
 * The delivery ledger: a claim is a conditional PutItem that succeeds only when the id is
 * unknown, expired, or already claimed by the same holder; so of several replicas exactly one
 * sends. Settling is conditional on still being the holder.
 */
export function dynamoLedger(doc: DynamoDBDocumentClient, table: string, now: () => number, ledgerTtlMs: number): Ledger {
  return {
    async claim(cluster, sender, eventId, { holder, holdMs }): Promise<ClaimResult> {
      const at = now();
      const key = { pk: clusterPk(cluster), sk: ledgerSk(sender, eventId) };
      try {
        await callDynamo(table, 'PutItem', () =>
          doc.send(
            new PutCommand({
              TableName: table,
              Item: { ...key, state: 'claimed', holder, exp: at + holdMs, ttl: ttlOf(at + holdMs) },
              ConditionExpression: 'attribute_not_exists(pk) OR #exp <= :now OR (#state = :claimed AND holder = :holder)',
              ExpressionAttributeNames: { '#exp': 'exp', '#state': 'state' },
              ExpressionAttributeValues: { ':now': at, ':claimed': 'claimed', ':holder': holder },
            }),
          ),
        );
        return 'claimed';
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        const current = await callDynamo(table, 'GetItem', () =>
          doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true })),
        );
        return current.Item?.state === 'delivered' ? 'delivered' : 'held';
      }
    },
    async settle(cluster, sender, eventId, { holder, outcome }): Promise<void> {
      const key = { pk: clusterPk(cluster), sk: ledgerSk(sender, eventId) };
      const until = now() + ledgerTtlMs;
      try {
        if (outcome === 'delivered') {
          const Item = { ...key, state: 'delivered', holder, exp: until, ttl: ttlOf(until) };
          const condition = {
            ConditionExpression: 'attribute_not_exists(pk) OR holder = :holder',
            ExpressionAttributeValues: { ':holder': holder },
          };
          await callDynamo(table, 'PutItem', () => doc.send(new PutCommand({ TableName: table, Item, ...condition })));
        } else {
          const condition = { ConditionExpression: 'holder = :holder', ExpressionAttributeValues: { ':holder': holder } };
          await callDynamo(table, 'DeleteItem', () => doc.send(new DeleteCommand({ TableName: table, Key: key, ...condition })));
        }
      } catch (error) {
        // The claim passed to another holder (ours expired): that holder settles it.
        if (!isConditionFailed(error)) throw error;
      }
    },
  };
}
