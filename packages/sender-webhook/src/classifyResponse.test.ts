import { describe, expect, it } from 'vitest';
import { classifyResponse } from './classifyResponse.js';
import { discordPreset } from './presets/discordPreset.js';
import { pagerDutyPreset } from './presets/pagerDutyPreset.js';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('classifyResponse', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(classifyResponse(status, null, discordPreset, 'discord.com', now).retryable).toBe(true);
  });

  it.each([400, 401, 403, 404, 410, 413, 422])('does not retry HTTP %i and names the fix', (status) => {
    // Act
    const error = classifyResponse(status, null, discordPreset, 'discord.com', now);
    // Assess
    expect(error).toMatchObject({ retryable: false, code: 'MONA_WEBHOOK_REJECTED' });
    expect(error.message).toMatch(new RegExp(`^discord webhook at discord.com answered HTTP ${status}: .+`));
  });

  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(classifyResponse(429, '12', discordPreset, 'h', now).retryAfterMs).toBe(12_000);
    expect(classifyResponse(503, 'Thu, 01 Jan 2026 00:01:00 GMT', discordPreset, 'h', now).retryAfterMs).toBe(60_000);
  });

  it('tells a PagerDuty user to check the routing key on a 400', () => {
    expect(classifyResponse(400, null, pagerDutyPreset, 'events.pagerduty.com', now).message).toContain('check routingKey');
  });
});
