import {
  AuthorizationErrorException,
  InternalErrorException,
  InvalidParameterException,
  KMSDisabledException,
  KMSThrottlingException,
  NotFoundException,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { classifySnsError } from './classifySnsError.js';

const context = { topicArn: 'arn:aws:sns:eu-west-1:123456789012:deploys', region: 'eu-west-1' };
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

/** An error as the SDK builds it for an unmodelled error code. */
function sdkError(name: string, status: number, fault: 'client' | 'server'): Error {
  return Object.assign(new Error(`${name} happened`), { name, $fault: fault, $metadata: { httpStatusCode: status } });
}

describe('classifySnsError', () => {
  it.each([
    ['Throttled', new ThrottledException({ message: 'slow down', ...meta(429) })],
    ['ThrottlingException', sdkError('ThrottlingException', 400, 'client')],
    ['KMSThrottling', new KMSThrottlingException({ message: 'kms slow down', ...meta(400) })],
    ['InternalError', new InternalErrorException({ message: 'oops', ...meta(500) })],
    ['an unmodelled 503', sdkError('ServiceUnavailable', 503, 'server')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a socket timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
  ])('marks %s as retryable', (_label, error) => {
    // Act
    const classified = classifySnsError(error, context);
    // Assess
    expect(classified.retryable).toBe(true);
    expect(classified.cause).toBe(error);
  });

  it.each([
    ['AuthorizationError', new AuthorizationErrorException({ message: 'denied', ...meta(403) }), /grant sns:Publish/],
    ['NotFound', new NotFoundException({ message: 'no topic', ...meta(404) }), /does not exist in eu-west-1/],
    ['InvalidParameter', new InvalidParameterException({ message: 'bad subject', ...meta(400) }), /bad subject/],
    ['KMSDisabled', new KMSDisabledException({ message: 'key off', ...meta(400) }), /KMS key/],
    ['rejected credentials', sdkError('InvalidClientTokenId', 403, 'client'), /credential/],
    ['an unknown 4xx', sdkError('SomethingNew', 400, 'client'), /not retrying/],
  ])('marks %s as not retryable and says what to fix', (_label, error, fix) => {
    // Act
    const classified = classifySnsError(error, context);
    // Assess
    expect(classified.retryable).toBe(false);
    expect(classified.message).toMatch(fix);
  });

  it('treats any failure after the attempt was aborted as retryable', () => {
    // Prepare
    const controller = new AbortController();
    controller.abort();
    // Act
    const classified = classifySnsError(new Error('Request aborted'), { ...context, signal: controller.signal });
    // Assess
    expect(classified.retryable).toBe(true);
    expect(classified.message).toMatch(/aborted/);
  });
});
