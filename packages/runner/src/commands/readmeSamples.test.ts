import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../__fixtures__/testIo.js';
import { main } from '../main.js';
import { demo } from './demo.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('mona demo documentation', () => {
  it('gives the same duration in its help, the runner README and the repository README', () => {
    // Prepare
    const seconds = (text: string) => [...text.matchAll(/about (\d+) s\b/gi)].map((m) => m[1]);
    const runnerReadme = read('../../README.md');
    const demoSection = runnerReadme.slice(
      runnerReadme.indexOf('### mona demo'),
      runnerReadme.indexOf('Decisions:', runnerReadme.indexOf('### mona demo')),
    );
    // Act
    const fromHelp = seconds(demo.summary);
    const fromReadmes = [...seconds(demoSection), ...seconds(read('../../../../README.md').replace(/\n/g, ' '))];
    // Assess
    expect(fromHelp).toHaveLength(1);
    expect(fromReadmes.length).toBeGreaterThanOrEqual(2);
    expect(new Set([...fromHelp, ...fromReadmes])).toEqual(new Set(fromHelp));
  });
});

describe('mona replay documentation', () => {
  it('prints exactly the README sample for the documented command, run from the repository root', async () => {
    // Prepare
    const readme = read('../../README.md');
    const block = /```\n\$ npx mona replay (\S+)\n([\s\S]*?)```/.exec(readme);
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const io = captureIo();
    // Act
    const code = await main(['replay', `${root}${block![1]!}`], io);
    // Assess
    expect(code).toBe(0);
    expect(io.out()).toBe(block![2]);
  });
});
