import { defineConfig } from 'vitest/config';

// Self-contained (no shared config of the Mona repository), so the folder also tests on its own
// when copied out. `@mona-ecs/core` is the built package, as a third-party plugin would see it.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
