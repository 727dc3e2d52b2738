import { SimulatorError } from './errors.js';

/**
 * A fault on one ECS action: `hang` accepts the request and never answers (a connection that
 * stays silent); `answer` replies HTTP 200 with `body` as it is (a malformed or empty answer,
 * e.g. `{}`, `{"services":null}` or an empty ListServices page `{"serviceArns":[]}`).
 */
export interface FaultSpec {
  /** ECS action, e.g. `DescribeServices` or `ListServices`. */
  action: string;
  kind: 'hang' | 'answer';
  /** The raw body of an `answer` fault. */
  body?: string;
  /** Calls it applies to, then it is spent. Default: every call until `clearFaults()`. */
  times?: number;
}

/** What the dispatcher does with one call: answer it normally, never answer, or answer `body`. */
export type FaultAction = { kind: 'hang' } | { kind: 'answer'; body: string } | undefined;

interface ActiveFault {
  spec: FaultSpec;
  left: number;
}

/**
 * The faults injected into the simulator, first injected first applied; each call of an action
 * takes the first live fault of that action. Faults are counted calls like any other.
 *
 * @example
 * const faults = new Faults();
 * faults.inject({ action: 'DescribeServices', kind: 'hang', times: 1 });
 * faults.take('DescribeServices'); // { kind: 'hang' }, then undefined
 */
export class Faults {
  private active: ActiveFault[] = [];
  /** Calls answered by a fault, per action (since the last `clear`). */
  readonly applied: Record<string, number> = {};

  inject(spec: FaultSpec): void {
    if (!spec || typeof spec.action !== 'string' || !spec.action) throw new SimulatorError('SIM_BAD_ARGUMENT', 'a fault needs an action');
    if (spec.kind !== 'hang' && spec.kind !== 'answer') {
      throw new SimulatorError('SIM_BAD_ARGUMENT', `unknown fault kind ${String(spec.kind)}: use "hang" or "answer"`);
    }
    if (spec.kind === 'answer' && typeof spec.body !== 'string') {
      throw new SimulatorError('SIM_BAD_ARGUMENT', 'an "answer" fault needs the raw body as a string');
    }
    const times = spec.times === undefined ? Infinity : Math.floor(spec.times);
    if (!(times >= 1)) throw new SimulatorError('SIM_BAD_ARGUMENT', `times must be at least 1, got ${String(spec.times)}`);
    this.active.push({ spec: { ...spec }, left: times });
  }

  /** The fault that applies to this call of `action`, if any (spending one of its `times`). */
  take(action: string): FaultAction {
    const fault = this.active.find((f) => f.spec.action === action && f.left > 0);
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.active = this.active.filter((f) => f !== fault);
    this.applied[action] = (this.applied[action] ?? 0) + 1;
    return fault.spec.kind === 'hang' ? { kind: 'hang' } : { kind: 'answer', body: fault.spec.body ?? '' };
  }

  clear(): void {
    this.active = [];
    for (const key of Object.keys(this.applied)) delete this.applied[key];
  }
}
