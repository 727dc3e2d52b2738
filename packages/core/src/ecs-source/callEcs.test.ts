import { ListServicesCommand } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { freeLimiter, mockedEcs } from './__fixtures__/ecsMock.js';
import { callEcs, isThrottling } from './callEcs.js';
import type { ApiCallResult } from './callEcs.js';

const { client, ecs } = mockedEcs();
afterEach(() => ecs.reset());

describe('callEcs', () => {
  it('reports each call and its duration to onApiCall', async () => {
    // Prepare
    ecs.on(ListServicesCommand).resolves({ serviceArns: [] });
    const seen: [string, ApiCallResult, number][] = [];
    let time = 0;
    const ctx = {
      client,
      limiter: freeLimiter(),
      now: () => (time += 7),
      hooks: { onApiCall: (a: string, r: ApiCallResult, ms: number) => seen.push([a, r, ms]) },
    };
    // Act
    await callEcs(ctx, 'ListServices', (c) => c.send(new ListServicesCommand({ cluster: 'prod' })));
    // Assess
    expect(seen).toEqual([['ListServices', 'ok', 7]]);
  });

  it('slows the shared limiter down when ECS throttles, or when the SDK had to retry', async () => {
    // Prepare
    const limiter = freeLimiter();
    const ctx = { client, limiter, now: Date.now };
    const before = limiter.currentRate;
    ecs.on(ListServicesCommand).rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    // Act
    await expect(callEcs(ctx, 'ListServices', (c) => c.send(new ListServicesCommand({ cluster: 'prod' })))).rejects.toThrow();
    const afterThrottle = limiter.currentRate;
    await callEcs(ctx, 'ListServices', async () => ({ $metadata: { attempts: 3 } }));
    const afterRetried = limiter.currentRate;
    await callEcs(ctx, 'ListServices', async () => ({ $metadata: { attempts: 1 } }));
    // Assess
    expect(afterThrottle).toBe(before / 2);
    expect(afterRetried).toBe(before / 4);
    expect(limiter.currentRate).toBeGreaterThan(afterRetried);
  });

  it('does not call ECS at all when the sweep was already aborted', async () => {
    // Prepare
    ecs.on(ListServicesCommand).resolves({ serviceArns: [] });
    const controller = new AbortController();
    controller.abort(new Error('stopping'));
    const ctx = { client, limiter: freeLimiter(), now: Date.now, signal: controller.signal };
    // Act
    const call = callEcs(ctx, 'ListServices', (c) => c.send(new ListServicesCommand({ cluster: 'prod' })));
    // Assess
    await expect(call).rejects.toThrow('stopping');
    expect(ecs.commandCalls(ListServicesCommand)).toHaveLength(0);
  });

  it('stops waiting for a call that never answers as soon as the sweep is aborted', async () => {
    // Prepare: a call that would hang for ever (a connection that never answers)
    const controller = new AbortController();
    const ctx = { client, limiter: freeLimiter(), now: Date.now, signal: controller.signal };
    const call = callEcs(ctx, 'DescribeServices', () => new Promise<never>(() => undefined));
    // Act
    controller.abort(new Error('sweep deadline'));
    // Assess
    await expect(call).rejects.toMatchObject({ name: 'AbortError', message: 'request aborted: sweep deadline' });
  });
});

describe('isThrottling', () => {
  it.each([
    [{ name: 'ThrottlingException' }, true],
    [{ name: 'Whatever', $retryable: { throttling: true } }, true],
    [{ name: 'ClusterNotFoundException' }, false],
    ['ThrottlingException', false],
  ])('classifies %o as throttling: %s', (error, expected) => {
    // Act / Assess
    expect(isThrottling(error)).toBe(expected);
  });
});
