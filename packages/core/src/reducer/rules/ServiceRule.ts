import type { MonitorConfig } from '../../model/config.js';
import type { MonitorEvent } from '../../model/events.js';
import type { DeploymentSnapshot } from '../../model/snapshot.js';
import type { SweepContext } from '../serviceState.js';
import type { ServiceView } from '../serviceView.js';
import type { ServiceTrack } from '../state.js';

/**
 * How a service changed since the previous sweep, decided once before the rules run:
 * - `same`: the same PRIMARY deployment (or none) as the track;
 * - `newDeployment`: a PRIMARY the reducer never tracked replaced the tracked one (`replaced`,
 *   when ECS still lists it); the track is already the new deployment's. `failedUnseen` holds the
 *   deployments that started and failed between the two polls, oldest first (see
 *   `failedBetweenPolls`): their failure is news, told before the new PRIMARY's;
 * - `appeared`: a service first seen after start-up, with a new PRIMARY;
 * - `removed`: the service is DRAINING/INACTIVE, MISSING, or left the listing.
 */
export type Change =
  | { kind: 'same'; previous: ServiceTrack }
  | { kind: 'newDeployment'; previous: ServiceTrack; replaced?: DeploymentSnapshot; failedUnseen: DeploymentSnapshot[] }
  | { kind: 'appeared' }
  | { kind: 'removed'; previous: ServiceTrack; reason: string };

/** One service in one sweep, as every service rule sees it. */
export interface ServiceStep {
  ctx: SweepContext;
  config: MonitorConfig;
  name: string;
  /** This sweep's view of the service; absent when it left the sweep (MISSING, unlisted). */
  view?: ServiceView;
  change: Change;
}

/** A rule's verdict: the track as the rule leaves it, and the events it emits (of its own type only). */
export interface RuleResult {
  track: ServiceTrack;
  events: MonitorEvent[];
}

/**
 * One row of the DESIGN §4 table for one service: the single place its event type is emitted.
 * Rules run in table order, each on the track the previous one left; none mutates its input.
 *
 * @example
 * const rule: ServiceRule = (step, track) => ({ track, events: [] });
 */
export type ServiceRule = (step: ServiceStep, track: ServiceTrack) => RuleResult;

/** The verdict of a rule that does not apply. */
export function unchanged(track: ServiceTrack): RuleResult {
  return { track, events: [] };
}

/** The PRIMARY of the view when it is the tracked deployment (a sweep that lost the deployments says nothing about it). */
export function trackedPrimary(view: ServiceView, track: ServiceTrack): DeploymentSnapshot | undefined {
  return view.primary?.id === track.deploymentId ? view.primary : undefined;
}

/** The `previousTaskDef` and `reason` a service event of this track carries. */
export function trackExtras(track: ServiceTrack, reason: string | undefined): { previousTaskDef?: string; reason?: string } {
  const extras: { previousTaskDef?: string; reason?: string } = {};
  if (track.previousTaskDef !== undefined) extras.previousTaskDef = track.previousTaskDef;
  if (reason !== undefined) extras.reason = reason;
  return extras;
}
