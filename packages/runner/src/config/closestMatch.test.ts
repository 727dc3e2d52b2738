import { describe, expect, it } from 'vitest';
import { closestMatch } from './closestMatch.js';

describe('closestMatch', () => {
  it.each([
    ['deploydone', 'deployDone'],
    ['deployDon', 'deployDone'],
    ['rolback', 'rollback'],
    ['scael', 'scale'],
  ])('suggests the key %s was meant to be', (value, expected) => {
    expect(closestMatch(value, ['deploy', 'deployDone', 'scale', 'rollback', 'recover'])).toBe(expected);
  });

  it('suggests nothing for a value close to no candidate', () => {
    expect(closestMatch('pagerduty', ['deploy', 'deployDone', 'scale'])).toBeUndefined();
  });
});
