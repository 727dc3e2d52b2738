#!/usr/bin/env node
/** The `mona` executable: `main` with the real process. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
