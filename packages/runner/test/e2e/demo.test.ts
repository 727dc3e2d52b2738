import { describe, expect, it } from 'vitest';
import { runCli } from './support/startMona.js';

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
});
