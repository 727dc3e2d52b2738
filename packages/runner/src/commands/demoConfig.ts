import { fileURLToPath } from 'node:url';
import type { MonaConfig } from '../config/types.js';

/** The demo's pace, derived from the length of one story beat. */
export interface DemoPace {
  /** One story beat (ms): the pause between chapters. */
  beatMs: number;
  /** Seconds between Mona's sweeps: two per beat, so every chapter is seen. */
  checkIntervalSeconds: number;
  /** Rollout step of the simulator (ms). */
  stepMs: number;
  /** Seconds a stalled deployment may go without progress before Mona alerts. */
  secondsUntilAlert: number;
  /** How long the story keeps billing stalled: past the alert, so the timeout shows. */
  stallMs: number;
}

/**
 * The pace of a demo whose beat is `beatMs` (default 1000 ms: about 35 s in all).
 * `secondsUntilAlert` is a whole number of seconds (the config's rule), so the stall is sized
 * from it, not from the beat.
 *
 * @example
 * demoPace(1000); // { beatMs: 1000, checkIntervalSeconds: 0.5, stepMs: 500, secondsUntilAlert: 3, stallMs: 6000 }
 */
export function demoPace(beatMs = 1000): DemoPace {
  const secondsUntilAlert = Math.max(1, Math.round((3 * beatMs) / 1000));
  return {
    beatMs,
    checkIntervalSeconds: Math.max(0.05, beatMs / 2000),
    stepMs: Math.max(10, Math.round(beatMs / 2)),
    secondsUntilAlert,
    stallMs: Math.max(6 * beatMs, (secondsUntilAlert + 3) * 1000),
  };
}

/** The console sender plugin, loaded by path like any third-party plugin. */
export const CONSOLE_PLUGIN = fileURLToPath(new URL('../console/consoleSender.js', import.meta.url));

/**
 * The config `mona demo` runs with: the simulator's default cluster through its endpoint, the
 * demo's pace, the console sender, warn-level logs.
 *
 * @example
 * parseConfig(JSON.stringify(demoConfig({ endpoint: sim.url, region: sim.region, color: false, pace: demoPace() })), …);
 */
export function demoConfig(parts: { endpoint: string; region: string; color: boolean; pace: DemoPace }): MonaConfig {
  return {
    ecsCluster: 'default',
    AWSRegion: parts.region,
    checkIntervalSeconds: parts.pace.checkIntervalSeconds,
    secondsUntilAlert: parts.pace.secondsUntilAlert,
    // The state summary is an info log; the demo logs warnings only.
    logInterval: 1_000,
    ecs: { endpoint: parts.endpoint },
    senders: [{ plugin: CONSOLE_PLUGIN, options: { color: parts.color } }],
    logLevel: 'warn',
    // A demo is a show, not a deployment: it keeps no state and never touches the user's state file.
    state: false,
  };
}
