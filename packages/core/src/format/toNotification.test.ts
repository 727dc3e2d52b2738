import { describe, expect, it } from 'vitest';
import type { MonaError } from '../errors.js';
import type { EventType } from '../model/events.js';
import { eventOf } from './__fixtures__/events.js';
import { createFormatter } from './createFormatter.js';
import { defaultFormatter } from './defaultFormatter.js';
import { toNotification } from './toNotification.js';

describe('toNotification', () => {
  it('carries the event id, the event, the text in its three forms, a plain title and the severity', () => {
    // Prepare
    const event = eventOf('DeploymentStarted');
    // Act
    const notification = toNotification(event, defaultFormatter);
    // Assess
    expect(notification).toEqual({
      id: event.id,
      event,
      text: ':arrows_clockwise: `api` deployment started with task definition `api:42`',
      plain: '🔃 `api` deployment started with task definition `api:42`',
      markdown: '🔃 `api` deployment started with task definition `api:42`',
      title: 'api: deployment started (prod)',
      severity: 'info',
    });
  });

  it.each<[EventType, Record<string, unknown>, string, string]>([
    ['MonitorStarted', {}, 'Mona: monitoring 2 services (prod)', 'info'],
    ['ScalingStarted', {}, 'api: scaling 2 → 4 (prod)', 'info'],
    ['DeploymentCompleted', {}, 'api: deployment done (prod)', 'success'],
    ['DeploymentCompleted', { kind: 'scale' }, 'api: scaling done (prod)', 'success'],
    ['DeploymentCompleted', { kind: 'recover' }, 'api: recovered (prod)', 'success'],
    ['DeploymentCompleted', { kind: 'rollback' }, 'api: rollback done (prod)', 'warning'],
    ['MonitorRecovered', {}, 'Mona: cluster reachable again (prod)', 'success'],
    ['TasksFailing', {}, 'api: tasks failing during deployment (prod)', 'warning'],
    ['DeploymentTimedOut', {}, 'api: deployment timed out (prod)', 'warning'],
    ['RollbackStarted', {}, 'api: rollback started (prod)', 'warning'],
    ['ServiceRemoved', {}, 'api: service removed (prod)', 'warning'],
    ['MonitorDegraded', {}, 'Mona: cluster unreachable (prod)', 'warning'],
    ['DeploymentFailed', {}, 'api: deployment failed (prod)', 'error'],
    ['TaskCrashed', {}, 'api: task crashed (prod)', 'error'],
  ])('titles and grades %s %j', (type, extra, title, severity) => {
    // Act
    const notification = toNotification(eventOf(type, extra as never), defaultFormatter);
    // Assess
    expect(notification.title).toBe(title);
    expect(notification.severity).toBe(severity);
  });

  it('falls back to the default text and reports the error when an override throws', () => {
    // Prepare
    const formatter = createFormatter({
      deploy: () => {
        throw new Error('boom');
      },
    });
    const errors: MonaError[] = [];
    // Act
    const notification = toNotification(eventOf('DeploymentStarted'), formatter, (error) => errors.push(error));
    // Assess
    expect(notification.text).toBe(defaultFormatter.deploy(eventOf('DeploymentStarted')));
    expect(errors.map((e) => [e.code, (e.cause as Error).message])).toEqual([['MONA_FORMAT_FAILED', 'boom']]);
  });

  it('falls back when an override returns no text', () => {
    // Prepare
    const formatter = createFormatter({ scale: () => undefined as unknown as string });
    const errors: MonaError[] = [];
    // Act
    const notification = toNotification(eventOf('ScalingStarted'), formatter, (error) => errors.push(error));
    // Assess
    expect(notification.text).toBe(':left_right_arrow: `api` scaling event: desired count from 2 to 4 instances');
    expect(errors).toHaveLength(1);
  });

  it('still delivers the text when the error handler itself throws', () => {
    // Prepare
    const formatter = createFormatter({ recover: () => '' });
    // Act
    const notification = toNotification(eventOf('TaskCrashed'), formatter, () => {
      throw new Error('logger down');
    });
    // Assess
    expect(notification.text).toContain('task crashed');
  });
});
