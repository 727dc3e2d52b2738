import type { EventOf, ServiceState } from '../model/events.js';
import type { DeploymentSnapshot } from '../model/snapshot.js';
import { eventId, serviceState } from './serviceState.js';
import type { ServiceStateExtras, SweepContext } from './serviceState.js';
import type { ServiceView } from './serviceView.js';

/** Service events that carry nothing beyond the `serviceState` fields. */
export type PlainServiceEventType = 'DeploymentStarted' | 'TasksFailing' | 'DeploymentFailed' | 'TaskCrashed';

/** Fields common to every service event: the envelope plus `serviceState`. */
export function serviceEventBase(
  ctx: SweepContext,
  id: string,
  view: ServiceView,
  deployment: DeploymentSnapshot | undefined,
  extras: ServiceStateExtras = {},
): { id: string; cluster: string; region: string; observedAt: number } & ServiceState {
  return {
    id,
    cluster: ctx.cluster,
    region: ctx.region,
    observedAt: ctx.observedAt,
    ...serviceState(ctx, view, deployment, extras),
  };
}

/**
 * Builds a service event whose only payload is `serviceState`, with the id
 * `cluster/service/deploymentId/type` (plus `suffix` for repeatable events).
 *
 * @example
 * const started = plainServiceEvent('DeploymentStarted', ctx, view, view.primary, { previousTaskDef });
 */
export function plainServiceEvent<T extends PlainServiceEventType>(
  type: T,
  ctx: SweepContext,
  view: ServiceView,
  deployment: DeploymentSnapshot | undefined,
  extras: ServiceStateExtras = {},
  suffix = '',
): EventOf<T> {
  const id = eventId(ctx, view.name, deployment?.id ?? '', type, suffix);
  // The four types share one shape; TypeScript cannot narrow a generic tag, hence the cast.
  return { type, ...serviceEventBase(ctx, id, view, deployment, extras) } as EventOf<T>;
}
