import { AwsApiError } from './errors.js';

/**
 * One page of a List* call: validates `maxResults` like ECS (1..max, else
 * InvalidParameterException) and encodes the position in an opaque `nextToken`.
 *
 * @example
 * paginate(arns, { maxResults: 100 }, { defaultMax: 10, limit: 100 }); // { items: [...100], nextToken: 'eyJvIjoxMDB9' }
 */
export function paginate<T>(
  all: readonly T[],
  input: { maxResults?: unknown; nextToken?: unknown },
  limits: { defaultMax: number; limit: number },
): { items: T[]; nextToken?: string } {
  const max = input.maxResults ?? limits.defaultMax;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > limits.limit) {
    throw new AwsApiError('InvalidParameterException', `maxResults must be between 1 and ${limits.limit}.`);
  }
  const offset = decodeToken(input.nextToken);
  const items = all.slice(offset, offset + max);
  const next = offset + items.length;
  return next < all.length ? { items, nextToken: Buffer.from(JSON.stringify({ o: next })).toString('base64') } : { items };
}

function decodeToken(token: unknown): number {
  if (token === undefined || token === null || token === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch (error) {
    throw new AwsApiError('InvalidParameterException', 'Invalid nextToken.', { cause: error });
  }
  throw new AwsApiError('InvalidParameterException', 'Invalid nextToken.');
}
