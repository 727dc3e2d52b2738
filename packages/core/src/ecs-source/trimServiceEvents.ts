/** The raw HTTP response as the deserialize step sees it, before the SDK parses it. */
interface RawResponse {
  statusCode?: number;
  body?: unknown;
}

/** A deserialize-step handler, typed just enough to fit any command's stack. */
type Handler<Args, Result extends { response: unknown }> = (args: Args) => Promise<Result>;

/**
 * A middleware for the `deserialize` step, placed inside the SDK's deserializer (priority
 * `low`), that cuts each service's `events` to the newest `max`, and drops the service fields the
 * source never reads, before the SDK turns them into objects. DescribeServices returns up to 100 events per service on every call, and the SDK's
 * deserializer builds an object and a `Date` for each: without this, converting a response
 * costs about 7× a bare `JSON.parse` of it (see bench/RESULTS.md). The source never looks past
 * the newest `max` events (see `EventCursors`), so nothing it uses is lost.
 *
 * @example
 * const command = new DescribeServicesCommand({ cluster, services });
 * command.middlewareStack.add(trimServiceEvents(5), TRIM_SERVICE_EVENTS_OPTIONS);
 */
export function trimServiceEvents(max: number) {
  const keep = Math.max(1, Math.floor(max));
  return <Args, Result extends { response: unknown }>(next: Handler<Args, Result>): Handler<Args, Result> =>
    async (args) => {
      const result = await next(args);
      const response = result.response as RawResponse;
      // Error bodies go to the SDK untouched: it reads the error code from them.
      if (response.statusCode !== 200) return result;
      const bytes = await readBody(response.body);
      if (bytes) response.body = trimmed(bytes, keep);
      return result;
    };
}

/** Where `trimServiceEvents` goes in a command's middleware stack. */
export const TRIM_SERVICE_EVENTS_OPTIONS = Object.freeze({
  step: 'deserialize',
  priority: 'low',
  name: 'monaTrimServiceEvents',
} as const);

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

/**
 * The body re-encoded with only the fields the source reads and at most `keep` events per
 * service; the original bytes when it is not a DescribeServices answer.
 */
export function trimmed(bytes: Uint8Array, keep: number): Uint8Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch {
    return bytes;
  }
  const services = (parsed as { services?: unknown } | null)?.services;
  if (!Array.isArray(services)) return bytes;
  (parsed as { services: unknown[] }).services = services.map((service) => narrowed(service, keep));
  return encoder.encode(JSON.stringify(parsed));
}

function narrowed(service: unknown, keep: number): unknown {
  if (typeof service !== 'object' || service === null) return service;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(service)) {
    if (!SERVICE_FIELDS.has(key)) continue;
    out[key] = key === 'events' && Array.isArray(value) && value.length > keep ? value.slice(0, keep) : value;
  }
  return out;
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
