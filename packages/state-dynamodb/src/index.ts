/**
 * @mona-ecs/state-dynamodb: Mona's shared state store on DynamoDB (checkpoints, ledger,
 * outbox, sender values, per-cluster leases). This file is the whole public API.
 */
export { createDynamoDbStore } from './createDynamoDbStore.js';
export type { DynamoDbStoreOptions } from './createDynamoDbStore.js';
export { ensureTable } from './ensureTable.js';
export { KEY, TTL_ATTRIBUTE } from './tableLayout.js';
