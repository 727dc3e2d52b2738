import { describe, expect, it } from 'vitest';
import { defuse, stripControls } from './neutralize.js';

describe('defuse', () => {
  it.each([
    ['<!channel>', '‹!channel>'],
    ['<@U012AB3CD>', '‹@\u200BU012AB3CD>'],
    ['<users/all>', '‹users/all>'],
    ['<script>', '‹script>'],
    ['@everyone and @here', '@\u200Beveryone and @\u200Bhere'],
    ['a < b > c', 'a < b > c'],
    ['ci@example.com', 'ci@example.com'],
  ])('makes %j inert', (raw, expected) => {
    // Act / Assess
    expect(defuse(raw)).toBe(expected);
  });
});

describe('stripControls', () => {
  it('removes every bidi embedding, override and isolate, and C0 controls, keeping tabs and lines', () => {
    // Prepare
    const raw = 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u0007\tk\nl';
    // Act / Assess
    expect(stripControls(raw)).toBe('abcdefghij\tk\nl');
  });
});
