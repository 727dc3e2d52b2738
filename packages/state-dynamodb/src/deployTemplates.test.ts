import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEY, TTL_ATTRIBUTE } from './tableLayout.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): Promise<string> => readFile(`${root}${path}`, 'utf8');

/** DynamoDB operations the store's sources send (`new XCommand(` of the SDK clients). */
async function operationsUsed(): Promise<Set<string>> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const sources = await Promise.all(files.map((f) => readFile(`${dir}${f}`, 'utf8')));
  const lib: Record<string, string> = { Put: 'PutItem', Get: 'GetItem', Delete: 'DeleteItem', BatchWrite: 'BatchWriteItem' };
  const used = new Set<string>();
  for (const match of sources.join('\n').matchAll(/new (\w+)Command\(/g)) used.add(lib[match[1]!] ?? match[1]!);
  used.add('DescribeTable'); // through waitUntilTableExists too
  return used;
}

describe('the IaC in deploy/', () => {
  it('creates the table with the key schema and TTL attribute the store expects', async () => {
    const cloudFormation = await read('deploy/dynamodb-table.yaml');
    const terraform = await read('deploy/dynamodb-table.tf');
    expect(cloudFormation).toMatch(new RegExp(`AttributeName: ${KEY.partition}\\s+KeyType: HASH`));
    expect(cloudFormation).toMatch(new RegExp(`AttributeName: ${KEY.sort}\\s+KeyType: RANGE`));
    expect(cloudFormation).toMatch(new RegExp(`AttributeName: ${TTL_ATTRIBUTE}\\s+Enabled: true`));
    expect(terraform).toContain(`hash_key     = "${KEY.partition}"`);
    expect(terraform).toContain(`range_key    = "${KEY.sort}"`);
    expect(terraform).toContain(`attribute_name = "${TTL_ATTRIBUTE}"`);
  });

  it('grants every DynamoDB action the store calls, in the IAM policy and the Terraform policy', async () => {
    const policy = JSON.parse(await read('deploy/iam-policy-optional.json')) as { Statement: { Action: string[] }[] };
    const granted = new Set(policy.Statement.flatMap((s) => s.Action));
    const terraform = await read('deploy/dynamodb-table.tf');
    for (const operation of await operationsUsed()) {
      expect(granted, operation).toContain(`dynamodb:${operation}`);
      if (operation !== 'CreateTable' && operation !== 'UpdateTimeToLive')
        expect(terraform, operation).toContain(`"dynamodb:${operation}"`);
    }
  });
});
