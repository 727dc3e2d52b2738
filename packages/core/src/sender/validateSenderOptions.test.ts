import type { JSONSchemaType } from 'ajv';
import { describe, expect, it } from 'vitest';
import { defineSender } from './defineSender.js';
import { validateSenderOptions } from './validateSenderOptions.js';

interface SlackLike {
  webhookUrl: string;
  username?: string;
  mentions: string[];
  colour: 'auto' | 'none';
}

const schema: JSONSchemaType<SlackLike> = {
  type: 'object',
  properties: {
    webhookUrl: { type: 'string', format: 'uri' },
    username: { type: 'string', nullable: true },
    mentions: { type: 'array', items: { type: 'string' }, default: [] },
    colour: { type: 'string', enum: ['auto', 'none'], default: 'auto' },
  },
  required: ['webhookUrl', 'mentions', 'colour'],
  additionalProperties: false,
};
const plugin = defineSender<SlackLike>({ name: 'slack', optionsSchema: schema, create: () => ({ send: () => Promise.resolve() }) });

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toMatchObject({ code: 'MONA_OPTIONS_INVALID' });
    return (error as Error).message;
  }
  throw new Error('expected validation to fail');
}

describe('validateSenderOptions', () => {
  it('returns the options with schema defaults applied', () => {
    const options = validateSenderOptions(plugin, { webhookUrl: 'https://hooks.slack.com/services/T/B/X' });

    expect(options).toEqual({ webhookUrl: 'https://hooks.slack.com/services/T/B/X', mentions: [], colour: 'auto' });
  });

  it('never mutates the caller’s object', () => {
    const input = { webhookUrl: 'https://hooks.slack.com/services/T/B/X' };

    validateSenderOptions(plugin, input);

    expect(input).toEqual({ webhookUrl: 'https://hooks.slack.com/services/T/B/X' });
  });

  it('lists every problem at once, each with its JSON path and the prefix', () => {
    const message = messageOf(() =>
      validateSenderOptions(plugin, { webhookUrl: 42, colour: 'pink', extra: true }, 'senders[0] (@mona-ecs/sender-slack)'),
    );

    expect(message.split('\n')).toEqual([
      "senders[0] (@mona-ecs/sender-slack): options must NOT have additional property 'extra'",
      'senders[0] (@mona-ecs/sender-slack): options/webhookUrl must be string',
      'senders[0] (@mona-ecs/sender-slack): options/colour must be one of ["auto","none"]',
    ]);
  });

  it('names a missing required property', () => {
    const message = messageOf(() => validateSenderOptions(plugin, {}));

    expect(message).toBe("slack: options must have required property 'webhookUrl'");
  });

  it('rejects a malformed URL through the uri format', () => {
    const message = messageOf(() => validateSenderOptions(plugin, { webhookUrl: 'not a url' }));

    expect(message).toContain('options/webhookUrl must match format "uri"');
  });

  it('treats absent options as an empty object', () => {
    const message = messageOf(() => validateSenderOptions(plugin, undefined));

    expect(message).toContain("required property 'webhookUrl'");
  });
});

describe('validateSenderOptions with options built in code', () => {
  it('accepts options holding a function without cloning it away', () => {
    const open = defineSender<{ hook: unknown }>({
      name: 'custom',
      optionsSchema: { type: 'object', properties: { hook: {} }, required: ['hook'], additionalProperties: false } as never,
      create: () => ({ send: () => Promise.resolve() }),
    });
    const hook = () => 'called';

    const options = validateSenderOptions(open, { hook });

    expect(options.hook).toBe(hook);
  });
});
