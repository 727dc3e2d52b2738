import type { ECSClient, Failure, Service } from '@aws-sdk/client-ecs';
import { cutEvents } from './cutEvents.js';

/** The raw HTTP response as the deserialize step sees it, before the SDK parses it. */
interface RawResponse {
  statusCode?: number;
  body?: unknown;
  [TAKEN]?: TakenAnswer;
}

/** What the inner middleware took out of one answer; handed to the output by the outer one. */
interface TakenAnswer {
  services: Service[] | undefined;
  failures: Failure[] | undefined;
}

/** A deserialize-step handler, typed just enough to fit any command's stack. */
type Handler = (args: { input?: unknown }) => Promise<{ response: unknown; output?: unknown }>;
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;

const TAKEN = Symbol('mona.takenServices');
/** Events kept per service when a call was not registered with `keepEventsFor` (5, the source's default). */
const DEFAULT_KEEP = 5;
/** Events to keep per call, by the identity of the command's input (the SDK passes it through untouched). */
const keepByInput = new WeakMap<object, number>();
const withMiddleware = new WeakSet<ECSClient>();
/** The body the SDK parses instead of the answer: nothing to build, nothing to encode per call. */
const EMPTY_BODY = new Uint8Array(0);

/**
 * Makes every DescribeServices answer of `client` parsed ONCE, by Mona: a pair of middlewares on
 * the client's stack (added once per client, idempotent) keep only what the source reads (the
 * fields of `SERVICE_FIELDS`, the newest events of each service, dates as `Date`) and give the
 * SDK's deserializer an empty body, then put `services` and `failures` on the output as usual.
 * Returns true when this call added them, false when the client had them already.
 *
 * Why: each answer carries up to 100 events per service, and the SDK's deserializer builds an
 * object and a `Date` for every field of every one of them (about 7× a bare `JSON.parse`,
 * bench/RESULTS.md). On the client's stack rather than each command's, and with no per-call
 * options object, the SDK's handler cache (`cacheMiddleware: true`, see `createEcsClient`)
 * builds the middleware chain once per client instead of on every call. Error answers (non-200)
 * and bodies that are not JSON reach the SDK untouched, so its error codes stay as they are.
 *
 * @example
 * useTakeServices(client);
 * const input = keepEventsFor({ cluster, services }, 5);
 * const output = await client.send(new DescribeServicesCommand(input)); // services narrowed, failures as usual
 */
export function useTakeServices(client: ECSClient): boolean {
  if (withMiddleware.has(client)) return false;
  withMiddleware.add(client);
  const stack = client.middlewareStack as unknown as { add(m: Middleware, o: object): void };
  stack.add(takeAnswer, { step: 'deserialize', priority: 'low', name: 'monaTakeServices' });
  stack.add(handAnswer, { step: 'deserialize', priority: 'high', name: 'monaHandServices' });
  return true;
}

/** Registers how many events per service a DescribeServices call keeps; returns the same input. */
export function keepEventsFor<Input extends object>(input: Input, keep: number): Input {
  keepByInput.set(input, Math.max(1, Math.floor(keep)));
  return input;
}

/** Inside the SDK's deserializer: parses a 200 answer and leaves the SDK an empty body. */
const takeAnswer: Middleware = (next, context) => async (args) => {
  const result = await next(args);
  if (context.commandName !== 'DescribeServicesCommand') return result;
  const response = result.response as RawResponse;
  // Error bodies go to the SDK untouched: it reads the error code from them.
  if (response.statusCode !== 200) return result;
  const bytes = await readBody(response.body);
  if (!bytes) return result;
  const keep = (typeof args.input === 'object' && args.input !== null && keepByInput.get(args.input)) || DEFAULT_KEEP;
  const answer = parseObject(bytes, keep);
  if (!answer) {
    response.body = bytes; // the stream was consumed: give the SDK the same bytes back (it reports the error)
    return result;
  }
  response[TAKEN] = {
    services: Array.isArray(answer['services']) ? answer['services'].map((s: unknown) => narrowed(s, keep)) : undefined,
    failures: Array.isArray(answer['failures']) ? (answer['failures'] as Failure[]) : undefined,
  };
  response.body = EMPTY_BODY;
  return result;
};

/** Outside the SDK's deserializer: puts what `takeAnswer` took on the output. */
const handAnswer: Middleware = (next) => async (args) => {
  const result = await next(args);
  const taken = (result.response as RawResponse | undefined)?.[TAKEN];
  if (taken && typeof result.output === 'object' && result.output !== null) {
    const output = result.output as { services?: Service[]; failures?: Failure[] };
    if (taken.services) output.services = taken.services;
    if (taken.failures) output.failures = taken.failures;
  }
  return result;
};

/**
 * The `Service` fields the source reads (`toServiceSnapshot` and `describeCluster`). The others
 * (load balancers, placement, network configuration, tags, …) would only be parsed to be dropped.
 */
const SERVICE_FIELDS = new Set([
  'serviceName',
  'serviceArn',
  'status',
  'desiredCount',
  'runningCount',
  'pendingCount',
  'createdAt',
  'deploymentController',
  'schedulingStrategy',
  'deployments',
  'events',
]);

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Parses the answer, its events arrays cut to `keep` on the bytes first (`cutEvents`), so old events are never decoded. */
function parseObject(bytes: Uint8Array, keep: number): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = bytes.length === 0 ? {} : JSON.parse(decoder.decode(cutEvents(bytes, keep) ?? bytes));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One raw service as the SDK would have given it, for the fields the source reads. `service` is
 * this answer's own parse, so its events and deployments get their dates in place: no copy of
 * each, and no `[key, value]` pair per field of a 30-field service (issue 13: that was a third of
 * what a call allocated).
 */
export function narrowed(service: unknown, keep: number): Service {
  if (typeof service !== 'object' || service === null) return {};
  const raw = service as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of SERVICE_FIELDS) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    if (key === 'createdAt') out[key] = toDate(value);
    else if (key === 'events')
      out[key] = Array.isArray(value) ? withDates(value.length > keep ? value.slice(0, keep) : value, 'createdAt') : value;
    else if (key === 'deployments') out[key] = Array.isArray(value) ? withDates(value, 'createdAt', 'updatedAt') : value;
    else out[key] = value;
  }
  return out as Service;
}

/** ECS's JSON protocol sends timestamps as epoch seconds (fractions allowed); the SDK types say `Date`. */
function toDate(value: unknown): Date | undefined {
  if (typeof value === 'number') return new Date(Math.round(value * 1000));
  if (typeof value === 'string') {
    const date = new Date(/^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** Sets `keys` of each entry to a `Date`, in place (the entries are this answer's own parse). */
function withDates(entries: unknown[], ...keys: string[]): unknown[] {
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    for (const key of keys) if (Object.hasOwn(record, key)) record[key] = toDate(record[key]);
  }
  return entries;
}

/** Reads a Node stream, bytes or a string into bytes; undefined for a body it does not know. */
async function readBody(body: unknown): Promise<Uint8Array | undefined> {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return encoder.encode(body);
  if (body && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    }
    return Buffer.concat(chunks);
  }
  return undefined;
}
