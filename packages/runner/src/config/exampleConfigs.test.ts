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

  it('gives every watched account the same read-only actions as the base policy, behind the external id (CloudFormation and Terraform)', () => {
    // Prepare
    const base = JSON.parse(readFileSync(`${repo}deploy/iam-policy.json`, 'utf8')) as { Statement: Array<{ Action: string[] }> };
    const actions = base.Statement.flatMap((s) => s.Action).sort();
    const cfn = JSON.parse(readFileSync(`${repo}deploy/accounts/mona-read-role.cfn.json`, 'utf8')) as {
      Resources: {
        MonaReadRole: {
          Properties: {
            AssumeRolePolicyDocument: { Statement: unknown[] };
            Policies: Array<{ PolicyDocument: { Statement: Array<{ Action: string[] }> } }>;
          };
        };
      };
    };
    const tf = readFileSync(`${repo}deploy/accounts/terraform/watched-account/main.tf`, 'utf8');
    // Act
    const role = cfn.Resources.MonaReadRole.Properties;
    const cfnActions = role.Policies.flatMap((p) => p.PolicyDocument.Statement.flatMap((s) => s.Action)).sort();
    const tfActions = [...(/Action\s*=\s*\[([^\]]+)\]/.exec(tf)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
    // Assess
    expect(cfnActions).toEqual(actions);
    expect(tfActions).toEqual(actions);
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } } }),
    ]);
    expect(tf).toMatch(/Condition = \{ StringEquals = \{ "sts:ExternalId" = var.external_id \} \}/);
  });

  it("grants Mona's own role sts:AssumeRole and nothing else (CloudFormation, Terraform, JSON)", () => {
    // Prepare
    const cfn = readFileSync(`${repo}deploy/accounts/mona-assume-roles.cfn.json`, 'utf8');
    const json = JSON.parse(readFileSync(`${repo}deploy/accounts/assume-role-policy.json`, 'utf8')) as {
      Statement: Array<{ Action: string }>;
    };
    const tf = readFileSync(`${repo}deploy/accounts/terraform/mona-assume-roles/main.tf`, 'utf8');
    // Act
    const actionsOf = (text: string) => [...text.matchAll(/"?Action"?\s*[:=]\s*"([^"]+)"/g)].map((m) => m[1]);
    // Assess
    expect(actionsOf(cfn)).toEqual(['sts:AssumeRole']);
    expect(json.Statement.map((s) => s.Action)).toEqual(['sts:AssumeRole']);
    expect(actionsOf(tf)).toEqual(['sts:AssumeRole']);
  });
});
