import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JSONSchemaType, ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { senderOptionsValidatorCheck } from '../testing/standaloneValidators.js';
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

describe('validateSenderOptions with a precompiled validateOptions', () => {
  // The schema above without its `uri` format: a schema with formats cannot be precompiled.
  const plain = { ...schema, properties: { ...schema.properties, webhookUrl: { type: 'string' } } } as JSONSchemaType<SlackLike>;

  async function standaloneOf(optionsSchema: object): Promise<ValidateFunction<SlackLike>> {
    const file = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'mona-options-')), 'optionsValidator.generated.mjs'));
    const { expected } = senderOptionsValidatorCheck(file, optionsSchema, 'test', 'regenerate');
    writeFileSync(file, expected);
    return ((await import(file.href)) as { validate: ValidateFunction<SlackLike> }).validate;
  }

  it('validates with it, with the same defaults and the same messages as the compiled schema', async () => {
    // Prepare
    const validate = await standaloneOf(plain);
    // A schema ajv would refuse: had the host compiled it instead of using validateOptions, this would throw.
    const precompiled = defineSender<SlackLike>({ ...plugin, optionsSchema: { type: 'objekt' } as never, validateOptions: validate });
    const compiled = defineSender<SlackLike>({ ...plugin, optionsSchema: plain });
    const bad = { webhookUrl: 42, colour: 'pink', extra: true };
    // Act
    const options = validateSenderOptions(precompiled, { webhookUrl: 'https://hooks.example/x' });
    const precompiledMessage = messageOf(() => validateSenderOptions(precompiled, bad, 'senders[0]'));
    // Assess
    expect(options).toEqual({ webhookUrl: 'https://hooks.example/x', mentions: [], colour: 'auto' });
    expect(precompiledMessage).toBe(messageOf(() => validateSenderOptions(compiled, bad, 'senders[0]')));
    expect(precompiledMessage.split('\n')).toHaveLength(3);
  });
});
