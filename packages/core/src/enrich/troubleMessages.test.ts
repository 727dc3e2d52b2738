import { describe, expect, it } from 'vitest';
import { MAX_TROUBLE_MESSAGES, troubleMessages } from './troubleMessages.js';

const at = (message: string, i = 0) => ({ id: `e${i}`, createdAt: i, message });

describe('troubleMessages', () => {
  it('keeps the messages that explain trouble and drops routine ones', () => {
    // Prepare
    const events = [
      '(service api) has reached a steady state.',
      '(service api) was unable to place a task because no container instance met all of its requirements.',
      '(service api) (port 8080) is unhealthy in target-group tg due to (reason Health checks failed).',
      '(service api) has started 2 tasks: (task a) (task b).',
      '(service api) has stopped 2 running tasks: (task a) (task b).',
      '(service api) (task a) failed container health checks.',
      '(service api) registered 1 targets in (target-group tg)',
    ].map(at);
    // Act
    const found = troubleMessages(events);
    // Assess
    expect(found).toEqual([events[1]?.message, events[2]?.message, events[4]?.message, events[5]?.message]);
  });

  it('lists a repeated message once and caps the list', () => {
    // Prepare
    const events = Array.from({ length: 20 }, (_, i) => at(`(service api) failed to launch a task ${i % 8}`, i));
    // Act
    const found = troubleMessages(events);
    // Assess
    expect(found).toHaveLength(MAX_TROUBLE_MESSAGES);
    expect(new Set(found).size).toBe(found.length);
  });
});
