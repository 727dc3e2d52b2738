import type { Service } from '@aws-sdk/client-ecs';

/** The raw HTTP response as the deserialize step sees it, before the SDK parses it. */
interface RawResponse {
  statusCode?: number;
  body?: unknown;
}

/** A deserialize-step handler, typed just enough to fit any command's stack. */
type Handler<Args, Result extends { response: unknown }> = (args: Args) => Promise<Result>;

/** Where `takeServices` leaves the services it took out of one DescribeServices answer. */
export interface TakenServices {
  services?: Service[];
}

/**
 * A middleware for the `deserialize` step, placed inside the SDK's deserializer (priority
 * `low`), that parses a DescribeServices answer ONCE, keeps only what the source reads (the
 * fields of `SERVICE_FIELDS`, the newest `max` events of each service, dates as `Date`) in
 * `into.services`, and hands the SDK a body holding only `failures`.
 *
 * Why: each answer carries up to 100 events per service, and the SDK's deserializer builds an
 * object and a `Date` for every field of every one of them. Measured on 10 services × 100 events
 * (bench/RESULTS.md): the SDK path cost about 7× a bare `JSON.parse` of the bytes; trimming and
 * re-serialising for the SDK still cost about 3×; parsing once here brings it near 1.5×. Error
 * answers (non-200) and bodies that are not a DescribeServices answer reach the SDK untouched.
 *
 * @example
 * const taken: TakenServices = {};
 * const command = new DescribeServicesCommand({ cluster, services });
 * command.middlewareStack.add(takeServices(5, taken), TAKE_SERVICES_OPTIONS);
 * const output = await client.send(command); // output.failures as usual; services in taken.services
 */
export function takeServices(max: number, into: TakenServices) {
  const keep = Math.max(1, Math.floor(max));
  return <Args, Result extends { response: unknown }>(next: Handler<Args, Result>): Handler<Args, Result> =>
    async (args) => {
      const result = await next(args);
      const response = result.response as RawResponse;
      // Error bodies go to the SDK untouched: it reads the error code from them.
      if (response.statusCode !== 200) return result;
      const bytes = await readBody(response.body);
      if (!bytes) return result;
      const parsed = parseAnswer(bytes);
      if (!parsed) {
        response.body = bytes; // the stream was consumed: give the SDK the same bytes back
        return result;
      }
      into.services = parsed.services.map((service) => narrowed(service, keep));
      response.body = encoder.encode(JSON.stringify({ failures: parsed.failures ?? [] }));
      return result;
    };
}

/** Where `takeServices` goes in a command's middleware stack. */
export const TAKE_SERVICES_OPTIONS = Object.freeze({
  step: 'deserialize',
  priority: 'low',
  name: 'monaTakeServices',
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

function parseAnswer(bytes: Uint8Array): { services: unknown[]; failures?: unknown } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
  const answer = parsed as { services?: unknown; failures?: unknown } | null;
  return answer && Array.isArray(answer.services) ? (answer as { services: unknown[]; failures?: unknown }) : undefined;
}

/** One raw service as the SDK would have given it, for the fields the source reads. */
export function narrowed(service: unknown, keep: number): Service {
  if (typeof service !== 'object' || service === null) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(service)) {
    if (!SERVICE_FIELDS.has(key)) continue;
    if (key === 'createdAt') out[key] = toDate(value);
    else if (key === 'events') out[key] = Array.isArray(value) ? value.slice(0, keep).map(withDate('createdAt')) : value;
    else if (key === 'deployments') out[key] = Array.isArray(value) ? value.map(withDate('createdAt', 'updatedAt')) : value;
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

function withDate(...keys: string[]): (entry: unknown) => unknown {
  return (entry) => {
    if (typeof entry !== 'object' || entry === null) return entry;
    const copy: Record<string, unknown> = { ...entry };
    for (const key of keys) if (key in copy) copy[key] = toDate(copy[key]);
    return copy;
  };
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
