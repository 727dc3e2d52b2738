import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temporary files `writeFileAtomically` writes next to `path` (removed by `removeStaleTemps`). */
const tempPattern = (path: string): RegExp => new RegExp(`^${escapeRegExp(basename(path))}\\.[0-9a-f]{12}\\.tmp$`);

/**
 * Replaces `path` with `text` so that a reader (or a crash) sees the old file or the new one,
 * never a part: write a temporary file beside it, fsync it, rename it over `path`, fsync the
 * directory so the rename itself survives a power cut.
 *
 * Written here rather than with `write-file-atomic`: its exit hook (signal-exit) re-raises the
 * first SIGTERM once the last other listener is gone and deletes the temporary file of a write
 * in flight, which turned Mona's graceful drain into an abort (the "second signal" path).
 *
 * @example
 * await writeFileAtomically('/var/lib/mona/state.json', JSON.stringify(doc), 0o600);
 */
export async function writeFileAtomically(path: string, text: string, mode: number): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temp, 'w', mode);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Removes temporary files a killed process left beside `path`. Call it only while holding the
 * file's lock: then no other writer can be using them.
 *
 * @example
 * await removeStaleTemps('/var/lib/mona/state.json');
 */
export async function removeStaleTemps(path: string): Promise<void> {
  const pattern = tempPattern(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => pattern.test(n)).map((n) => unlink(join(dirname(path), n)).catch(() => undefined)));
}

async function syncDirectory(dir: string): Promise<void> {
  // Not every platform lets a directory be opened for fsync (Windows): the rename is then as
  // durable as that file system makes it.
  const handle = await open(dir, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
