import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileRegion } from './profileRegion.js';

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

describe('profileRegion', () => {
  it('reads the region of the default profile', () => {
    // Act
    const region = profileRegion({ AWS_CONFIG_FILE: configFile(SHARED) });
    // Assess
    expect(region).toBe('us-east-1');
  });

  it('reads the region of the profile named by AWS_PROFILE', () => {
    // Act
    const region = profileRegion({ AWS_CONFIG_FILE: configFile(SHARED), AWS_PROFILE: 'prod' });
    // Assess
    expect(region).toBe('eu-west-1');
  });

  it('finds nothing for an unknown profile, a profile without region, or no file', () => {
    // Act
    const unknown = profileRegion({ AWS_CONFIG_FILE: configFile(SHARED), AWS_PROFILE: 'dev' });
    const without = profileRegion({ AWS_CONFIG_FILE: configFile('[default]\noutput = json\n') });
    const noFile = profileRegion({}, mkdtempSync(join(tmpdir(), 'mona-home-')));
    // Assess
    expect([unknown, without, noFile]).toEqual([undefined, undefined, undefined]);
  });
});
