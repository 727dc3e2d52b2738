import { describe, expect, it } from 'vitest';
import type { Logger, MonitorEvent } from '@mona-ecs/core';
import { createRoute } from './createRoute.js';
import { watchUnmatchedGlobs } from './watchUnmatchedGlobs.js';

function recordingLogger() {
  const warnings: Array<{ fields: object; message: string | undefined }> = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (fields: object | string, message?: string) => void warnings.push({ fields: fields as object, message }),
    error: () => {},
    child: () => logger,
  };
  return { logger, warnings };
}

function started(cluster: string, serviceNames: string[], region = 'eu-west-1'): MonitorEvent {
  return { id: `${cluster}/MonitorStarted`, type: 'MonitorStarted', cluster, region, observedAt: 0, serviceNames } as MonitorEvent;
}

const prod = { cluster: 'prod', region: 'eu-west-1' };
const stage = { cluster: 'stage', region: 'eu-west-1' };

describe('watchUnmatchedGlobs', () => {
  it('warns once, naming the globs that match no service of the first sweep', () => {
    // Prepare
    const { logger, warnings } = recordingLogger();
    const observe = watchUnmatchedGlobs(['api-*', 'Worker', 'web'], [prod], logger);

    // Act
    observe(started('prod', ['api-web', 'web', 'worker']));
    observe(started('prod', ['api-web', 'web', 'worker']));

    // Assess
    expect(warnings).toEqual([
      {
        fields: { services: ['Worker'], clusters: ['prod'], servicesSeen: 3 },
        message:
          'services "Worker" matches no service at start-up: check the globs (they are case-sensitive); this sender receives only services created later that match',
      },
    ]);
  });

  it('waits for every routed cluster, so a glob matching in one of them is fine', () => {
    // Prepare
    const { logger, warnings } = recordingLogger();
    const observe = watchUnmatchedGlobs(['api-*', 'billing'], [prod, stage], logger);

    // Act
    observe(started('prod', ['api-web']));
    const afterFirst = warnings.length;
    observe(started('stage', ['billing']));

    // Assess
    expect(afterFirst).toBe(0);
    expect(warnings).toHaveLength(0);
  });

  it('ignores clusters the sender is not routed to, and the same name in another region', () => {
    // Prepare
    const { logger, warnings } = recordingLogger();
    const observe = watchUnmatchedGlobs(['api-*'], [prod], logger);

    // Act
    observe(started('stage', ['nothing']));
    observe(started('prod', ['nothing'], 'us-east-1'));

    // Assess
    expect(warnings).toHaveLength(0);
  });
});

describe('createRoute start-up check', () => {
  it("warns about a sender's glob through its route, only over the clusters it is routed to", () => {
    // Prepare
    const { logger, warnings } = recordingLogger();
    const route = createRoute({ services: ['paymnets-*'], clusters: ['prod'] }, { watched: [prod, stage], logger });
    const note = (event: MonitorEvent) => ({
      id: event.id,
      event,
      text: 't',
      plain: 't',
      markdown: 't',
      title: 't',
      severity: 'info' as const,
    });

    // Act
    route.accepts(note(started('prod', ['payments-api'])));

    // Assess
    expect(warnings.map((w) => w.fields)).toEqual([{ services: ['paymnets-*'], clusters: ['prod'], servicesSeen: 1 }]);
  });
});
