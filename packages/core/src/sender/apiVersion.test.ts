import { describe, expect, it } from 'vitest';
import { checkLoadedPlugin } from './checkLoadedPlugin.js';
import { SENDER_API_VERSION } from './apiVersion.js';

const plugin = (apiVersion: unknown) => ({
  name: 'x',
  apiVersion,
  optionsSchema: { type: 'object', properties: {}, required: [], additionalProperties: false },
  create: () => ({ send: () => Promise.resolve() }),
});

describe('plugin API version', () => {
  it.each([undefined, 1, SENDER_API_VERSION])('hosts a plugin written for %s', (version) => {
    expect(() => checkLoadedPlugin(plugin(version), 'senders[0] "x"')).not.toThrow();
  });

  it('refuses a plugin written for a newer API, saying to upgrade mona-ecs', () => {
    // Act / Assess
    expect(() => checkLoadedPlugin(plugin(SENDER_API_VERSION + 1), 'senders[0] "mona-sender-x"')).toThrow(
      expect.objectContaining({
        code: 'MONA_PLUGIN_INCOMPATIBLE',
        message: `senders[0] "mona-sender-x" was written for sender API ${SENDER_API_VERSION + 1}; this @mona-ecs/core hosts 1 to ${SENDER_API_VERSION}. Fix: upgrade mona-ecs and @mona-ecs/core to a release that hosts it, or install an older release of the plugin`,
      }),
    );
  });

  it('refuses an apiVersion that is not a positive integer', () => {
    expect(() => checkLoadedPlugin(plugin('2'), 'senders[0] "x"')).toThrow(
      expect.objectContaining({ code: 'MONA_PLUGIN_INVALID', message: expect.stringContaining('`apiVersion` must be a positive integer') }),
    );
  });
});
