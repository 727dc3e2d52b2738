import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { TaskDefinitionCache } from './TaskDefinitionCache.js';

const ecs = mockClient(ECSClient);
const limiter = { acquire: () => Promise.resolve() };
const signal = new AbortController().signal;

describe('TaskDefinitionCache', () => {
  beforeEach(() => ecs.reset());

  it('shares one call between concurrent lookups of the same ARN', async () => {
    // Prepare
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ name: 'api', image: 'a:1' }] } });
    const cache = new TaskDefinitionCache();
    const client = new ECSClient({ region: 'eu-west-1' });
    // Act
    const [a, b] = await Promise.all([cache.get(client, limiter, 'api:1', signal), cache.get(client, limiter, 'api:1', signal)]);
    // Assess
    expect(a).toEqual({ containers: [{ name: 'api', image: 'a:1' }] });
    expect(b).toBe(a);
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1);
  });

  it('keeps the shared call going for the others when one caller stops waiting', async () => {
    // Prepare: the answer arrives only after the first caller's budget ran out
    let answer: (value: object) => void = () => undefined;
    ecs.on(DescribeTaskDefinitionCommand).callsFake(() => new Promise((resolve) => (answer = resolve)));
    const cache = new TaskDefinitionCache();
    const client = new ECSClient({ region: 'eu-west-1' });
    const impatient = new AbortController();
    const first = cache.get(client, limiter, 'api:1', impatient.signal).catch((e: Error) => `aborted: ${e.message}`);
    const second = cache.get(client, limiter, 'api:1', signal);
    // Act
    impatient.abort(new Error('budget'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    answer({ taskDefinition: { containerDefinitions: [{ name: 'api', image: 'a:2' }] } });
    // Assess
    expect(await first).toMatch(/^aborted: .*budget/);
    expect(await second).toEqual({ containers: [{ name: 'api', image: 'a:2' }] });
    expect(await cache.get(client, limiter, 'api:1', signal)).toEqual({ containers: [{ name: 'api', image: 'a:2' }] });
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1);
  });

  it('forgets a failed lookup so the next event tries again', async () => {
    // Prepare
    ecs.on(DescribeTaskDefinitionCommand).rejectsOnce(new Error('throttled')).resolves({ taskDefinition: {} });
    const cache = new TaskDefinitionCache();
    const client = new ECSClient({ region: 'eu-west-1' });
    // Act
    const first = await cache.get(client, limiter, 'api:1', signal).catch((e: Error) => e.message);
    const second = await cache.get(client, limiter, 'api:1', signal);
    // Assess
    expect(first).toBe('throttled');
    expect(second).toEqual({ containers: [] });
  });

  it('keeps at most its size, dropping the least recently used', async () => {
    // Prepare
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: {} });
    const cache = new TaskDefinitionCache(2);
    const client = new ECSClient({ region: 'eu-west-1' });
    await cache.get(client, limiter, 'a', signal);
    await cache.get(client, limiter, 'b', signal);
    await cache.get(client, limiter, 'a', signal);
    // Act
    await cache.get(client, limiter, 'c', signal);
    await cache.get(client, limiter, 'a', signal);
    await cache.get(client, limiter, 'b', signal);
    // Assess: a stayed (recently used), b was evicted and read again
    expect(cache.size).toBe(2);
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand).map((c) => c.args[0].input.taskDefinition)).toEqual(['a', 'b', 'c', 'b']);
  });
});
