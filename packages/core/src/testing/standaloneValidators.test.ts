import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generatedValidatorCheck } from './standaloneValidators.js';

const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
const newAjv = () => new Ajv({ code: { source: true, esm: true } });

describe('generatedValidatorCheck', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('tells a stale committed file from the current schema, and UPDATE_VALIDATORS=1 rewrites it', async () => {
    // Prepare
    const file = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'mona-validators-')), 'x.generated.ts'));
    writeFileSync(file, '// an older schema\n');
    const ajv = newAjv();
    // Act
    const stale = generatedValidatorCheck(file, ajv, ajv.compile(schema), 'x.ts', 'regenerate me');
    vi.stubEnv('UPDATE_VALIDATORS', '1');
    const fresh = generatedValidatorCheck(file, newAjv(), newAjv().compile(schema), 'x.ts', 'regenerate me');
    // Assess
    expect(stale.committed).not.toBe(stale.expected);
    expect(fresh.committed).toBe(fresh.expected);
    expect(readFileSync(file, 'utf8')).toContain('// Generated from x.ts');
    const generated = (await import(file.href)) as { validate: (v: unknown) => boolean };
    expect([generated.validate({ name: 'api' }), generated.validate({})]).toEqual([true, false]);
  });
});
