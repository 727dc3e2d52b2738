import { describe, expect, it } from 'vitest';
import type { MonitorEvent, Notification } from '@mona-ecs/core';
import { createRoute } from './createRoute.js';

function note(event: Partial<MonitorEvent> & Pick<MonitorEvent, 'type'>): Notification {
  const full = { id: 'x', cluster: 'prod', region: 'eu-west-1', observedAt: 0, service: 'api-web', ...event } as MonitorEvent;
  return { id: full.id, event: full, text: 't', plain: 't', markdown: 't', title: 't', severity: 'info' };
}

const started = note({ type: 'MonitorStarted', serviceNames: ['api-web'] } as Partial<MonitorEvent> & { type: 'MonitorStarted' });
delete (started.event as { service?: string }).service;

describe('createRoute', () => {
  it('accepts everything when no filter is set', () => {
    // Act
    const route = createRoute({});

    // Assess
    expect(route.accepts(note({ type: 'DeploymentStarted' }))).toBe(true);
    expect(route.accepts(started)).toBe(true);
  });

  it('routes by formatter key, not by event type name', () => {
    // Prepare
    const route = createRoute({ events: ['deployFailed', 'rollback'] });

    // Act
    const results = [note({ type: 'DeploymentFailed' }), note({ type: 'RollbackStarted' }), note({ type: 'DeploymentStarted' })].map((n) =>
      route.accepts(n),
    );

    // Assess
    expect(results).toEqual([true, true, false]);
  });

  it('routes by service glob, letting cluster-level events through', () => {
    // Prepare
    const route = createRoute({ services: ['api-*', 'worker'] });

    // Act
    const results = [
      note({ type: 'DeploymentStarted', service: 'api-web' } as Partial<MonitorEvent> & { type: 'DeploymentStarted' }),
      note({ type: 'DeploymentStarted', service: 'worker' } as Partial<MonitorEvent> & { type: 'DeploymentStarted' }),
      note({ type: 'DeploymentStarted', service: 'billing' } as Partial<MonitorEvent> & { type: 'DeploymentStarted' }),
      started,
      note({ type: 'MonitorDegraded', service: undefined } as unknown as Partial<MonitorEvent> & { type: 'MonitorDegraded' }),
    ].map((n) => route.accepts(n));

    // Assess
    expect(results).toEqual([true, true, false, true, true]);
  });

  it('routes by cluster name, also for cluster-level events', () => {
    // Prepare
    const route = createRoute({ clusters: ['staging'] });

    // Act
    const prod = route.accepts(note({ type: 'DeploymentStarted' }));
    const staging = route.accepts(note({ type: 'DeploymentStarted', cluster: 'staging' }));
    const prodStarted = route.accepts(started);

    // Assess
    expect([prod, staging, prodStarted]).toEqual([false, true, false]);
  });

  it("lets the ECS events queue's outage and recovery through a route by cluster, not another cluster's", () => {
    // Prepare
    const route = createRoute({ clusters: ['staging'] });

    // Act
    const queue = ['MonitorDegraded', 'MonitorRecovered'].map((type) =>
      route.accepts(note({ type, cluster: 'sqs:mona-events' } as Partial<MonitorEvent> & { type: 'MonitorDegraded' })),
    );
    const prodDown = route.accepts(note({ type: 'MonitorDegraded' } as Partial<MonitorEvent> & { type: 'MonitorDegraded' }));

    // Assess
    expect(queue).toEqual([true, true]);
    expect(prodDown).toBe(false);
  });

  it('requires every filter to pass when several are set', () => {
    // Prepare
    const route = createRoute({ events: ['deploy'], services: ['api-*'], clusters: ['prod'] });

    // Act
    const ok = route.accepts(note({ type: 'DeploymentStarted' }));
    const wrongEvent = route.accepts(note({ type: 'ScalingStarted' }));

    // Assess
    expect([ok, wrongEvent]).toEqual([true, false]);
  });
});
