import { describe, expect, it } from 'vitest';
import { regionIssue } from './regionIssue.js';

describe('regionIssue', () => {
  it.each(['eu-west-1', 'us-east-2', 'ap-southeast-4', 'us-gov-west-1', 'cn-northwest-1', 'us-isob-east-1', 'il-central-1'])(
    'accepts %s',
    (region) => {
      expect(regionIssue(region, '/AWSRegion')).toBeUndefined();
    },
  );

  it.each([
    ['eu-west-l', 'did you mean "eu-west-1"? '],
    ['EU-WEST-1', 'did you mean "eu-west-1"? '],
    ['us-east-O', 'did you mean "us-east-0"? '],
    ['eu-west', ''],
    ['ireland', ''],
  ])('rejects %s with a hint', (region, guess) => {
    // Act
    const issue = regionIssue(region, '/clusters/0');
    // Assess
    expect(issue).toEqual({
      code: 'MONA_CONFIG_INVALID',
      path: '/clusters/0',
      message: `region "${region}" is not an AWS region name`,
      hint: `${guess}a region looks like eu-west-1 or us-east-2 (lower case, ending in a number); see aws ec2 describe-regions`,
    });
  });
});
