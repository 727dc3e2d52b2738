import { describe, expect, it } from 'vitest';
import { truncateText } from './truncateText.js';

describe('truncateText', () => {
  it('returns a text within the limit unchanged', () => {
    expect(truncateText('short', 5)).toBe('short');
  });

  it('cuts to the limit in characters, ending with an ellipsis', () => {
    // Act
    const cut = truncateText('a'.repeat(5000), 2000);
    // Assess
    expect(cut).toHaveLength(2000);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('counts UTF-8 bytes when asked and never splits a character', () => {
    // Act
    const cut = truncateText('é'.repeat(1000), 101, 'bytes');
    // Assess
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(101);
    expect(cut).toMatch(/^é+…$/);
  });

  it('never leaves half an emoji', () => {
    // Act
    const cut = truncateText('😀'.repeat(10), 6);
    // Assess
    expect(cut).toBe('😀😀…');
  });

  it('prefers ending on a whole line near the limit', () => {
    // Act
    const cut = truncateText(`${'x'.repeat(90)}\n${'y'.repeat(50)}`, 100);
    // Assess
    expect(cut).toBe(`${'x'.repeat(90)}…`);
  });
});
