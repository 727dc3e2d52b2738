import { describe, expect, it } from 'vitest';
import { severityOf } from '../format/severityOf.js';
import { sampleNotifications } from './sampleNotifications.js';

/**
 * The severity each event type must have, written out here rather than read from `severityOf`
 * (comparing the samples with the function that built them could never fail). A rollback's
 * completion is a warning: the deployment people wanted did not happen.
 */
const EXPECTED_SEVERITY: Record<string, string> = {
  MonitorStarted: 'info',
  DeploymentStarted: 'info',
  TasksFailing: 'warning',
  DeploymentFailed: 'error',
  RollbackStarted: 'warning',
  ScalingStarted: 'info',
  TaskCrashed: 'error',
  DeploymentCompleted: 'success',
  DeploymentTimedOut: 'warning',
  ServiceRemoved: 'warning',
  MonitorDegraded: 'warning',
  MonitorRecovered: 'success',
};

describe('sampleNotifications', () => {
  it('gives every sample the severity its event type has, so severity-based sender behaviour is tested as it runs', () => {
    // Act
    const notifications = sampleNotifications();
    // Assess
    expect(notifications.map((n) => [n.event.type, n.severity])).toEqual(
      notifications.map((n) => [n.event.type, EXPECTED_SEVERITY[n.event.type]]),
    );
  });

  it('marks the completion of a rollback as a warning, not a success', () => {
    // Prepare
    const done = sampleNotifications().find((n) => n.event.type === 'DeploymentCompleted')!;
    // Act
    const rollbackDone = severityOf({ ...done.event, kind: 'rollback' } as typeof done.event);
    // Assess
    expect(rollbackDone).toBe('warning');
  });
});

describe('sampleNotifications are real formatter output', () => {
  it('has one notification per event type, text from the default formatter and its derived forms', async () => {
    // Prepare
    const { defaultFormatter } = await import('../format/defaultFormatter.js');
    const { formatEvent } = await import('../format/toNotification.js');
    const { textForms } = await import('../format/textForms.js');
    const { EventType } = await import('../model/events.js');
    // Act
    const notifications = sampleNotifications();
    // Assess
    expect(new Set(notifications.map((n) => n.event.type))).toEqual(new Set(Object.values(EventType)));
    for (const n of notifications) {
      expect(n.text).toBe(formatEvent(n.event, defaultFormatter));
      expect({ plain: n.plain, markdown: n.markdown }).toEqual(textForms(n.text));
    }
  });

  it('carries every hostile string in the texts of failure events', () => {
    // Act
    const failed = sampleNotifications().find((n) => n.event.type === 'DeploymentFailed')!;
    // Assess
    expect(failed.text).toContain('&lt;!channel&gt;');
    expect(failed.text).toContain('@everyone');
    expect(failed.text).toContain('[click here](https://evil.example/)');
  });

  it('makes long samples longer than every chat channel’s limit', async () => {
    // Prepare
    const { longSampleNotifications } = await import('./sampleNotifications.js');
    // Act
    const lengths = longSampleNotifications().map((n) => n.text.length);
    // Assess
    expect(Math.min(...lengths)).toBeGreaterThan(40_000);
  });
});
