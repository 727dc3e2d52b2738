/**
 * How the channel behind a sender answers the next sends, in the conformance suite's terms:
 * - `ok`: accepted (HTTP 2xx, SNS MessageId, SMTP 250);
 * - `serverError`: the service failed (HTTP 5xx, SMTP 4xx, SNS InternalError);
 * - `rateLimited`: throttled (HTTP 429 with `Retry-After`, SNS Throttling);
 * - `rejected`: a permanent refusal (invalid payload or auth, unknown channel, SMTP 5xx);
 * - `hang`: never answers.
 */
export type ChannelMode = 'ok' | 'serverError' | 'rateLimited' | 'rejected' | 'hang';

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
 *   respond: (mode) => server.answer(mode),
 *   delivered: () => server.bodies,
 *   retryAfterMs: 30_000,
 *   forbidden: ['<!channel>'],
 * };
 */
export interface SenderHarness<O> {
  /** Options that point the sender at the fake channel; called after `setup` for every check. */
  validOptions(): O | Promise<O>;
  /** Options that must be refused, each with a word the error message must contain (a key name, a path). */
  invalidOptions: ReadonlyArray<{ options: unknown; mentions: string }>;
  /** Make the channel answer the following sends this way (until told otherwise). */
  respond(mode: ChannelMode): void | Promise<void>;
  /** What the channel accepted since the last `reset` (request bodies, Publish inputs, mails). */
  delivered(): readonly unknown[] | Promise<readonly unknown[]>;
  /** The `Retry-After` the fake channel gives in `rateLimited` mode, in ms; when set, `retryAfterMs` must equal it. */
  retryAfterMs?: number;
  /** Raw strings that must never reach the channel (checked in `JSON.stringify(delivered())`), e.g. `<!channel>` for Slack. */
  forbidden?: readonly string[];
  /** Set to false if the fake channel cannot hang; the abort check is then not registered. */
  canHang?: boolean;
  setup?(): void | Promise<void>;
  teardown?(): void | Promise<void>;
  reset?(): void | Promise<void>;
}
