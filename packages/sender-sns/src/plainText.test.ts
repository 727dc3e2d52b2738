import { describe, expect, it } from 'vitest';
import { plainText } from './plainText.js';

describe('plainText', () => {
  it('drops leading emoji shortcodes', () => {
    // Act
    const text = plainText(':x: :fire: `api` deployment failed');
    // Assess
    expect(text).toBe('`api` deployment failed');
  });

  it('keeps colon words that are not at the start', () => {
    // Act
    const text = plainText('done at 12:30:45 in arn:aws:ecs:eu-west-1');
    // Assess
    expect(text).toBe('done at 12:30:45 in arn:aws:ecs:eu-west-1');
  });

  it('decodes the mrkdwn entities once', () => {
    // Act
    const text = plainText('&lt;!channel&gt; &amp;lt; &amp; more');
    // Assess
    expect(text).toBe('<!channel> &lt; & more');
  });
});
