/**
 * Errors of @mona-ecs/core. Every error has a stable `code` from `MonaErrorCode` (the core
 * README's error table is kept in sync with it by a test) and keeps its `cause`.
 */

/**
 * Every code core throws or reports, with where it comes from, what it means and how to fix it.
 * Other packages keep their own tables (the runner's `RunnerErrorCode`, each sender's) in the
 * same shape.
 *
 * @example
 * if (error instanceof MonaError && error.code === 'MONA_OPTIONS_INVALID') console.error(MonaErrorCode[error.code].fix);
 */
export const MonaErrorCode = {
  MONA_BAD_RATE_LIMIT: {
    where: 'ECS source',
    description: '`rateLimit.requestsPerSecond` or `burst` is not a positive number',
    fix: 'fix the option',
  },
  MONA_LIST_TOO_LONG: {
    where: 'ECS source',
    description: 'ListServices kept returning `nextToken` for 1,000 pages (reported as a `SweepFailure`)',
    fix: 'check the endpoint (an emulator bug)',
  },
  MONA_SWEEP_TIMEOUT: {
    where: 'ECS source',
    description: 'a sweep ran past its deadline (reported as a `SweepFailure`, counted towards `MonitorDegraded`)',
    fix: 'check ECS reachability; raise `sweepTimeoutMs` only for a very slow cluster',
  },
  MONA_AWS_NO_CREDENTIALS: {
    where: 'ECS source',
    description: 'no AWS credentials in the SDK chain (reported as a `SweepFailure`, with the chain in the message)',
    fix: 'AWS_ACCESS_KEY_ID/SECRET, AWS_PROFILE, web identity, or the ECS task role',
  },
  MONA_ASSUME_ROLE_FAILED: {
    where: 'ECS source',
    description:
      "a cluster's role could not be assumed (AccessDenied, a wrong external id, no trust policy): logged once per role, its sweeps fail and count towards `MonitorDegraded`",
    fix: "allow Mona's role in the role's trust policy (with the external id), and sts:AssumeRole on the role in Mona's own policy",
  },
  MONA_FORMATTER_CONFIG: {
    where: 'formatter',
    description: 'unknown formatter key, non-function override or unknown `{field}` in a template (`problems` lists all)',
    fix: 'fix the listed keys and fields; `templateFields(key)` lists the allowed ones',
  },
  MONA_FORMAT_FAILED: {
    where: 'formatter',
    description: 'a user override threw or returned no text; the default text was used',
    fix: 'fix the override (passed to `onError`, never thrown)',
  },
  MONA_ENRICH_CONFIG: {
    where: 'enrichment',
    description: '`whoDeployed` without a CloudTrail client',
    fix: 'pass `cloudTrailFor` or drop `whoDeployed`',
  },
  MONA_ENRICH_TIMEOUT: {
    where: 'enrichment',
    description: "an event's lookups ran past `budgetMs`; it went on without them (logged)",
    fix: 'raise `budgetMs`, or check ECS latency/throttling',
  },
  MONA_PLUGIN_INVALID: {
    where: 'sender contract',
    description: 'a plugin lacks `name`, `optionsSchema` or `create`, or its schema does not compile',
    fix: '`export default defineSender({ name, optionsSchema, create })`',
  },
  MONA_PLUGIN_INCOMPATIBLE: {
    where: 'sender contract',
    description: "the plugin's `apiVersion` (the sender API it was written for) is not hosted by this core (1 to 2)",
    fix: 'upgrade mona-ecs for a newer plugin; install a newer release of an old plugin',
  },
  MONA_CONFORMANCE_FAILED: {
    where: 'testing kit',
    description: 'a conformance check found a sender bug (the message says which)',
    fix: 'fix the sender',
  },
  MONA_OPTIONS_INVALID: {
    where: 'sender contract',
    description: "sender options do not match the plugin's schema (every problem with its path)",
    fix: 'fix the listed `options/...` paths',
  },
  MONA_DELIVERY_OPTIONS_INVALID: {
    where: 'delivery',
    description: 'nonsensical queue options',
    fix: 'positive numbers, a known overflow policy',
  },
  MONA_SEND_RETRYABLE: { where: 'delivery', description: 'default code of a retryable `SenderError`', fix: "see the sender's message" },
  MONA_SEND_FAILED: {
    where: 'delivery',
    description: 'default code of a final (not retryable) `SenderError`',
    fix: "see the sender's message",
  },
  MONA_SEND_TIMEOUT: {
    where: 'delivery',
    description: 'an attempt exceeded `attemptTimeoutMs` (retried)',
    fix: 'check the channel, or raise the timeout',
  },
  MONA_QUEUE_CLOSED: {
    where: 'delivery',
    description: 'pending at `close()`, or enqueued after it (logged as dropped)',
    fix: 'drain before closing',
  },
  MONA_QUEUE_OVERFLOW: {
    where: 'delivery',
    description: 'evicted by the `dropOldest` policy (logged)',
    fix: 'fix the failing channel, or raise `capacity`',
  },
  MONA_DELIVERY_DROPPED: {
    where: 'delivery',
    description: 'dropped without an error of its own (too old before its first attempt)',
    fix: 'see `reason` in the log',
  },
  MONA_EVENTS_CONFIG: {
    where: 'events input',
    description: '`events` was set with an injected source that has no `describe(cluster, names)`',
    fix: 'use the default ECS source, or give your source a `describe` that answers an `interim` snapshot of the named services',
  },
  MONA_SNAPSHOT_INVALID: {
    where: 'snapshot source',
    description:
      'an injected source answered something that is not a `SweepOutcome` (`problems` lists every wrong field); it counts as a failed sweep',
    fix: 'fix the listed fields in the source (see Writing a snapshot source)',
  },
  MONA_STATE_CORRUPT: {
    where: 'state store',
    description: 'the state file is not JSON or breaks the layout (the message names the path)',
    fix: 'restore it from a backup, or move it away (fresh baseline)',
  },
  MONA_STATE_FOREIGN: {
    where: 'state store',
    description: 'the state file is not a Mona state file',
    fix: 'point `state.file` / `MONA_STATE_DIR` at a path of its own',
  },
  MONA_STATE_NEWER_VERSION: {
    where: 'state store',
    description: 'the state was written by a newer Mona',
    fix: 'run that version, or move the file away',
  },
  MONA_STATE_LOCKED: {
    where: 'state store',
    description: 'another process holds the state file (its pid in the message), or the lock was lost',
    fix: 'one process per file; replicas use DynamoDB',
  },
  MONA_STATE_IO: {
    where: 'state store',
    description: 'reading or writing the state failed (retryable)',
    fix: 'check permissions, free space, network',
  },
  MONA_STATE_TABLE_MISSING: {
    where: 'state store',
    description: 'the DynamoDB table does not exist',
    fix: 'create it from `deploy/`, or `createTable: true`',
  },
  MONA_STATE_TABLE_FOREIGN: {
    where: 'state store',
    description: 'the DynamoDB table has another key schema',
    fix: 'use a table of its own',
  },
  MONA_STATE_THROTTLED: {
    where: 'state store',
    description: "DynamoDB throttled beyond the SDK's retries (retryable)",
    fix: 'on-demand capacity, or more provisioned capacity',
  },
} as const satisfies Record<string, ErrorCodeInfo>;
export type MonaErrorCode = keyof typeof MonaErrorCode;

