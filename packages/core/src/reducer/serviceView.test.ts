import { describe, expect, it } from 'vitest';
import { buildDeployment, buildService } from '../testing/builders.js';
import { isRollbackReason, viewOf } from './serviceView.js';

describe('viewOf: stability (DESIGN §4)', () => {
  it.each([
    { why: 'one finished PRIMARY with every task running', deployments: [buildDeployment()], stable: true },
    { why: 'rolloutState absent', deployments: [buildDeployment({ rolloutState: undefined })], stable: true },
    {
      why: 'an INACTIVE deployment alongside does not count',
      deployments: [buildDeployment(), buildDeployment({ id: 'ecs-svc/9', status: 'INACTIVE' })],
      stable: true,
    },
    {
      why: 'an ACTIVE deployment still draining',
      deployments: [buildDeployment(), buildDeployment({ id: 'ecs-svc/9', status: 'ACTIVE' })],
      stable: false,
    },
    { why: 'a task missing', deployments: [buildDeployment({ runningCount: 1 })], stable: false },
    { why: 'rollout IN_PROGRESS', deployments: [buildDeployment({ rolloutState: 'IN_PROGRESS' })], stable: false },
    { why: 'rollout FAILED', deployments: [buildDeployment({ rolloutState: 'FAILED' })], stable: false },
    { why: 'the only live deployment is not PRIMARY', deployments: [buildDeployment({ status: 'ACTIVE' })], stable: false },
  ])('is $stable when $why', ({ deployments, stable }) => {
    // Prepare
    const raw = buildService({ deployments, desiredCount: 2, runningCount: 2 });
    // Act
    const view = viewOf(raw);
    // Assess
    expect(view.stable).toBe(stable);
  });

  it('uses service-level counts for a service without deployments', () => {
    // Prepare
    const short = buildService({ deploymentController: 'EXTERNAL', deployments: [], desiredCount: 3, runningCount: 2 });
    // Act
    const view = viewOf(short);
    // Assess
    expect(view).toMatchObject({ stable: false, desiredCount: 3, runningCount: 2 });
    expect(view.primary).toBeUndefined();
  });
});

describe('viewOf: fields', () => {
  it('carries every field of the snapshot beside its own live deployments, PRIMARY and stability', () => {
    // Prepare: every field set, the optional ones too.
    const primary = buildDeployment();
    const inactive = buildDeployment({ id: 'ecs-svc/0', status: 'INACTIVE' });
    const raw = buildService({ deployments: [primary, inactive], events: [{ id: 'e1', createdAt: 1, message: 'steady' }] });
    // Act
    const view = viewOf(raw);
    // Assess
    expect(view).toStrictEqual({ ...raw, active: [primary], primary, stable: true });
  });

  it('leaves out the optional fields a snapshot does not have, and the PRIMARY a service has none of', () => {
    // Prepare
    const raw = buildService({ deploymentController: 'EXTERNAL', deployments: [], createdAt: undefined, schedulingStrategy: undefined });
    // Act
    const view = viewOf(raw);
    // Assess
    expect(Object.keys(view).sort()).toEqual([...Object.keys(raw), 'active', 'stable'].sort());
  });

  it('keeps its own verdicts over same-named extra fields of an untrusted snapshot', () => {
    // Prepare: a third-party source may add fields; the view's own are never taken from them.
    const raw = { ...buildService(), stable: false, active: 'all' } as unknown as Parameters<typeof viewOf>[0];
    // Act
    const view = viewOf(raw);
    // Assess
    expect(view.stable).toBe(true);
    expect(view.active).toHaveLength(1);
  });
});

describe('isRollbackReason', () => {
  it.each([
    ['ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.', true],
    ['rolled back', true],
    ['Rollback in progress', true],
    ['ECS deployment ecs-svc/1 in progress.', false],
  ])('reads %j as %s', (reason, expected) => {
    // Prepare / Act
    const actual = isRollbackReason(reason);
    // Assess
    expect(actual).toBe(expected);
  });
});
