#!/usr/bin/env node
// The `mona` executable that npm links at install time. It is committed (dist/ is built later),
// so `npm ci && npm run build && npx mona` works on a fresh clone; it only loads the built CLI.
import module from 'node:module';

// Node 22.1+: keep V8's compiled code of every loaded module on disk (in NODE_COMPILE_CACHE, else
// the OS temp directory), so the next start skips compiling them again. The image bakes a cache in.
// Without a writable or existing directory this does nothing; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
try {
  await import('../dist/cli.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('cli.js')) {
    process.stderr.write('mona: the CLI is not built yet. Run `npm run build` at the repository root, then try again.\n');
    process.exit(2);
  }
  throw error;
}
