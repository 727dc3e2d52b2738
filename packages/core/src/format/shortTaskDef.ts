/**
 * Short name of a task definition: `family:revision` from a full ARN, as the console shows it.
 * Anything that is not an ARN (already short, or empty) is returned unchanged.
 *
 * @example
 * shortTaskDef('arn:aws:ecs:eu-west-1:123456789012:task-definition/api:42'); // 'api:42'
 */
export function shortTaskDef(taskDefinition: string | undefined): string {
  if (!taskDefinition) return '';
  const slash = taskDefinition.lastIndexOf('/');
  return taskDefinition.startsWith('arn:') && slash >= 0 ? taskDefinition.slice(slash + 1) : taskDefinition;
}

/**
 * Short id of a task: the last segment of its ARN.
 *
 * @example
 * shortTaskId('arn:aws:ecs:eu-west-1:123456789012:task/prod/0a1b2c'); // '0a1b2c'
 */
export function shortTaskId(taskArn: string): string {
  const slash = taskArn.lastIndexOf('/');
  return slash >= 0 ? taskArn.slice(slash + 1) : taskArn;
}
