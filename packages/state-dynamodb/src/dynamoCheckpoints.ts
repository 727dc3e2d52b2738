import { BatchWriteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StateStoreError, StateStoreErrorCode, type Checkpoint, type CheckpointStore, type JsonValue } from '@mona-ecs/core/state';
import { callDynamo, queryItems } from './callDynamo.js';
import { CHECKPOINT_ENTRY, CHECKPOINT_META, clusterPk } from './tableLayout.js';

/** BatchWriteItem's maximum. */
const BATCH = 25;
/** Rounds of UnprocessedItems retried before the save fails as throttled. */
const UNPROCESSED_ROUNDS = 8;

interface MetaItem {
  version: number;
  savedAt: number;
  meta: JsonValue;
}

type Write = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * Checkpoints as one item per service plus a meta item. A save writes only the entries whose
 * JSON changed since the last save or load (a quiet sweep of 5,000 services writes one item),
 * deletes the entries of services that are gone, and writes the meta item last.
 */
export function dynamoCheckpoints(doc: DynamoDBDocumentClient, table: string, sleep: (ms: number) => Promise<void>): CheckpointStore {
  // What the table holds, per cluster: entry name → its JSON. Only this process writes a
  // cluster's checkpoint (it holds the lease), so the cache stays true between saves.
  const known = new Map<string, Map<string, string>>();

  const load = async (cluster: string): Promise<Checkpoint | undefined> => {
    const pk = clusterPk(cluster);
    const entries: Record<string, JsonValue> = {};
    const texts = new Map<string, string>();
    let meta: MetaItem | undefined;
    const items = await queryItems(doc, table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :cp)',
      ExpressionAttributeValues: { ':pk': pk, ':cp': 'cp#' },
    });
    for (const item of items) {
      const sk = String(item.sk);
      const data = String(item.data);
      if (sk === CHECKPOINT_META) meta = parse(table, cluster, data) as unknown as MetaItem;
      else if (sk.startsWith(CHECKPOINT_ENTRY)) {
        const name = sk.slice(CHECKPOINT_ENTRY.length);
        texts.set(name, data);
        Object.defineProperty(entries, name, {
          value: parse(table, cluster, data),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    known.set(cluster, texts);
    return meta === undefined ? undefined : { version: meta.version, savedAt: meta.savedAt, meta: meta.meta, entries };
  };

  const save = async (cluster: string, checkpoint: Checkpoint): Promise<void> => {
    if (!known.has(cluster)) await load(cluster);
    const before = known.get(cluster) ?? new Map<string, string>();
    const after = new Map(Object.entries(checkpoint.entries).map(([name, value]) => [name, JSON.stringify(value)]));
    const pk = clusterPk(cluster);
    const writes: Write[] = [];
    for (const [name, data] of after) {
      if (before.get(name) !== data) writes.push({ PutRequest: { Item: { pk, sk: `${CHECKPOINT_ENTRY}${name}`, data } } });
    }
    for (const name of before.keys()) {
      if (!after.has(name)) writes.push({ DeleteRequest: { Key: { pk, sk: `${CHECKPOINT_ENTRY}${name}` } } });
    }
    // Forget the cache first: if a batch fails half way, the next save reloads the truth.
    known.delete(cluster);
    for (let i = 0; i < writes.length; i += BATCH) await batchWrite(writes.slice(i, i + BATCH));
    const meta: MetaItem = { version: checkpoint.version, savedAt: checkpoint.savedAt, meta: checkpoint.meta };
    await callDynamo(table, 'PutItem', () =>
      doc.send(new PutCommand({ TableName: table, Item: { pk, sk: CHECKPOINT_META, data: JSON.stringify(meta) } })),
    );
    known.set(cluster, after);
  };

  const batchWrite = async (writes: Write[]): Promise<void> => {
    let pending = writes;
    for (let round = 0; pending.length > 0; round += 1) {
      if (round === UNPROCESSED_ROUNDS) {
        throw new StateStoreError(
          StateStoreErrorCode.throttled,
          `DynamoDB left ${pending.length} checkpoint writes unprocessed on table "${table}" after ${round} rounds. Fix: use on-demand capacity or raise the table's write capacity.`,
          { retryable: true },
        );
      }
      if (round > 0) await sleep(Math.min(2_000, 50 * 2 ** round));
      const result = await callDynamo(table, 'BatchWriteItem', () =>
        doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } })),
      );
      pending = (result.UnprocessedItems?.[table] ?? []) as Write[];
    }
  };

  return { load, save };
}

function parse(table: string, cluster: string, data: string): JsonValue {
  try {
    return JSON.parse(data) as JsonValue;
  } catch (cause) {
    throw new StateStoreError(
      StateStoreErrorCode.corrupt,
      `the checkpoint of cluster ${cluster} in DynamoDB table "${table}" is damaged (not JSON). Fix: delete the items with pk "c#${cluster}" and sk beginning "cp#" to take a fresh baseline.`,
      { retryable: false, cause },
    );
  }
}
