import { describe, expect, it } from 'vitest';
import { severityOf } from '../format/severityOf.js';
import { sampleNotifications } from './sampleNotifications.js';

describe('sampleNotifications', () => {
  it('gives every sample the severity the formatter gives its event, so severity-based sender behaviour is tested as it runs', () => {
    // Act
    const notifications = sampleNotifications();
    // Assess
    expect(notifications.map((n) => [n.event.type, n.severity])).toEqual(notifications.map((n) => [n.event.type, severityOf(n.event)]));
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
