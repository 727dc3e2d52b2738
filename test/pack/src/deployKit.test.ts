import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${repo}${path}`, 'utf8');

interface Container {
  command: string[];
  user: string;
  readonlyRootFilesystem: boolean;
  secrets: Array<{ name: string; valueFrom: string }>;
  portMappings: Array<{ containerPort: number }>;
  healthCheck: { command: string[] };
  mountPoints?: unknown[];
}
interface Statement {
  Action: string[];
  Resource: string | string[];
}

/** IAM's `*` wildcard in a resource ARN. */
function covers(pattern: string, arn: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(arn);
}

describe('deploy/', () => {
  it('builds the image on a current Node LTS, runs it unprivileged, and checks /healthz', () => {
    // Act
    const dockerfile = read('deploy/Dockerfile');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    const runtime = stages.at(-1) ?? '';

    // Assess
    expect(dockerfile).toMatch(/^ARG NODE_VERSION=24$/m);
    expect(stages.map((s) => s.split('\n')[0]?.split(' ')[0])).toEqual([
      'node:${NODE_VERSION}-slim',
      'node:${NODE_VERSION}-slim',
      'node:${NODE_VERSION}-slim',
    ]);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n.*127\.0\.0\.1:9090\/healthz/m);
    expect(runtime).not.toMatch(/^RUN /m);
    // Every RUN step is the script test/pack runs, so no step of the image goes untested.
    for (const run of dockerfile.match(/^RUN .*(\n .*)*/gm) ?? []) expect(run).toMatch(/^RUN (deploy\/)?build-image-steps\.sh /);
  });

  it('keeps dependencies, build output and secrets out of the build context', () => {
    // Act
    const ignored = read('.dockerignore').split('\n');

    // Assess
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.git', '.env']));
  });

  it('takes the config from MONA_CONFIG in the task definition, with no volume, and checks /healthz', () => {
    // Act
    const task = JSON.parse(read('deploy/task-definition.json')) as { volumes?: unknown[]; containerDefinitions: Container[] };
    const [mona] = task.containerDefinitions;

    // Assess
    expect(task.volumes ?? []).toEqual([]);
    expect(mona?.command).toEqual(['run']);
    expect(mona?.secrets.map((s) => s.name)).toContain('MONA_CONFIG');
    expect(mona?.mountPoints ?? []).toEqual([]);
    expect(mona).toMatchObject({ user: '1000', readonlyRootFilesystem: true, portMappings: [{ containerPort: 9090 }] });
    expect(mona?.healthCheck.command.join(' ')).toContain('http://127.0.0.1:9090/healthz');
  });

  it('lets the execution role read every secret the task definition names, and nothing else', () => {
    // Prepare
    const task = JSON.parse(read('deploy/task-definition.json')) as { containerDefinitions: Container[] };
    const policy = JSON.parse(read('deploy/execution-role-policy.json')) as { Statement: Statement[] };
    const actionFor = (arn: string) => (arn.startsWith('arn:aws:ssm:') ? 'ssm:GetParameters' : 'secretsmanager:GetSecretValue');

    // Act
    const uncovered = task.containerDefinitions
      .flatMap((c) => c.secrets)
      .filter(
        ({ valueFrom }) =>
          !policy.Statement.some((s) => s.Action.includes(actionFor(valueFrom)) && [s.Resource].flat().some((r) => covers(r, valueFrom))),
      );
    const actions = policy.Statement.flatMap((s) => s.Action).sort();

    // Assess
    expect(uncovered).toEqual([]);
    expect(actions).toEqual(['secretsmanager:GetSecretValue', 'ssm:GetParameters']);
  });
});
