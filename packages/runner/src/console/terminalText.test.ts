import { describe, expect, it } from 'vitest';
import { terminalText } from './terminalText.js';

describe('terminalText', () => {
  it('turns the default texts’ emoji codes into unicode', () => {
    // Prepare
    const text = ':white_check_mark: `api` done, :x: failed, :leftwards_arrow_with_hook: back';
    // Act
    const plain = terminalText(text);
    // Assess
    expect(plain).toBe('✅ `api` done, ❌ failed, ↩️ back');
  });

  it('removes an unknown leading emoji code but keeps colons inside values', () => {
    // Prepare
    const text = ':party_parrot: `api:42` exit 137: OutOfMemoryError';
    // Act
    const plain = terminalText(text);
    // Assess
    expect(plain).toBe('`api:42` exit 137: OutOfMemoryError');
  });

  it('undoes the Slack escapes, since a terminal has no pings to defuse', () => {
    // Prepare
    const text = 'reason: &lt;!channel&gt; &amp; &lt;script&gt;';
    // Act
    const plain = terminalText(text);
    // Assess
    expect(plain).toBe('reason: <!channel> & <script>');
  });

  it('drops terminal control characters that came from ECS', () => {
    // Prepare
    const text = 'stopped \u001b[2J\u0007reason\ttab';
    // Act
    const plain = terminalText(text);
    // Assess
    expect(plain).toBe('stopped [2Jreason\ttab');
    expect(plain).not.toContain('\u001b');
  });
});
