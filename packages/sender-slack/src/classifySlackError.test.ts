import { SenderError } from '@mona-ecs/core';
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import { IncomingWebhookHTTPError, IncomingWebhookRequestError } from '@slack/webhook';
import { describe, expect, it } from 'vitest';
import { classifySlackError, classifyWebhookAnswer } from './classifySlackError.js';

const refused = Object.assign(new TypeError('fetch failed'), {
  cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
});

describe('classifySlackError', () => {
  it.each([
    ['webhook 400 invalid_payload', new IncomingWebhookHTTPError(400, 'Bad Request', 'invalid_payload'), 'templates'],
    ['webhook 404 no_service', new IncomingWebhookHTTPError(404, 'Not Found', 'no_service'), 'create a new incoming webhook'],
    ['webhook 404 no_team', new IncomingWebhookHTTPError(404, 'Not Found', 'no_team'), 'workspace'],
    ['webhook 403 action_prohibited', new IncomingWebhookHTTPError(403, 'Forbidden', 'action_prohibited'), 'admin'],
    ['webhook 410 channel_is_archived', new IncomingWebhookHTTPError(410, 'Gone', 'channel_is_archived'), 'archived'],
    ['webhook 403 invalid_token', new IncomingWebhookHTTPError(403, 'Forbidden', 'invalid_token'), 'token'],
    ['web API channel_not_found', new WebAPIPlatformError({ ok: false, error: 'channel_not_found' }), 'channel ID'],
    ['web API not_in_channel', new WebAPIPlatformError({ ok: false, error: 'not_in_channel' }), '/invite'],
    ['web API invalid_auth', new WebAPIPlatformError({ ok: false, error: 'invalid_auth' }), 'xoxb-'],
    ['web API missing_scope', new WebAPIPlatformError({ ok: false, error: 'missing_scope' }), 'chat:write'],
    ['an unknown 4xx', new IncomingWebhookHTTPError(418, "I'm a teapot", '<html>teapot</html>'), 'HTTP 418'],
    ['an unknown Web API error', new WebAPIPlatformError({ ok: false, error: 'something_new' }), 'something_new'],
  ])('does not retry %s and says what to fix', (_name, error, hint) => {
    // Prepare, Act
    const classified = classifySlackError(error);

    // Assess
    expect(classified).toBeInstanceOf(SenderError);
    expect(classified.retryable).toBe(false);
    expect(classified.message).toContain(hint);
    expect(classified.cause).toBe(error);
  });

  it.each([
    ['webhook 500', new IncomingWebhookHTTPError(500, 'Internal Server Error', 'internal_error'), 'SLACK_UNAVAILABLE'],
    ['webhook 503 from a proxy', new IncomingWebhookHTTPError(503, 'Service Unavailable', '<html>busy</html>'), 'SLACK_UNAVAILABLE'],
    ['web API 502', new WebAPIHTTPError(502, 'Bad Gateway', {}, ''), 'SLACK_UNAVAILABLE'],
    ['web API fatal_error', new WebAPIPlatformError({ ok: false, error: 'fatal_error' }), 'SLACK_UNAVAILABLE'],
    ['a refused connection', new IncomingWebhookRequestError(refused), 'SLACK_NETWORK'],
    ['a reset connection', new WebAPIRequestError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), 'SLACK_NETWORK'],
    ['a timeout outside the SDK', new DOMException('The operation timed out.', 'TimeoutError'), 'SLACK_NETWORK'],
  ])('retries %s', (_name, error, code) => {
    // Prepare, Act
    const classified = classifySlackError(error);

    // Assess
    expect(classified.retryable).toBe(true);
    expect(classified.code).toBe(code);
  });

  it('retries a webhook 429 after the Retry-After the fetch observed', () => {
    // Prepare
    const error = new IncomingWebhookHTTPError(429, 'Too Many Requests', 'rate_limited');

    // Act
    const classified = classifySlackError(error, { status: 429, retryAfterMs: 30_000 });

    // Assess
    expect(classified).toMatchObject({ retryable: true, retryAfterMs: 30_000, code: 'SLACK_RATE_LIMITED' });
  });

  it('retries a Web API rate limit after the seconds the SDK parsed', () => {
    // Prepare
    const error = new WebAPIRateLimitedError(7);

    // Act
    const classified = classifySlackError(error);

    // Assess
    expect(classified).toMatchObject({ retryable: true, retryAfterMs: 7_000 });
  });

  it('retries a ratelimited answer that came without Retry-After, leaving the delay to the queue', () => {
    // Prepare
    const error = new WebAPIPlatformError({ ok: false, error: 'ratelimited' });

    // Act
    const classified = classifySlackError(error);

    // Assess
    expect(classified.retryable).toBe(true);
    expect(classified.retryAfterMs).toBeUndefined();
  });

  it('retries a send whose signal was aborted, whatever the SDK made of it', () => {
    // Prepare
    const controller = new AbortController();
    controller.abort(new Error('attempt timed out'));

    // Act
    const classified = classifySlackError(controller.signal.reason, {}, controller.signal);

    // Assess
    expect(classified.retryable).toBe(true);
    expect(classified.message).toContain('aborted');
  });

  it('does not retry an unexpected programming error', () => {
    // Prepare
    const error = new TypeError('Cannot read properties of undefined');

    // Act
    const classified = classifySlackError(error);

    // Assess
    expect(classified.retryable).toBe(false);
  });

  it('passes a SenderError through unchanged', () => {
    // Prepare
    const error = new SenderError('already classified', { retryable: true });

    // Act, Assess
    expect(classifySlackError(error)).toBe(error);
  });

  it('never puts the webhook URL into the message', () => {
    // Prepare
    const error = new IncomingWebhookRequestError(refused);

    // Act
    const classified = classifySlackError(error);

    // Assess
    expect(classified.message).not.toContain('hooks.slack.com');
    expect(classified.message).toContain('ECONNREFUSED');
  });
});

describe('classifyWebhookAnswer', () => {
  it.each([
    ['invalid_payload', 200, 'templates'],
    ['no_text', 200, 'templates'],
    ['channel_is_archived', 200, 'archived'],
    ['no_service', 404, 'create a new incoming webhook'],
    ['<html>Sign in</html>', 200, 'instead of `ok`'],
    ['', 200, 'an empty body'],
  ])('does not count %s (HTTP %i) as delivered, and says what to fix', (body, status, hint) => {
    // Prepare, Act
    const classified = classifyWebhookAnswer(body, status);

    // Assess
    expect(classified).toBeInstanceOf(SenderError);
    expect(classified?.retryable).toBe(false);
    expect(classified?.message).toContain(hint);
  });

  it('retries a transient code that came with 200', () => {
    // Prepare, Act
    const classified = classifyWebhookAnswer('internal_error', 200);

    // Assess
    expect(classified?.retryable).toBe(true);
  });

  it('accepts ok, with or without a trailing newline', () => {
    // Prepare, Act, Assess
    expect([classifyWebhookAnswer('ok', 200), classifyWebhookAnswer('ok\n', 200)]).toEqual([undefined, undefined]);
  });
});
