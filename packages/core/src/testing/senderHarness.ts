/**
 * How the channel behind a sender answers the next sends, in the conformance suite's terms:
 * - `ok`: accepted (HTTP 2xx, SNS MessageId, SMTP 250);
 * - `serverError`: the service failed (HTTP 5xx or 408, SMTP 4xx, SNS InternalError);
 * - `rateLimited`: throttled (HTTP 429 with `Retry-After`, SNS Throttling, SMTP 421);
 * - `rejected`: a permanent refusal (invalid payload or auth, unknown channel, SMTP 5xx);
 * - `refused`: the connection is refused (nothing listens: `ECONNREFUSED`);
 * - `reset`: the connection is dropped mid-request (`ECONNRESET`, "socket hang up");
 * - `hang`: never answers (the suite then aborts the attempt's signal, as a timeout does).
 */
export type ChannelMode = 'ok' | 'serverError' | 'rateLimited' | 'rejected' | 'refused' | 'reset' | 'hang';

/** The failure modes a fake can produce in several ways (each way is a `variant`). */
export type VariedMode = 'serverError' | 'rateLimited' | 'rejected';

/**
 * The markup the channel renders, which decides what "hostile" and "undecoded" mean for it:
 * - `slack`: Slack mrkdwn (entities are its escaping; `@everyone` is plain text there);
 * - `html`: HTML (entities are its escaping; escaped twice is a bug);
 * - `markdown`: Markdown or a Markdown-like chat format (Discord, Teams, Mattermost, Google Chat);
 * - `plain`: text that subscribers may forward anywhere (SNS, SMS, PagerDuty, Opsgenie).
 */
export type ChannelMarkup = 'slack' | 'html' | 'markdown' | 'plain';

/**
 * What a sender's test provides to `senderConformance`: a fake of its channel (a local HTTP or
 * SMTP server, an `aws-sdk-client-mock` client) that can be told how to answer.
 *
 * @example
 * const harness: SenderHarness<SlackOptions> = {
 *   setup: () => server.listen(),                       // once, before all checks
 *   teardown: () => server.close(),                     // once, after all checks
 *   reset: () => server.clear(),                        // before every check
 *   validOptions: () => ({ webhookUrl: `${server.url}/hook` }),
 *   invalidOptions: [{ options: { webhookUrl: 42 }, mentions: 'webhookUrl' }],
 *   respond: (mode, variant) => server.answer(mode, variant),
 *   variants: HTTP_VARIANTS,
 *   delivered: () => server.bodies,
 *   markup: 'slack',
 *   retryAfterMs: 30_000,
 *   secrets: [server.webhookPath],
 *   textLimit: { max: 40_000, lengthOf: (body) => String((body as { text: string }).text).length },
 * };
 */
export interface SenderHarness<O> {
  /** Options that point the sender at the fake channel; called after `respond` for every sender the suite creates. */
  validOptions(): O | Promise<O>;
  /** Options that must be refused, each with a word the error message must contain (a key name, a path). */
  invalidOptions: ReadonlyArray<{ options: unknown; mentions: string }>;
  /** Make the channel answer the following sends this way (until told otherwise); `variant` is one of `variants[mode]`. */
  respond(mode: ChannelMode, variant?: string): void | Promise<void>;
  /**
   * The ways the fake can fail in each mode, e.g. `{ rejected: ['400', '401', '403', '404'] }`;
   * every one is checked. `rejected` needs at least two: one status proves little.
   */
  variants: Readonly<Partial<Record<VariedMode, readonly string[]>>>;
  /** What the channel renders, accepted since the last `reset` (request bodies, Publish inputs, HTML parts), not raw data fields. */
  delivered(): readonly unknown[] | Promise<readonly unknown[]>;
  /** The markup the channel renders: decides which hostile strings and entities must never reach it. */
  markup: ChannelMarkup;
  /** The wait the fake asks for in `rateLimited` mode, in ms (each variant must give it); `null` if the channel never says. */
  retryAfterMs: number | null;
  /** Strings that must never appear in an error message (webhook paths, tokens); option values under secret-like keys are added. */
  secrets?: readonly string[];
  /** The channel's message size limit and how to measure one delivered item against it; without it, long samples must only be delivered. */
  textLimit?: { max: number; lengthOf(delivered: unknown): number };
  /** Raw strings that must never reach the channel besides the suite's own (checked in `JSON.stringify(delivered())`). */
  forbidden?: readonly string[];
  /** Event types the sender deliberately does not send (a pager takes only what pages); they must resolve without a message. */
  ignores?: readonly string[];
  /** Set to false if the fake channel cannot hang; the abort check is then not registered. */
  canHang?: boolean;
  setup?(): void | Promise<void>;
  teardown?(): void | Promise<void>;
  reset?(): void | Promise<void>;
}

/** Variants an HTTP fake should offer: the statuses whose classification differs. */
export const HTTP_VARIANTS = Object.freeze({
  serverError: Object.freeze(['500', '502', '503', '504', '408']),
  rateLimited: Object.freeze(['seconds', 'date']),
  rejected: Object.freeze(['400', '401', '403', '404', '410', '413', '422']),
});

/**
 * How an HTTP fake answers a mode and variant: the status and headers, with `Retry-After` in
 * seconds or as an HTTP date (`retryAfterSeconds` from now) for `rateLimited`.
 *
 * @example
 * const { status, headers } = httpAnswer('rateLimited', 'date', 30); // 429, Retry-After: <date in 30 s>
 */
export function httpAnswer(
  mode: 'ok' | VariedMode,
  variant: string | undefined,
  retryAfterSeconds: number,
): { status: number; headers: Record<string, string> } {
  if (mode === 'ok') return { status: 200, headers: {} };
  if (mode === 'rateLimited') {
    const value = variant === 'date' ? new Date(Date.now() + retryAfterSeconds * 1000).toUTCString() : String(retryAfterSeconds);
    return { status: 429, headers: { 'retry-after': value } };
  }
  const fallback = mode === 'serverError' ? 500 : 400;
  const status = variant === undefined ? fallback : Number(variant);
  return { status: Number.isInteger(status) ? status : fallback, headers: {} };
}
