import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemps, writeFileAtomically } from './writeFileAtomically.js';

let dir = '';
let path = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mona-atomic-'));
  path = join(dir, 'state.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  it('replaces the file with the new text, with the given mode, and leaves no temporary file', async () => {
    // Prepare
    await writeFile(path, 'old');
    // Act
    await writeFileAtomically(path, 'new', 0o600);
    // Assess
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['state.json']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('installs no signal listener, so a SIGTERM stays the process’s own to handle', async () => {
    // Prepare
    const before = ['SIGTERM', 'SIGINT', 'SIGHUP'].map((s) => process.listenerCount(s));
    // Act
    await writeFileAtomically(path, 'x', 0o600);
    // Assess
    expect(['SIGTERM', 'SIGINT', 'SIGHUP'].map((s) => process.listenerCount(s))).toEqual(before);
  });

  it('leaves what is at the path untouched and removes its temporary file when the rename fails', async () => {
    // Prepare: the path is a directory with a file in it, so nothing may be renamed over it
    await mkdir(path);
    await writeFile(join(path, 'keep'), 'kept');
    // Act
    const error = await writeFileAtomically(path, 'new', 0o600).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(await readFile(join(path, 'keep'), 'utf8')).toBe('kept');
    expect(await readdir(dir)).toEqual(['state.json']);
  });
});

describe('removeStaleTemps', () => {
  it('removes the temporary files a killed writer left, and nothing else', async () => {
    // Prepare
    await writeFile(path, '{}');
    await writeFile(join(dir, 'state.json.0123456789ab.tmp'), 'half');
    await writeFile(join(dir, 'other.json.0123456789ab.tmp'), 'not ours');
    await writeFile(join(dir, 'state.json.bak'), 'backup');
    // Act
    await removeStaleTemps(path);
    // Assess
    expect((await readdir(dir)).sort()).toEqual(['other.json.0123456789ab.tmp', 'state.json', 'state.json.bak']);
  });
});
