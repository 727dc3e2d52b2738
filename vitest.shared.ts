import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Shared Vitest settings. Unit tests import sibling packages from their TypeScript sources
 * (the aliases below), so `vitest` works without a build and every package sees one copy of
 * `@mona-ecs/core`. End-to-end tests that spawn the `mona` CLI use the built `dist/` instead;
 * `npm test` builds first (nx `test` dependsOn `build`).
 */
export const shared = defineConfig({
  resolve: {
    alias: [
      { find: /^@mona-ecs\/core\/testing$/, replacement: `${root}packages/core/src/testing/index.ts` },
      { find: /^@mona-ecs\/core\/(ecs|pipeline|format|sender|state)$/, replacement: `${root}packages/core/src/entries/$1.ts` },
      {
        find: /^@mona-ecs\/(core|sender-slack|sender-sns|sender-email|sender-webhook|ecs-simulator|state-dynamodb)$/,
        replacement: `${root}packages/$1/src/index.ts`,
      },
      { find: /^mona-ecs$/, replacement: `${root}packages/runner/src/index.ts` },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    // Node 20 is supported by the SDK versions we pin; its notice would only bury test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
