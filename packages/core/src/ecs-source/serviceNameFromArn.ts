/**
 * The service name from a service ARN. ListServices returns ARNs, in the long format
 * `arn:aws:ecs:region:account:service/cluster/name` or, for accounts that never opted in, the
 * old short format `arn:aws:ecs:region:account:service/name`. The name is always the last path
 * segment; a bare name comes back unchanged.
 *
 * @example
 * serviceNameFromArn('arn:aws:ecs:eu-west-1:123456789012:service/prod/api'); // 'api'
 * serviceNameFromArn('arn:aws:ecs:eu-west-1:123456789012:service/api');      // 'api'
 */
export function serviceNameFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
