/**
 * @mona-ecs/core/state: the state store contract (checkpoints, the delivery ledger, the outbox,
 * sender values, leases), the embedded file store, and the checkpoint of the reducer's state.
 * The DynamoDB store is `@mona-ecs/state-dynamodb`.
 */
export type {
  Checkpoint,
  CheckpointStore,
  ClaimResult,
  JsonValue,
  Lease,
  Leases,
  Ledger,
  Outbox,
  OutboxEntry,
  StateStore,
  ValueStore,
} from '../state/types.js';
export { createFileStore } from '../state/createFileStore.js';
export type { FileStoreOptions } from '../state/createFileStore.js';
export { defaultStatePath, STATE_FILE_NAME } from '../state/defaultStatePath.js';
export { DEFAULT_LEDGER_TTL_MS } from '../state/documentStore.js';
export { CHECKPOINT_VERSION, fromCheckpoint, toCheckpoint } from '../state/checkpoint.js';
export { StateStoreError, StateStoreErrorCode, STATE_SETUP_CODES } from '../errors.js';
