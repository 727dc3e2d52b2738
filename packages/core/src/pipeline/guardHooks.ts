import type { Logger } from '../model/logger.js';
import type { PipelineHooks } from './PipelineOptions.js';

/**
 * The hooks with every call guarded: hooks are the host's observability (metrics, a recorder),
 * and a bug there must cost a log line, never the monitoring stream, which an error would end.
 *
 * @example
 * const safe = guardHooks({ onSweep: () => { throw new Error('bug') } }, logger);
 * safe.onSweep?.(outcome, 12); // logs 'monitor hook failed', returns normally
 */
export function guardHooks(hooks: PipelineHooks | undefined, logger: Logger | undefined): PipelineHooks {
  const guarded: PipelineHooks = {};
  if (hooks?.onSweep) {
    const onSweep = hooks.onSweep.bind(hooks);
    guarded.onSweep = (outcome, durationMs) => guard('onSweep', logger, () => onSweep(outcome, durationMs));
  }
  if (hooks?.onPart) {
    const onPart = hooks.onPart.bind(hooks);
    guarded.onPart = (part) => guard('onPart', logger, () => onPart(part));
  }
  if (hooks?.onEvents) {
    const onEvents = hooks.onEvents.bind(hooks);
    guarded.onEvents = (events) => guard('onEvents', logger, () => onEvents(events));
  }
  if (hooks?.onDelivered) {
    const onDelivered = hooks.onDelivered.bind(hooks);
    guarded.onDelivered = (routed) => guard('onDelivered', logger, () => onDelivered(routed));
  }
  return guarded;
}

function guard(hook: string, logger: Logger | undefined, call: () => void): void {
  try {
    call();
  } catch (error) {
    logger?.error({ hook, err: error }, 'monitor hook failed');
  }
}
