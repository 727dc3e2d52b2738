import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stateStoreConformance } from '../testing/stateStoreConformance.js';
import { createFileStore } from './createFileStore.js';

let dir = '';
let path = '';

stateStoreConformance('file', {
  shared: false,
  async setup() {
    dir = await mkdtemp(join(tmpdir(), 'mona-state-'));
  },
  async teardown() {
    await rm(dir, { recursive: true, force: true });
  },
  async fresh() {
    path = join(dir, `${Math.random().toString(36).slice(2)}`, 'state.json');
  },
  open: (options) => createFileStore({ path, ...options }),
});
