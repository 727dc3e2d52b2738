import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG } from '../../model/config.js';
import { EventType } from '../../model/events.js';
import type { MonitorEvent } from '../../model/events.js';
import { buildFailure } from '../../testing/builders.js';
import { replay } from '../__fixtures__/replay.js';
import { circuitBreakerRollback, codeDeployService, daemonService, rollingDeployment } from '../__fixtures__/scenarios.js';
import { RULES } from './index.js';

/** The position of each event's type in the DESIGN §4 table. */
function ranks(events: MonitorEvent[]): number[] {
  const order = Object.keys(EventType);
  return events.map((e) => order.indexOf(e.type));
}

describe('rules: the DESIGN §4 table', () => {
  it('lists one rule per event type, in table order', () => {
    // Prepare
    const table = Object.keys(EventType);
    // Act
    const listed = RULES.map((row) => row.type);
    // Assess
    expect(listed).toEqual(table);
  });

  it('produces the events of each service in table order, with no sort afterwards', () => {
    // Prepare: every shipped scenario, plus an outage, so that every row fires somewhere
    const scenarios = [rollingDeployment(), circuitBreakerRollback(), codeDeployService(), daemonService()];
    fc.assert(
      fc.property(fc.constantFrom(...scenarios), fc.integer({ min: 0, max: 3 }), (sweeps, failures) => {
        const outage = Array.from({ length: failures }, (_, n) => buildFailure({ observedAt: (sweeps[0]?.observedAt ?? 0) + n }));
        // Act
        const perSweep = replay([...sweeps.slice(0, 1), ...outage, ...sweeps.slice(1)], DEFAULT_MONITOR_CONFIG).perSweep;
        // Assess: per service, the ranks never go down
        for (const events of perSweep) {
          const byService = new Map<string, MonitorEvent[]>();
          for (const e of events)
            byService.set('service' in e ? e.service : '', [...(byService.get('service' in e ? e.service : '') ?? []), e]);
          for (const list of byService.values()) {
            const r = ranks(list);
            expect(r).toEqual([...r].sort((a, b) => a - b));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('hands each rule a track it does not mutate', () => {
    // Prepare
    const sweeps = circuitBreakerRollback();
    const before = replay(sweeps.slice(0, 3)).state;
    const frozen = JSON.stringify(before);
    // Act
    replay(sweeps.slice(3), DEFAULT_MONITOR_CONFIG, before);
    // Assess
    expect(JSON.stringify(before)).toBe(frozen);
  });
});
