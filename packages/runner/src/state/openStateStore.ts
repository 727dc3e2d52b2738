import type { Logger } from '@mona-ecs/core';
import { createFileStore, type StateStore, type StateStoreError } from '@mona-ecs/core/state';
import type { ResolvedState } from '../config/types.js';

/**
 * Opens the configured state store, or `undefined` when `state` is `false`. The DynamoDB store
 * is imported only when configured, so a file-only install never loads its SDK client.
 * Setup failures (corrupt or foreign file, file in use, missing table) are `StateStoreError`s
 * with a code of core's `STATE_SETUP_CODES`: the CLI exits 2 with their message.
 *
 * @example
 * const store = await openStateStore(config.state, { logger, onLost: (e) => stop(e) });
 */
export async function openStateStore(
  state: ResolvedState,
  parts: { logger: Logger; onLost: (error: StateStoreError) => void },
): Promise<StateStore | undefined> {
  if (state.kind === 'off') return undefined;
  if (state.kind === 'file') return createFileStore({ path: state.path, onLockLost: parts.onLost });
  const { createDynamoDbStore } = await import('@mona-ecs/state-dynamodb');
  return createDynamoDbStore({
    table: state.table,
    createTable: state.createTable,
    logger: parts.logger,
    ...(state.region === undefined ? {} : { region: state.region }),
    ...(state.endpoint === undefined ? {} : { endpoint: state.endpoint }),
  });
}
