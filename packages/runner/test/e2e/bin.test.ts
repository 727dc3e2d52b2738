import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/mona.js', import.meta.url));

describe('the mona executable npm links', () => {
  it('runs the built CLI (what `npx mona` runs from the repository root)', () => {
    // Act
    const result = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', timeout: 20_000 });
    // Assess
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: mona <command>');
  });

  it('passes the exit code through (2 for a usage error)', () => {
    // Act
    const result = spawnSync(process.execPath, [BIN, 'no-such-command'], { encoding: 'utf8', timeout: 20_000 });
    // Assess
    expect(result.status).toBe(2);
  });
});
