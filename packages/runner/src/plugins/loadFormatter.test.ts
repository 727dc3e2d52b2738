import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DeploymentStarted } from '@mona-ecs/core/format';
import { parseConfig } from '../config/loadConfig.js';
import { loadFormatter } from './loadFormatter.js';

const configPath = fileURLToPath(new URL('../__fixtures__/mona.json', import.meta.url));
const configWith = (extra: object) =>
  parseConfig(JSON.stringify({ ecsCluster: 'c', AWSRegion: 'eu-west-1', ...extra }), { configPath, env: {} });

describe('loadFormatter', () => {
  it('applies the formatter module relative to the config file', async () => {
    // Act
    const formatter = await loadFormatter(configWith({ formatter: './plugins/formatter.mjs' }));

    // Assess
    expect(formatter.deploy({ service: 'api' } as DeploymentStarted)).toBe('custom deploy of api');
  });

  it('fails with MONA_FORMATTER_INVALID when the module is missing', async () => {
    // Act
    const error = await loadFormatter(configWith({ formatter: './plugins/nope.mjs' })).catch((e: unknown) => e);

    // Assess
    expect((error as { code?: string }).code).toBe('MONA_FORMATTER_INVALID');
  });

  it('fails with MONA_FORMATTER_INVALID when the module exports functions under unknown keys', async () => {
    // Act
    const error = await loadFormatter(configWith({ formatter: './plugins/recording.mjs' })).catch((e: unknown) => e);

    // Assess
    expect((error as { code?: string }).code).toBe('MONA_FORMATTER_INVALID');
    expect((error as Error).message).toContain('not a formatter key');
  });
});
