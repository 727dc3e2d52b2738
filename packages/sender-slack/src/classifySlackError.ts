import { SenderError, isNetworkError } from '@mona-ecs/core';
import { SLACK_FAILURES, SlackErrorCode } from './errors.js';
import type { HttpObservation } from './observedFetch.js';

/** The parts of the SDKs' errors we read; duck-typed so SDK upgrades and copies do not break `instanceof`. */
interface SdkErrorShape {
  code?: unknown;
  statusCode?: unknown;
  body?: unknown;
  retryAfter?: unknown;
  data?: { error?: unknown };
  original?: unknown;
}

/**
 * Turn anything the Slack SDKs throw into a `SenderError` that tells the delivery queue whether
 * a retry can help, and tells the user what to fix. An abort (the queue's per-attempt
 * timeout) is retryable: the next attempt gets a fresh budget.
 *
 * @example
 * try { await webhook.send(message); } catch (error) { throw classifySlackError(error, seen); }
 */
export function classifySlackError(error: unknown, seen: HttpObservation = {}, signal?: AbortSignal): SenderError {
  if (error instanceof SenderError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const status = typeof shape.statusCode === 'number' ? shape.statusCode : seen.status;
  const slackCode = slackCodeOf(shape);
  const retryAfterMs = typeof shape.retryAfter === 'number' ? shape.retryAfter * 1000 : seen.retryAfterMs;
  const answer = [status === undefined ? undefined : `HTTP ${status}`, slackCode].filter(Boolean).join(' ');

  if (status === 429 || slackCode === 'ratelimited' || shape.code === 'slack_webapi_rate_limited_error') {
    const wait = retryAfterMs === undefined ? '' : `; retry after ${retryAfterMs / 1000} s`;
    return failure(`Slack rate limit (${answer || '429'})${wait}`, true, SlackErrorCode.RateLimited, error, retryAfterMs);
  }
  const known = slackCode === undefined ? undefined : SLACK_FAILURES[slackCode];
  if (known !== undefined) {
    const code = known.retryable ? SlackErrorCode.Unavailable : SlackErrorCode.Rejected;
    return failure(`Slack answered ${answer}: ${known.hint}`, known.retryable, code, error);
  }
  if (status !== undefined && status >= 500) {
    return failure(`Slack answered ${answer}: a server error; the delivery queue retries.`, true, SlackErrorCode.Unavailable, error);
  }
  if (status !== undefined && status >= 400) {
    return failure(`Slack answered ${answer}: ${hintForStatus(status)}`, false, SlackErrorCode.Rejected, error);
  }
  if (signal?.aborted === true) {
    return failure(
      `the Slack request was aborted (${describe(signal.reason)}); the delivery queue retries.`,
      true,
      SlackErrorCode.Network,
      error,
    );
  }
  if (isRequestError(shape) || isNetworkError(error)) {
    return failure(
      `Slack could not be reached (${describe(shape.original ?? error)}); the delivery queue retries.`,
      true,
      SlackErrorCode.Network,
      error,
    );
  }
  const code = slackCode === undefined ? 'an unexpected error' : `error ${slackCode}`;
  return failure(`Slack delivery failed with ${code} (${describe(error)}); not retried.`, false, SlackErrorCode.Rejected, error);
}

/**
 * A webhook answer that came back without an HTTP error: Slack's webhooks say `ok` when they
 * posted the message, and otherwise a code (`invalid_payload`, `no_text`,
 * `channel_is_archived`, …), sometimes with status 200. Anything but `ok` means the message was
 * not posted; it is classified like the same code with an error status. Returns undefined
 * for `ok`.
 *
 * @example
 * classifyWebhookAnswer('no_text', 200)?.retryable; // false
 * classifyWebhookAnswer('ok', 200); // undefined
 */
export function classifyWebhookAnswer(body: string, status: number | undefined): SenderError | undefined {
  const text = body.trim();
  if (text === 'ok') return undefined;
  const answer = { body: text, ...(status === undefined ? {} : { statusCode: status }) };
  const slackCode = slackCodeOf(answer);
  const known = slackCode === undefined ? undefined : SLACK_FAILURES[slackCode];
  if (known !== undefined) return classifySlackError(answer);
  const shown = text === '' ? 'an empty body' : `\`${text.slice(0, 80).replace(/\s+/g, ' ')}\``;
  return failure(
    `Slack answered HTTP ${status ?? '?'} with ${shown} instead of \`ok\`: the message was not posted. ` +
      'Check that `webhookUrl` is a Slack incoming webhook (not a proxy or login page); not retried.',
    false,
    SlackErrorCode.Rejected,
    answer,
  );
}

function failure(message: string, retryable: boolean, code: SlackErrorCode, cause: unknown, retryAfterMs?: number): SenderError {
  return new SenderError(message, retryAfterMs === undefined ? { retryable, code, cause } : { retryable, code, cause, retryAfterMs });
}

/** The machine-readable code Slack sent: the Web API's `error` field or the webhook's body. */
function slackCodeOf(shape: SdkErrorShape): string | undefined {
  if (typeof shape.data?.error === 'string') return shape.data.error;
  if (typeof shape.body !== 'string') return undefined;
  const body = shape.body.trim();
  if (/^[a-z_]{2,64}$/.test(body)) return body;
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error : undefined;
  } catch {
    // A proxy's HTML error page: the status decides.
    return undefined;
  }
}

function hintForStatus(status: number): string {
  if (status === 400) return 'Slack rejected the message format: check custom templates or formatter output.';
  if (status === 401 || status === 403) return 'not allowed to post: check the token or webhook and channel permissions.';
  if (status === 404) return 'the webhook or API URL does not exist: create a new webhook or check `slackApiUrl`.';
  if (status === 410) return 'the webhook or channel is gone: create a new webhook.';
  return 'Slack refused the request; a retry cannot help.';
}

function isRequestError(shape: SdkErrorShape): boolean {
  return shape.code === 'slack_webhook_request_error' || shape.code === 'slack_webapi_request_error';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.message}: ${code}` : `${error.name}: ${error.message}`;
}
