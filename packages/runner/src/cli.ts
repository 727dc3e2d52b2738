#!/usr/bin/env node
/** The `mona` executable: `main` with the real process. */
import { main } from './main.js';

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exitCode = code;
// Everything was closed by now; should a library keep a handle open (an idle keep-alive socket,
// a timer), exit anyway after a grace period instead of hanging a stopping container. Unref'd,
// so a clean process exits at once without waiting for it.
setTimeout(() => process.exit(code), 2_000).unref();
