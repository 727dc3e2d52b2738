import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from './escapeMrkdwn.js';

describe('escapeMrkdwn', () => {
  it('turns a channel ping into plain text', () => {
    // Prepare
    const reason = 'Essential container exited <!channel>';

    // Act
    const escaped = escapeMrkdwn(reason);

    // Assess
    expect(escaped).toBe('Essential container exited &lt;!channel&gt;');
  });

  it('neutralises user mentions, links and HTML-like tags', () => {
    // Prepare
    const value = '<@U024BE7LH> <https://evil.example|click> <script>alert(1)</script>';

    // Act
    const escaped = escapeMrkdwn(value);

    // Assess
    expect(escaped).not.toMatch(/[<>]/);
    expect(escaped).toBe('&lt;@U024BE7LH&gt; &lt;https://evil.example|click&gt; &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes ampersands first so entities are not escaped twice', () => {
    // Prepare
    const value = 'a & b < c';

    // Act
    const escaped = escapeMrkdwn(value);

    // Assess
    expect(escaped).toBe('a &amp; b &lt; c');
  });

  it('escapes an already escaped entity again, because the input is data, not markup', () => {
    // Prepare
    const value = '&lt;';

    // Act
    const escaped = escapeMrkdwn(value);

    // Assess
    expect(escaped).toBe('&amp;lt;');
  });

  it('leaves text without control characters unchanged', () => {
    // Prepare
    const value = 'api:42 *bold* `code` :emoji:';

    // Act
    const escaped = escapeMrkdwn(value);

    // Assess
    expect(escaped).toBe(value);
  });
});
