import { validateSenderOptions } from '@mona-ecs/core/sender';
import { describe, expect, it } from 'vitest';
import plugin from './index.js';

describe('webhook options', () => {
  it.each([
    [{ preset: 'pagerduty' }, "options must have required property 'routingKey'"],
    [{ preset: 'opsgenie' }, "options must have required property 'apiKey'"],
    [{ preset: 'discord' }, "options must have required property 'url'"],
    [{}, "options must have required property 'url'"],
    [
      { preset: 'slack', url: 'https://x' },
      'options/preset must be one of ["custom","teams","discord","googleChat","mattermost","pagerduty","opsgenie"]',
    ],
    [{ url: 'https://x', headers: null }, 'options/headers must be object'],
  ])('refuses %j', (options, message) => {
    expect(() => validateSenderOptions(plugin, options)).toThrow(message);
  });

  it('needs only a routing key for PagerDuty and applies the preset default', () => {
    expect(validateSenderOptions(plugin, { preset: 'pagerduty', routingKey: 'R' })).toEqual({ preset: 'pagerduty', routingKey: 'R' });
    expect(validateSenderOptions(plugin, { url: 'https://x' })).toEqual({ preset: 'custom', url: 'https://x' });
  });
});
