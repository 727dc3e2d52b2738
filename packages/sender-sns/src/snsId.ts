import { createHash } from 'node:crypto';

/** SNS limit for `MessageGroupId` and `MessageDeduplicationId`. */
export const MAX_SNS_ID_LENGTH = 128;
/** Alphanumerics and ASCII punctuation: the characters SNS accepts in those ids. */
const SNS_ID_CHARS = /^[\x21-\x7e]+$/;

/**
 * Makes a FIFO `MessageGroupId`/`MessageDeduplicationId` from any string. A valid id is kept as it
 * is, so subscribers can read it; anything else (spaces, non-ASCII, over 128 characters) becomes a
 * readable sanitised prefix plus the SHA-256 of the original, so two different inputs never
 * collapse into the same id and the same input always gives the same id.
 *
 * @example
 * toSnsId('prod/api');        // 'prod/api'
 * toSnsId('prod/my service'); // 'prod/my_service-<64 hex chars>'
 */
export function toSnsId(value: string): string {
  if (value.length > 0 && value.length <= MAX_SNS_ID_LENGTH && SNS_ID_CHARS.test(value)) return value;
  const hash = createHash('sha256').update(value).digest('hex');
  const prefix = value.replace(/[^\x21-\x7e]/g, '_').slice(0, MAX_SNS_ID_LENGTH - hash.length - 1);
  return prefix === '' ? hash : `${prefix}-${hash}`;
}
