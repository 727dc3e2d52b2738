import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, FAKE_AWS_ENV, runCli } from './support/startMona.js';

describe('mona demo', () => {
  it('plays the whole story on its own, one line per notification, and exits 0', async () => {
    // Prepare
    const demo = runCli(['demo', '--beat-ms', '200']);
    // Act
    const code = await demo.exited(40_000);
    // Assess
    const out = demo.stdout();
    expect(code).toBe(0);
    for (const title of [
      'Mona: monitoring 4 services (default)',
      'api: deployment started',
      'api: deployment done',
      'web: scaling 2 → 4',
      'web: scaling done',
      'worker: task crashed',
      'worker: recovered',
      'billing: deployment timed out',
      'billing: deployment done',
      'web: tasks failing during deployment',
      'web: deployment failed',
      'web: rollback started',
      'web: rollback done',
    ]) {
      expect(out.split('\n').filter((line) => line.includes(title))).toHaveLength(1);
    }
    expect(out).toContain('OutOfMemoryError');
    expect(out).not.toContain('\u001b[');
    expect(demo.stderr()).not.toContain('"level":30');
  });

  it('ends quietly with exit 0 when its reader goes away (`mona demo | head -3`)', async () => {
    // Prepare
    const child = spawn(process.execPath, [CLI, 'demo', '--beat-ms', '200'], {
      env: { ...process.env, ...FAKE_AWS_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let lines = 0;
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    // Act: read three lines, then close the pipe as `head -3` does
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      lines += c.split('\n').length - 1;
      if (lines >= 3) child.stdout.destroy();
    });
    const code = await exit;
    clearTimeout(timer);
    // Assess
    expect(err).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
