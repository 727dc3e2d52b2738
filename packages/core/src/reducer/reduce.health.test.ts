import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITOR_CONFIG } from '../model/config.js';
import type { MonitorConfig } from '../model/config.js';
import type { SweepOutcome } from '../model/snapshot.js';
import { buildFailure } from '../testing/builders.js';
import { replay } from './__fixtures__/replay.js';
import { api, at, oldDeployment, sweep } from './__fixtures__/scenarios.js';

const CONFIG: MonitorConfig = { ...DEFAULT_MONITOR_CONFIG, recoveredAfterSweeps: 3 };

/** A run of sweeps from a pattern: `G` a good sweep, `F` a failed one; sweep 0 is a good baseline. */
function pattern(text: string): SweepOutcome[] {
  return [...`G${text}`].map((c, n) => (c === 'G' ? sweep(n, api(oldDeployment())) : buildFailure({ observedAt: at(n) })));
}

function healthEvents(text: string, config: MonitorConfig = CONFIG): string[] {
  return replay(pattern(text), config)
    .perSweep.flatMap((events, n) => events.map((e) => `${n}:${e.type}`))
    .filter((e) => e.includes('MonitorDegraded') || e.includes('MonitorRecovered'));
}

describe('reduce: degraded and recovered (issue 12, item 4)', () => {
  it('recovers after recoveredAfterSweeps good sweeps in a row, not the first', () => {
    // Prepare / Act
    const events = healthEvents('FFFGGG');
    // Assess
    expect(events).toEqual(['3:MonitorDegraded', '6:MonitorRecovered']);
  });

  it('makes a flapping cluster one degraded and one recovered notification, with the count', () => {
    // Prepare: 70 % of sweeps failing, short good runs in between, then the faults stop
    const flapping = 'FFFGFFGGFGFFFGFGGFFFGF' + 'GGGGGGGGGGGG';
    // Act
    const { perSweep } = replay(pattern(flapping), CONFIG);
    const health = perSweep.flat().filter((e) => e.type === 'MonitorDegraded' || e.type === 'MonitorRecovered');
    // Assess
    expect(health.map((e) => e.type)).toEqual(['MonitorDegraded', 'MonitorRecovered']);
    expect(health[1]).toMatchObject({ failedSweeps: 14, relapses: 6, id: `prod/MonitorRecovered@${at(1)}` });
  });

  it('doubles the good run needed after each relapse, up to four times recoveredAfterSweeps', () => {
    // Prepare: degraded, then GGF (a relapse: 6 needed), GGGGGF (another: 12 needed)
    const base = 'FFFGGFGGGGGF';
    // Act
    const eleven = healthEvents(`${base}${'G'.repeat(11)}`);
    const twelve = healthEvents(`${base}${'G'.repeat(12)}`);
    // Assess
    expect(eleven).toEqual(['3:MonitorDegraded']);
    expect(twelve).toEqual(['3:MonitorDegraded', `${base.length + 12}:MonitorRecovered`]);
  });

  it('measures the outage from the last good sweep before it to the first good sweep of the run that ended it', () => {
    // Prepare
    const sweeps = pattern('FFFGGG');
    // Act
    const recovered = replay(sweeps, CONFIG)
      .perSweep.flat()
      .find((e) => e.type === 'MonitorRecovered');
    // Assess: good at 0, failures 1..3, the ending run began at 4
    expect(recovered).toMatchObject({ durationSeconds: (at(4) - at(0)) / 1000, failedSweeps: 3, relapses: 0 });
  });

  it('recovers on the first good sweep without recoveredAfterSweeps, as recordings made before it expect', () => {
    // Prepare / Act
    const events = healthEvents('FFFGFFF', DEFAULT_MONITOR_CONFIG);
    // Assess
    expect(events).toEqual(['3:MonitorDegraded', '4:MonitorRecovered', '7:MonitorDegraded']);
  });

  it('never sends a second MonitorDegraded before a MonitorRecovered, and pairs them up', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('G', 'F', 'F'), { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (steps, n) => {
        // Prepare
        const config = { ...CONFIG, recoveredAfterSweeps: n };
        // Act
        const types = healthEvents(steps.join(''), config).map((e) => e.split(':')[1]);
        // Assess: alternating, starting with MonitorDegraded
        expect(types.every((t, i) => t === (i % 2 === 0 ? 'MonitorDegraded' : 'MonitorRecovered'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
