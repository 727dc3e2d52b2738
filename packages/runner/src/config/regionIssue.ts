import { RunnerErrorCode } from '../errors.js';
import type { ConfigIssue } from '../errors.js';

/**
 * AWS region names: a partition prefix and a number (`eu-west-1`, `us-gov-west-1`,
 * `cn-northwest-1`, `us-isob-east-1`). Checked because the SDK accepts any string and a typo
 * (`eu-west-l`) only surfaces as an endless DNS failure of `ecs.eu-west-l.amazonaws.com`.
 */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * An issue when `region` is not shaped like an AWS region, with the likely fix (a letter `l`,
 * `I` or `O` typed for a digit, upper case, spaces); undefined when it is.
 *
 * @example
 * regionIssue('eu-west-l', '/AWSRegion'); // { message: 'region "eu-west-l" is not an AWS region name', hint: 'did you mean "eu-west-1"? …' }
 */
export function regionIssue(region: string, path: string): ConfigIssue | undefined {
  if (REGION.test(region)) return undefined;
  const fixed = region
    .trim()
    .toLowerCase()
    .replace(/-([lio])$/, (_, c: string) => `-${c === 'o' ? '0' : '1'}`);
  const guess = fixed !== region && REGION.test(fixed) ? `did you mean "${fixed}"? ` : '';
  return {
    code: RunnerErrorCode.configInvalid,
    path,
    message: `region "${region}" is not an AWS region name`,
    hint: `${guess}a region looks like eu-west-1 or us-east-2 (lower case, ending in a number); see aws ec2 describe-regions`,
  };
}
