import { paginateQuery, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { StateStoreError, StateStoreErrorCode } from '@mona-ecs/core/state';

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);

/** True when DynamoDB refused a conditional write (the expected outcome of a lost race). */
export function isConditionFailed(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException';
}

/**
 * Runs one DynamoDB call and turns its failure into a `StateStoreError` naming the table:
 * throttling that outlasted the SDK's retries is `MONA_STATE_THROTTLED`, a vanished table
 * `MONA_STATE_TABLE_MISSING`, anything else `MONA_STATE_IO`. Conditional check failures are
 * passed through untouched: callers treat them as answers.
 *
 * @example
 * const result = await callDynamo(table, 'PutItem', () => doc.send(new PutCommand(input)));
 */
export async function callDynamo<T>(table: string, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isConditionFailed(error)) throw error;
    throw toStateError(table, operation, error);
  }
}

/**
 * Every item a strongly consistent Query of `table` answers, all pages (the SDK's paginator),
 * its failure turned into a `StateStoreError` as `callDynamo` does.
 *
 * @example
 * const items = await queryItems(doc, table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });
 */
export async function queryItems(
  doc: DynamoDBDocumentClient,
  table: string,
  input: Omit<QueryCommandInput, 'TableName' | 'ConsistentRead' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  return callDynamo(table, 'Query', async () => {
    const items: Record<string, unknown>[] = [];
    for await (const page of paginateQuery({ client: doc }, { ...input, TableName: table, ConsistentRead: true }))
      items.push(...(page.Items ?? []));
    return items;
  });
}

export function toStateError(table: string, operation: string, error: unknown): StateStoreError {
  const name = (error as { name?: string }).name ?? 'Error';
  const message = (error as Error).message;
  if (THROTTLING.has(name)) {
    return new StateStoreError(
      StateStoreErrorCode.throttled,
      `DynamoDB throttled ${operation} on table "${table}" beyond the SDK's retries (${name}). Fix: use on-demand capacity (the template in deploy/ does), or raise the table's provisioned capacity.`,
      { retryable: true, cause: error },
    );
  }
  if (name === 'ResourceNotFoundException') {
    return new StateStoreError(StateStoreErrorCode.tableMissing, `DynamoDB table "${table}" is gone (${operation}: ${message}).`, {
      retryable: false,
      cause: error,
    });
  }
  return new StateStoreError(StateStoreErrorCode.io, `DynamoDB ${operation} on table "${table}" failed: ${name}: ${message}`, {
    retryable: true,
    cause: error,
  });
}
