import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sdkRegion } from './sdkRegion.js';

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mona-aws-')), 'config');
  writeFileSync(file, text);
  return file;
}

const SHARED = `[default]
region = us-east-1

[profile prod] # the production account
output = json
region=eu-west-1
`;

describe('sdkRegion', () => {
  beforeEach(() => {
    // The SDK reads the process environment: keep the machine's own settings out of the test.
    vi.stubEnv('AWS_REGION', undefined);
    vi.stubEnv('AWS_PROFILE', undefined);
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(tmpdir(), 'mona-no-such-credentials'));
  });
  afterEach(() => vi.unstubAllEnvs());

  it('reads the region of the default profile', async () => {
    // Prepare
    vi.stubEnv('AWS_CONFIG_FILE', configFile(SHARED));
    // Act
    const region = await sdkRegion({});
    // Assess
    expect(region).toBe('us-east-1');
  });

  it('reads the region of the profile named by AWS_PROFILE', async () => {
    // Prepare
    vi.stubEnv('AWS_CONFIG_FILE', configFile(SHARED));
    // Act
    const region = await sdkRegion({ AWS_PROFILE: 'prod' });
    // Assess
    expect(region).toBe('eu-west-1');
  });

  it('finds nothing for a profile without region or no file at all', async () => {
    // Prepare
    vi.stubEnv('AWS_CONFIG_FILE', configFile('[default]\noutput = json\n'));
    const without = await sdkRegion({});
    vi.stubEnv('AWS_CONFIG_FILE', join(tmpdir(), 'mona-no-such-config'));
    const noFile = await sdkRegion({});
    // Assess
    expect([without, noFile]).toEqual([undefined, undefined]);
  });
});
