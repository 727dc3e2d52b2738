import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import lockfile from 'proper-lockfile';
import { StateStoreError, StateStoreErrorCode } from '../errors.js';

/** A held lock: `release` gives it back; `compromised` is set when another process took it. */
export interface StateFileLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** The lock is stale (its holder died) once not refreshed for this long. */
  staleMs: number;
  /** Called when the lock was lost (refresh failed, another process took it): stop writing. */
  onCompromised: (error: Error) => void;
}

/** Defaults: a SIGKILLed holder's lock is taken over after 5 s; a live one refreshes it every second. */
export const DEFAULT_LOCK: Pick<LockOptions, 'staleMs'> = { staleMs: 5_000 };

interface Holder {
  pid: number;
  hostname: string;
  startedAt: string;
}

/**
 * Takes the one-process lock on a state file (`PATH.lock`, a directory, kept fresh by
 * proper-lockfile) and records who holds it in `PATH.holder`. A live holder on this host fails
 * fast with `MONA_STATE_LOCKED` naming its pid; a holder that died (a SIGKILL leaves its lock)
 * or one on another host (a shared volume) is waited for until its lock is stale.
 *
 * @example
 * const lock = await lockStateFile('/var/lib/mona/state.json', { staleMs: 5000, onCompromised: stop });
 */
export async function lockStateFile(path: string, options: LockOptions): Promise<StateFileLock> {
  const staleMs = Math.max(2_000, options.staleMs);
  const attempt = (): Promise<() => Promise<void>> =>
    lockfile.lock(path, { realpath: false, stale: staleMs, update: Math.floor(staleMs / 5), onCompromised: options.onCompromised });
  let release: () => Promise<void>;
  try {
    release = await attempt();
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw ioError(path, error);
    const holder = await readHolder(path);
    if (holder !== undefined && isAliveHere(holder)) throw lockedError(path, holder);
    release = await waitForStale(path, staleMs, attempt, holder);
  }
  const me: Holder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  await writeFile(`${path}.holder`, `${JSON.stringify(me)}\n`, { mode: 0o600 });
  return {
    async release() {
      await rm(`${path}.holder`, { force: true });
      await release();
    },
  };
}

async function waitForStale(
  path: string,
  staleMs: number,
  attempt: () => Promise<() => Promise<void>>,
  holder: Holder | undefined,
): Promise<() => Promise<void>> {
  // Bounded: one stale period plus the refresh slack, then give up with the holder's name.
  const deadline = Date.now() + staleMs * 2;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    try {
      return await attempt();
    } catch (error) {
      if ((error as { code?: string }).code !== 'ELOCKED') throw ioError(path, error);
      if (Date.now() > deadline) throw lockedError(path, holder);
    }
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(`${path}.holder`, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' && typeof parsed.hostname === 'string'
      ? { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt) }
      : undefined;
  } catch {
    return undefined; // no record (an older holder, or it died between lock and record): wait for staleness
  }
}

/** A holder on this host whose pid runs (and is not us: a container restart reuses pid 1). */
function isAliveHere(holder: Holder): boolean {
  if (holder.hostname !== hostname() || holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

function lockedError(path: string, holder: Holder | undefined): StateStoreError {
  const who = holder === undefined ? 'another process' : `pid ${holder.pid} on ${holder.hostname} (since ${holder.startedAt})`;
  return new StateStoreError(
    StateStoreErrorCode.locked,
    `state file ${path} is in use by ${who}. One Mona process per state file. Fix: stop the other process, or give this one its own "state": { "file": … } (or MONA_STATE_DIR); for several replicas use "state": { "dynamodb": … }.`,
    { retryable: false },
  );
}

function ioError(path: string, cause: unknown): StateStoreError {
  return new StateStoreError(
    StateStoreErrorCode.io,
    `cannot lock state file ${path}: ${(cause as Error).message}. Fix: check that its directory exists and is writable.`,
    {
      retryable: true,
      cause,
    },
  );
}
