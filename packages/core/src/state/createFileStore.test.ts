import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateStoreError } from '../errors.js';
import { createFileStore } from './createFileStore.js';

let dir = '';
let path = '';
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mona-filestore-'));
  path = join(dir, 'state.json');
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const failure = async (promise: Promise<unknown>): Promise<StateStoreError> => {
  try {
    await promise;
  } catch (error) {
    return error as StateStoreError;
  }
  throw new Error('expected a rejection');
};

describe('createFileStore', () => {
  it.each([
    ['not JSON', '{"format": "mona-st', 'MONA_STATE_CORRUPT', /is not valid JSON.*Fix: restore it from a backup, or move it away/],
    [
      'damaged',
      '{"format":"mona-state","version":1,"checkpoints":{},"ledger":[],"outbox":[],"values":[],"leases":[],"members":[]}',
      'MONA_STATE_CORRUPT',
      /is damaged at \/checkpoints/,
    ],
    [
      'foreign',
      '{"name":"my-app","version":"1.0.0"}',
      'MONA_STATE_FOREIGN',
      /is not a Mona state file.*Mona does not overwrite files it did not write/,
    ],
    ['from a newer Mona', '{"format":"mona-state","version":9}', 'MONA_STATE_NEWER_VERSION', /format version 9, written by a newer Mona/],
  ])('refuses a state file that is %s, naming the path and the fix, and leaves it untouched', async (_, text, code, message) => {
    // Prepare
    await writeFile(path, text);
    // Act
    const error = await failure(createFileStore({ path }));
    // Assess
    expect(error).toMatchObject({ name: 'StateStoreError', code, retryable: false });
    expect(error.message).toContain(path);
    expect(error.message).toMatch(message);
    expect(await readFile(path, 'utf8')).toBe(text);
    // The lock was given back: once the file is fixed, Mona starts at once.
    await rm(path);
    await (await createFileStore({ path })).close();
  });

  it('fails fast, naming the holder, when a live process on this host holds the file', async () => {
    // Prepare: a live process "holds" the file (its lock kept fresh, its pid recorded).
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    children.push(holder);
    const release = await lockfile.lock(path, { realpath: false, stale: 5_000, update: 1_000 });
    await writeFile(`${path}.holder`, JSON.stringify({ pid: holder.pid, hostname: hostname(), startedAt: 'earlier' }));
    const started = Date.now();
    // Act
    const error = await failure(createFileStore({ path }));
    // Assess
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toMatchObject({ code: 'MONA_STATE_LOCKED' });
    expect(error.message).toContain(`in use by pid ${holder.pid} on ${hostname()}`);
    expect(error.message).toMatch(/"state": \{ "dynamodb"/);
    await release();
  });

  it('takes over the lock a killed process left behind once it is stale, keeping the state', async () => {
    // Prepare: a state file, and the lock and holder record of a process that died.
    const first = await createFileStore({ path });
    await first.values('slack').set('thread', 'kept');
    await first.close();
    await mkdir(`${path}.lock`);
    const old = new Date(Date.now() - 1_000);
    await utimes(`${path}.lock`, old, old);
    await writeFile(`${path}.holder`, JSON.stringify({ pid: 2 ** 22 + 7, hostname: hostname(), startedAt: 'earlier' }));
    // Act
    const store = await createFileStore({ path, lockStaleMs: 2_000 });
    // Assess
    expect(await store.values('slack').get('thread')).toBe('kept');
    expect(JSON.parse(await readFile(`${path}.holder`, 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
  });

  it('reports a lost lock once and refuses further writes', async () => {
    // Prepare
    const lost: StateStoreError[] = [];
    const store = await createFileStore({ path, lockStaleMs: 2_000, onLockLost: (error) => lost.push(error) });
    // Act: someone removes the lock from under it.
    await rm(`${path}.lock`, { recursive: true });
    for (let i = 0; i < 40 && lost.length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
    // Assess
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ code: 'MONA_STATE_LOCKED' });
    await expect(store.values('x').set('k', 1)).rejects.toMatchObject({ code: 'MONA_STATE_LOCKED' });
    await store.close();
  });

  it('writes atomically: no temporary file is left, the file is private, and it parses after every write', async () => {
    const store = await createFileStore({ path });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.values('v').set(`k${i}`, i)));
    await store.close();
    expect((await readdir(dir)).sort()).toEqual(['state.json']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const reopened = await createFileStore({ path });
    expect(await reopened.values('v').get('k19')).toBe(19);
    await reopened.close();
  });

  it('drops expired ledger entries on the next write, so the file does not grow without bound', async () => {
    // Prepare
    let time = 1_000_000;
    const store = await createFileStore({ path, now: () => time, ledgerTtlMs: 60_000 });
    for (let i = 0; i < 50; i += 1) {
      await store.ledger.claim('c', 'slack', `e${i}`, { holder: 'a', holdMs: 1_000 });
      await store.ledger.settle('c', 'slack', `e${i}`, { holder: 'a', outcome: 'delivered' });
    }
    const full = (await readFile(path, 'utf8')).length;
    // Act
    time += 60_001;
    await store.values('v').set('k', 1);
    // Assess
    const data = JSON.parse(await readFile(path, 'utf8')) as { ledger: unknown[] };
    expect(data.ledger).toEqual([]);
    expect((await readFile(path, 'utf8')).length).toBeLessThan(full / 5);
    await store.close();
  });

  it('names the path when the state file cannot be read', async () => {
    await mkdir(path);
    const error = await failure(createFileStore({ path }));
    expect(error).toMatchObject({ code: 'MONA_STATE_IO', retryable: true });
    expect(error.message).toContain(`cannot read state file ${path}`);
  });
});
