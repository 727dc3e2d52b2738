import { describe, expect, it } from 'vitest';
import { MAX_SUBJECT_LENGTH, toSnsSubject } from './subject.js';

describe('toSnsSubject', () => {
  it('keeps a plain ASCII title as it is', () => {
    // Prepare
    const title = 'api deployment done';
    // Act
    const subject = toSnsSubject(title, 'fallback');
    // Assess
    expect(subject).toBe('api deployment done');
  });

  it('spells arrows and dashes in ASCII instead of dropping them', () => {
    // Act
    const subject = toSnsSubject('web: scaling 2 → 3 — prod…', 'fallback');
    // Assess
    expect(subject).toBe('web: scaling 2 -> 3 - prod...');
  });

  it('replaces line breaks and control characters with single spaces', () => {
    // Act
    const subject = toSnsSubject('api\r\ndeployment\tfailed\u0007 now', 'fallback');
    // Assess
    expect(subject).toBe('api deployment failed now');
  });

  it('drops emoji and strips accents so only printable ASCII remains', () => {
    // Act
    const subject = toSnsSubject('✅ café déployé 🚀', 'fallback');
    // Assess
    expect(subject).toBe('cafe deploye');
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
  });

  it('cuts a long title to 100 characters ending with an ellipsis', () => {
    // Act
    const subject = toSnsSubject(`${'x'.repeat(150)}`, 'fallback');
    // Assess
    expect(subject).toHaveLength(MAX_SUBJECT_LENGTH);
    expect(subject.endsWith('...')).toBe(true);
  });

  it('uses the fallback when nothing printable is left', () => {
    // Act
    const subject = toSnsSubject('🚀🚀\n', 'Mona DeploymentStarted');
    // Assess
    expect(subject).toBe('Mona DeploymentStarted');
  });
});
