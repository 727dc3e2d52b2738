import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monaVersion } from './version.js';

describe('monaVersion', () => {
  it('is the version of the mona-ecs package.json, not a copy that can drift', () => {
    // Prepare
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

    // Act
    const version = monaVersion();

    // Assess
    expect(manifest.name).toBe('mona-ecs');
    expect(version).toBe(manifest.version);
    expect(version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
  });
});
