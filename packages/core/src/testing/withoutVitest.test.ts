import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module `file` imports statically, followed through relative imports. */
function staticImports(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
  seen.set(file, specifiers);
  for (const spec of specifiers.filter((s) => s.startsWith('.'))) staticImports(join(dirname(file), spec.replace(/\.js$/, '.ts')), seen);
  return seen;
}

describe('@mona-ecs/core/testing without vitest', () => {
  it('imports vitest statically nowhere: fakes, builders and checks load under any runner', () => {
    // Act
    const graph = staticImports(join(here, 'index.ts'));
    const offenders = [...graph].filter(([, specs]) => specs.includes('vitest')).map(([file]) => file);
    // Assess
    expect(graph.size).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('loads vitest only inside senderConformance, guarded, so a missing vitest is not an import error', () => {
    // Act
    const source = readFileSync(join(here, 'senderConformance.ts'), 'utf8');
    // Assess
    expect(source).toContain("await import('vitest').catch(() => undefined)");
  });
});
