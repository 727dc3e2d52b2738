import { describe, expect, it } from 'vitest';
import type { SenderPlugin } from './types.js';
import { checkLoadedPlugin } from './checkLoadedPlugin.js';
import { defineSender } from './defineSender.js';

const valid = {
  name: 'webhook',
  optionsSchema: { type: 'object', properties: {}, required: [], additionalProperties: false },
  create: () => ({ send: () => Promise.resolve() }),
} as unknown as SenderPlugin<Record<string, never>>;

describe('defineSender', () => {
  it('returns the plugin it was given', () => {
    expect(defineSender(valid)).toBe(valid);
  });

  it('refuses a plugin without create, saying how to fix it', () => {
    const broken = { ...valid, create: undefined } as unknown as SenderPlugin<unknown>;

    expect(() => defineSender(broken)).toThrow(/webhook: `create` must be a function.*Fix: export default defineSender/);
  });

  it('refuses an options schema that ajv cannot compile', () => {
    const broken = { ...valid, optionsSchema: { type: 'objekt' } } as unknown as SenderPlugin<unknown>;

    expect(() => defineSender(broken)).toThrow(expect.objectContaining({ code: 'MONA_PLUGIN_INVALID' }));
  });

  it('takes a precompiled validateOptions instead of compiling the schema', () => {
    // The plugin's own test keeps validateOptions in step with its schema; the host trusts it.
    const precompiled = { ...valid, optionsSchema: { type: 'objekt' }, validateOptions: () => true } as unknown as SenderPlugin<unknown>;

    expect(defineSender(precompiled)).toBe(precompiled);
  });

  it('refuses a validateOptions that is not a function', () => {
    const broken = { ...valid, validateOptions: { validate: true } } as unknown as SenderPlugin<unknown>;

    expect(() => defineSender(broken)).toThrow(/webhook: `validateOptions`, when set, must be a standalone ajv validator function/);
  });
});

describe('checkLoadedPlugin', () => {
  it('unwraps an ES module default export', () => {
    expect(checkLoadedPlugin({ default: valid }, 'senders[0]')).toBe(valid);
  });

  it('unwraps the doubled default of CommonJS interop', () => {
    expect(checkLoadedPlugin({ default: { default: valid } }, 'senders[0]')).toBe(valid);
  });

  it('accepts the plugin object itself', () => {
    expect(checkLoadedPlugin(valid, 'senders[0]')).toBe(valid);
  });

  it.each([
    [{ default: undefined }, 'expected a sender plugin object, got undefined'],
    [{ default: { ...valid, name: '' } }, '`name` must be a non-empty string'],
    [{ default: { ...valid, optionsSchema: undefined } }, '`optionsSchema` must be a JSON Schema object'],
    [{ send: () => undefined }, '`name` must be a non-empty string'],
  ])('explains what is wrong with %o', (module, problem) => {
    expect(() => checkLoadedPlugin(module, 'senders[1] (./my-sender.js)')).toThrow(
      expect.objectContaining({ code: 'MONA_PLUGIN_INVALID', message: expect.stringContaining(`senders[1] (./my-sender.js): ${problem}`) }),
    );
  });
});
