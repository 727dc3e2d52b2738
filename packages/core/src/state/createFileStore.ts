import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StateStoreError, StateStoreErrorCode } from '../errors.js';
import { DEFAULT_LEDGER_TTL_MS, documentStore } from './documentStore.js';
import { groupCommit } from './groupCommit.js';
import { DEFAULT_LOCK, lockStateFile } from './lockStateFile.js';
import { parseStateFile } from './parseStateFile.js';
import { StateDocument } from './StateDocument.js';
import { removeStaleTemps, writeFileAtomically } from './writeFileAtomically.js';
import type { StateStore } from './types.js';

export interface FileStoreOptions {
  /** The state file; its directory is created (mode 0700) if needed. */
  path: string;
  /** How long a delivered event id is remembered (default 7 days): bounds the file's growth. */
  ledgerTtlMs?: number;
  /** A dead holder's lock is taken over after this long (default 5 s, at least 2 s). */
  lockStaleMs?: number;
  /** Called once if the lock is lost while running (another process took the file): stop. */
  onLockLost?: (error: StateStoreError) => void;
  now?: () => number;
}

/**
 * The embedded state store: one JSON file, owned by one process. The file is read once at
 * open; every change is written atomically (temp file, fsync, rename, directory fsync: `writeFileAtomically`), and
 * changes made during a write are grouped into the next one. Expired ledger entries and values
 * are dropped on each write, which bounds the file's size. A corrupt, foreign or newer file is
 * a `StateStoreError` naming the path and the fix; a second process fails with `MONA_STATE_LOCKED`.
 *
 * @example
 * const store = await createFileStore({ path: defaultStatePath() });
 * await store.checkpoints.save('prod@eu-west-1', toCheckpoint(state));
 * await store.close();
 */
export async function createFileStore(options: FileStoreOptions): Promise<StateStore> {
  const { path } = options;
  const now = options.now ?? Date.now;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  } catch (cause) {
    throw ioError(`cannot create the directory of state file ${path}`, cause);
  }
  let lost: StateStoreError | undefined;
  const lock = await lockStateFile(path, {
    staleMs: options.lockStaleMs ?? DEFAULT_LOCK.staleMs,
    onCompromised: (cause) => {
      lost = new StateStoreError(
        StateStoreErrorCode.locked,
        `lost the lock on state file ${path} (${cause.message}): another process may be using it. Fix: run one Mona per state file.`,
        { retryable: false, cause },
      );
      options.onLockLost?.(lost);
    },
  });
  let document: StateDocument;
  try {
    // Ours now: a temporary file beside it is what a killed process left.
    await removeStaleTemps(path);
    document = await readDocument(path);
  } catch (error) {
    await lock.release();
    throw error;
  }
  const write = async (): Promise<void> => {
    if (lost !== undefined) throw lost;
    try {
      await writeFileAtomically(path, `${JSON.stringify(document.toData(now()))}\n`, 0o600);
    } catch (cause) {
      throw ioError(`cannot write state file ${path}`, cause);
    }
  };
  const commit = groupCommit(write);
  return documentStore({
    document,
    description: `file ${path}`,
    now,
    ledgerTtlMs: options.ledgerTtlMs ?? DEFAULT_LEDGER_TTL_MS,
    commit,
    close: async () => {
      try {
        if (lost === undefined) await commit();
      } finally {
        if (lost === undefined) await lock.release();
      }
    },
  });
}

async function readDocument(path: string): Promise<StateDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ENOENT') return new StateDocument();
    throw ioError(`cannot read state file ${path}`, cause);
  }
  return StateDocument.from(parseStateFile(text, path));
}

function ioError(what: string, cause: unknown): StateStoreError {
  return new StateStoreError(
    StateStoreErrorCode.io,
    `${what}: ${(cause as Error).message}. Fix: check the path's permissions and free space, or set "state": { "file": … } to a writable place.`,
    { retryable: true, cause },
  );
}
