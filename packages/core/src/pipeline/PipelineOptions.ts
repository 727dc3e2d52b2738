import type { MonoTypeOperatorFunction } from 'rxjs';
import type { Formatter } from '../format/types.js';
import type { Notification } from '../model/notification.js';
import type { Destination, Routed } from './routeNotifications.js';
import type { MonitorHooks, MonitorOptions } from './MonitorOptions.js';

/** The stream's hooks plus one per notification, after it was routed and enqueued. */
export interface PipelineHooks extends MonitorHooks {
  /** After each notification was enqueued on its destinations (`to` may be empty). */
  onDelivered?(routed: Routed): void;
}

/** Options of `monitorPipeline`: the stream's, plus the formatter and where notifications go. */
export interface PipelineOptions extends Omit<MonitorOptions, 'hooks'> {
  /** Renders each event; default `defaultFormatter`. A key that throws falls back to the default text. */
  formatter?: Formatter;
  /** Every place a notification may go, each with its filter; a notification goes to all that accept it. */
  destinations: readonly Destination[];
  /** The last stage; default `deliverTo(logger, hooks)` (enqueue on each destination's queue). */
  deliver?: MonoTypeOperatorFunction<Routed>;
  hooks?: PipelineHooks;
}

export type { Destination, Notification, Routed };
