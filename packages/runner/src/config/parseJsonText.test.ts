import { describe, expect, it } from 'vitest';
import { RunnerError } from '../errors.js';
import { parseJsonText } from './parseJsonText.js';

function messageOf(text: string, source = '/etc/mona/mona.json'): string {
  try {
    parseJsonText(text, source);
  } catch (error) {
    if (error instanceof RunnerError) return `${error.code} ${error.message}`;
    throw error;
  }
  throw new Error('expected a RunnerError');
}

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"ecsCluster":"prod"}', 'x')).toEqual({ ecsCluster: 'prod' });
  });

  it.each([
    ['a trailing comma', '{\n  "ecsCluster": "prod",\n}', 'line 3, column 1: property name expected'],
    ['a missing comma', '{\n  "ecsCluster": "prod"\n  "AWSRegion": "eu-west-1"\n}', 'line 3, column 3: comma expected'],
    ['a comment', '{\n  // watch prod\n  "ecsCluster": "prod"\n}', 'line 2, column 3: invalid comment token'],
    ['single quotes', "{ 'ecsCluster': 'prod' }", 'line 1, column 3: invalid symbol'],
  ])('reports %s at its line and column', (_case, text, where) => {
    expect(messageOf(text)).toBe(
      `MONA_CONFIG_UNREADABLE /etc/mona/mona.json is not valid JSON: ${where}; JSON allows no comments, trailing commas or single quotes`,
    );
  });

  it('names the source it was given', () => {
    expect(messageOf('{', 'MONA_CONFIG')).toMatch(/^MONA_CONFIG_UNREADABLE MONA_CONFIG is not valid JSON: line 1, column 2: /);
  });

  it('reports empty text', () => {
    expect(messageOf('', 'stdin')).toMatch(/^MONA_CONFIG_UNREADABLE stdin is not valid JSON: line 1, column 1: value expected/);
  });
});
