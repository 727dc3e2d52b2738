import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './loadConfig.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const examples = `${repo}examples/configs/`;
const env = new Proxy({} as Record<string, string>, { get: (_t, name) => `value-of-${String(name)}` });

describe('shipped examples and deployment kit', () => {
  it.each(readdirSync(examples).filter((f) => f.endsWith('.json')))('examples/configs/%s is a valid config', (file) => {
    // Act
    const config = parseConfig(readFileSync(`${examples}${file}`, 'utf8'), { configPath: `${examples}${file}`, env });

    // Assess
    expect(config.clusters.length).toBeGreaterThan(0);
    expect(config.senders.length).toBeGreaterThan(0);
  });

  it('grants only read access to ECS in the base IAM policy', () => {
    // Prepare
    const policy = JSON.parse(readFileSync(`${repo}deploy/iam-policy.json`, 'utf8')) as { Statement: Array<{ Action: string[] }> };

    // Act
    const actions = policy.Statement.flatMap((s) => s.Action).sort();

    // Assess
    expect(actions).toEqual([
      'ecs:DescribeServices',
      'ecs:DescribeTaskDefinition',
      'ecs:DescribeTasks',
      'ecs:ListServices',
      'ecs:ListTasks',
    ]);
  });

  it('gives Mona exactly the SQS actions its events input calls, on the queue the rule fills with the events it reads', () => {
    // Prepare
    const policy = JSON.parse(readFileSync(`${repo}deploy/iam-policy-events.json`, 'utf8')) as { Statement: Array<{ Action: string[] }> };
    const templates = [
      readFileSync(`${repo}deploy/ecs-events.cloudformation.yaml`, 'utf8'),
      readFileSync(`${repo}deploy/ecs-events.tf`, 'utf8'),
    ];

    // Act
    const actions = policy.Statement.flatMap((s) => s.Action).sort();

    // Assess: ReceiveMessage, DeleteMessageBatch (authorized as sqs:DeleteMessage), GetQueueAttributes
    expect(actions).toEqual(['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage']);
    for (const text of templates) {
      for (const action of actions) expect(text).toContain(action);
      for (const detailType of ['ECS Deployment State Change', 'ECS Service Action', 'ECS Task State Change'])
        expect(text).toContain(detailType);
      expect(text).toContain('aws.ecs');
      expect(text).toMatch(/maxReceiveCount/);
    }
  });
});
