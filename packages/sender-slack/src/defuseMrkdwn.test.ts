import { describe, expect, it } from 'vitest';
import { defuseMrkdwn } from './defuseMrkdwn.js';

describe('defuseMrkdwn', () => {
  it('escapes channel, user and group pings', () => {
    // Prepare
    const text = 'exited <!channel> <!here> <@U012AB3CD> <!subteam^S0123|devs>';

    // Act
    const defused = defuseMrkdwn(text);

    // Assess
    expect(defused).toBe('exited &lt;!channel&gt; &lt;!here&gt; &lt;@U012AB3CD&gt; &lt;!subteam^S0123|devs&gt;');
  });

  it('keeps links a template wrote on purpose', () => {
    // Prepare
    const text = ':x: `api` failed, see <https://wiki.example/runbook?a=1&amp;b=2|the runbook> or <mailto:ops@example.com>';

    // Act
    const defused = defuseMrkdwn(text);

    // Assess
    expect(defused).toBe(text);
  });

  it('does not escape entities the formatter already produced', () => {
    // Prepare
    const text = 'reason: &lt;!channel&gt; &amp; more';

    // Act
    const defused = defuseMrkdwn(text);

    // Assess
    expect(defused).toBe(text);
  });

  it('escapes HTML-like tags and stray angle brackets', () => {
    // Prepare
    const text = '<script>alert("x")</script> 3 > 2';

    // Act
    const defused = defuseMrkdwn(text);

    // Assess
    expect(defused).toBe('&lt;script&gt;alert("x")&lt;/script&gt; 3 &gt; 2');
  });

  it('does not let a ping hide inside a link label', () => {
    // Prepare
    const text = '<https://example.com|<!channel>>';

    // Act
    const defused = defuseMrkdwn(text);

    // Assess
    expect(defused).not.toContain('<!channel>');
  });
});
