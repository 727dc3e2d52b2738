import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from './escapeMrkdwn.js';
import { decodeMrkdwn, plainText } from './plainText.js';

describe('plainText', () => {
  it('drops the leading emoji shortcodes and decodes mrkdwn entities', () => {
    // Act
    const text = plainText(':x: :warning: `api` failed: a &lt;b&gt; &amp; c');
    // Assess
    expect(text).toBe('`api` failed: a <b> & c');
  });

  it('keeps a :word: that is not leading, since it may be part of a user template', () => {
    // Act
    const text = plainText('deployed at 12:30:45 by :ops:');
    // Assess
    expect(text).toBe('deployed at 12:30:45 by :ops:');
  });

  it('turns known shortcodes anywhere into characters when given an emoji table', () => {
    // Act
    const text = plainText(':x: `api` :fire: and :unknown:', { emoji: { x: '❌', fire: '🔥' } });
    // Assess
    expect(text).toBe('❌ `api` 🔥 and :unknown:');
  });
});

describe('decodeMrkdwn', () => {
  it('undoes escapeMrkdwn exactly, even for text that held entities already', () => {
    // Prepare
    const original = 'CannotPull <!channel> &amp; &lt;script&gt;';
    // Act
    const roundTrip = decodeMrkdwn(escapeMrkdwn(original));
    // Assess
    expect(roundTrip).toBe(original);
  });
});
