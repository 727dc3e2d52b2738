/**
 * Vitest setup file: each test gets its own HOME and MONA_STATE_DIR, so a test that runs the
 * monitor with the default state store never touches the real per-user state file, never
 * resumes another test's state, and never contends for another test's state file lock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach } from 'vitest';

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'mona-test-home-'));
  process.env['HOME'] = dir;
  process.env['MONA_STATE_DIR'] = join(dir, 'state');
});