/** One row of an error table: where the code comes from, what it means, how to fix it. */
export interface ErrorCodeInfo {
  where: string;
  description: string;
  fix: string;
}

/**
 * Base error of Mona. `Code` is the package's table of codes (core's `MonaErrorCode` by default;
 * the runner and the senders narrow it to theirs).
 *
 * @example
 * throw new MonaError('MONA_BAD_RATE_LIMIT', 'rateLimit.burst must be a positive number, got 0');
 */
export class MonaError<Code extends string = MonaErrorCode> extends Error {
  readonly code: Code;
  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MonaError';
    this.code = code;
  }
}

/**
 * Thrown by a sender to classify a failed delivery. The delivery queue owns the retry policy:
 * a sender only says whether trying again can help and, if the service said so, when.
 *
 * @example
 * if (res.status === 429) throw new SenderError('Slack rate limit', { retryable: true, retryAfterMs: 30_000 });
 * if (res.status === 404) throw new SenderError('webhook URL no longer exists: create a new one', { retryable: false });
 */
export class SenderError extends MonaError<string> {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  /** `code` defaults to `MONA_SEND_RETRYABLE` / `MONA_SEND_FAILED`; a sender package passes a code of its own table. */
  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number; cause?: unknown; code?: string }) {
    super(options.code ?? (options.retryable ? 'MONA_SEND_RETRYABLE' : 'MONA_SEND_FAILED'), message, {
      cause: options.cause,
    });
    this.name = 'SenderError';
    this.retryable = options.retryable;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** Duck-typed check, so a SenderError from another copy of @mona-ecs/core is still recognised. */
export function isSenderError(error: unknown): error is SenderError {
  return error instanceof Error && typeof (error as { retryable?: unknown }).retryable === 'boolean';
}

/** Stable codes of state store errors (documented in the core README). */
export const StateStoreErrorCode = {
  /** The state file is not valid JSON or breaks the state file's layout. */
  corrupt: 'MONA_STATE_CORRUPT',
  /** The state file is JSON but not a Mona state file. */
  foreign: 'MONA_STATE_FOREIGN',
  /** The state was written by a newer Mona (unknown format version). */
  newerVersion: 'MONA_STATE_NEWER_VERSION',
  /** Another Mona process holds the state file. */
  locked: 'MONA_STATE_LOCKED',
  /** Reading or writing the state failed (permissions, disk full, network). */
  io: 'MONA_STATE_IO',
  /** The DynamoDB table does not exist (and `createTable` is off). */
  tableMissing: 'MONA_STATE_TABLE_MISSING',
  /** The DynamoDB table exists with another key schema. */
  tableForeign: 'MONA_STATE_TABLE_FOREIGN',
  /** DynamoDB kept throttling after the SDK's retries. */
  throttled: 'MONA_STATE_THROTTLED',
} as const;
export type StateStoreErrorCode = (typeof StateStoreErrorCode)[keyof typeof StateStoreErrorCode];

/** Codes that mean "fix the config or the state location before starting": exit code 2. */
export const STATE_SETUP_CODES: ReadonlySet<string> = new Set<string>([
  StateStoreErrorCode.corrupt,
  StateStoreErrorCode.foreign,
  StateStoreErrorCode.newerVersion,
  StateStoreErrorCode.locked,
  StateStoreErrorCode.tableMissing,
  StateStoreErrorCode.tableForeign,
]);

/**
 * A state store failed. The message names where the state lives and how to fix it; `retryable`
 * says whether the same call may succeed later (throttling, I/O) or needs an operator.
 *
 * @example
 * throw new StateStoreError('MONA_STATE_LOCKED', 'state file /x.json is in use by pid 42. Fix: …', { retryable: false });
 */
export class StateStoreError extends MonaError {
  readonly retryable: boolean;
  constructor(code: StateStoreErrorCode, message: string, options: { retryable: boolean; cause?: unknown }) {
    super(code, message, { cause: options.cause });
    this.name = 'StateStoreError';
    this.retryable = options.retryable;
  }
}
