import { describe, expect, it } from 'vitest';
import { MAX_SNS_ID_LENGTH, toSnsId } from './snsId.js';

describe('toSnsId', () => {
  it('keeps an id made of allowed characters', () => {
    // Act
    const id = toSnsId('prod/api/ecs-svc/123/DeploymentStarted');
    // Assess
    expect(id).toBe('prod/api/ecs-svc/123/DeploymentStarted');
  });

  it('replaces spaces and non-ASCII characters and appends a hash of the original', () => {
    // Act
    const id = toSnsId('prod/my service/é');
    // Assess
    expect(id).toMatch(/^prod\/my_service\/_-[0-9a-f]{64}$/);
  });

  it('gives different ids to inputs that sanitise to the same text', () => {
    // Act
    const a = toSnsId('prod/a b');
    const b = toSnsId('prod/a\tb');
    // Assess
    expect(a).not.toBe(b);
  });

  it('shortens an id longer than 128 characters, deterministically', () => {
    // Prepare
    const long = `prod/${'s'.repeat(300)}`;
    // Act
    const first = toSnsId(long);
    const second = toSnsId(long);
    // Assess
    expect(first.length).toBeLessThanOrEqual(MAX_SNS_ID_LENGTH);
    expect(first).toMatch(/^[\x21-\x7e]+$/);
    expect(second).toBe(first);
  });
});
