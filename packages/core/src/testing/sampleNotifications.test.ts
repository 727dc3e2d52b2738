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
