import { defineConfig, mergeConfig } from 'vitest/config';
import { shared } from '../../vitest.shared.js';

// One file, run alone: packing and two npm installs take tens of seconds (most of it npm
// resolving against its cache), far above the unit tests' 20 s.
export default mergeConfig(
  shared,
  defineConfig({
    test: { testTimeout: 120_000, hookTimeout: 420_000, maxWorkers: 1 },
  }),
);
