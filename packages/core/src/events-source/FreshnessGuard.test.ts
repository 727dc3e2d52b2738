import { describe, expect, it } from 'vitest';
import { buildService, buildSnapshot } from '../testing/builders.js';
import { FreshnessGuard } from './FreshnessGuard.js';

describe('FreshnessGuard', () => {
  it('drops from a long sweep the services a later describe already read, and marks the sweep partial', () => {
    const guard = new FreshnessGuard();
    guard.admit(buildSnapshot({ services: [buildService({ name: 'api' })], interim: true }), 2_000);

    const sweep = guard.admit(buildSnapshot({ services: [buildService({ name: 'api' }), buildService({ name: 'web' })] }), 1_000);

    expect(sweep.kind === 'snapshot' && sweep.services.map((s) => s.name)).toEqual(['web']);
    expect(sweep.kind === 'snapshot' && sweep.partial).toBe(true);
  });

  it('keeps an outcome whole when nothing newer was read, and drops a describe older than the sweep applied before it', () => {
    const guard = new FreshnessGuard();
    const sweep = buildSnapshot({ services: [buildService({ name: 'api' })], missing: ['gone'] });

    expect(guard.admit(sweep, 1_000)).toBe(sweep);
    const late = guard.admit(buildSnapshot({ services: [buildService({ name: 'api' })], interim: true }), 500);

    expect(late.kind === 'snapshot' && late.services).toEqual([]);
  });

  it('passes failures through', () => {
    const failure = {
      kind: 'failure',
      cluster: 'prod',
      region: 'eu-west-1',
      observedAt: 1,
      error: { name: 'Error', message: 'x' },
    } as const;

    expect(new FreshnessGuard().admit(failure, 0)).toBe(failure);
  });
});
