import type { JSONSchemaType } from 'ajv';
import { describe, expect, it } from 'vitest';
import { defineSender } from './defineSender.js';
import { optional } from './optional.js';
import { validateSenderOptions } from './validateSenderOptions.js';

interface Options {
  url: string;
  username?: string;
  colour: 'auto' | 'none';
}

const optionsSchema: JSONSchemaType<Options> = {
  type: 'object',
  properties: {
    url: { type: 'string', minLength: 1 },
    username: optional({ type: 'string', minLength: 1 }),
    colour: { type: 'string', enum: ['auto', 'none'], default: 'auto' },
  },
  required: ['url', 'colour'],
  additionalProperties: false,
};
const plugin = defineSender<Options>({ name: 'opt', optionsSchema, create: () => ({ send: () => Promise.resolve() }) });

describe('optional', () => {
  it('lets the key be left out and applies the defaults of the others', () => {
    // Act
    const options = validateSenderOptions(plugin, { url: 'https://x' });
    // Assess
    expect(options).toEqual({ url: 'https://x', colour: 'auto' });
  });

  it('refuses null, which nullable: true would have let through to create()', () => {
    // Act / Assess
    expect(() => validateSenderOptions(plugin, { url: 'https://x', username: null })).toThrow(/options\/username must be string/);
  });

  it('writes no nullable into the compiled schema', () => {
    expect(optional({ type: 'string' })).toEqual({ type: 'string' });
  });
});
