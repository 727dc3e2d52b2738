import { describe, expect, it } from 'vitest';
import { validateConfig } from './validateConfig.js';

const base = { ecsCluster: 'prod', AWSRegion: 'eu-west-1' };

describe('validateConfig: routing lists', () => {
  it('echoes an unknown event name and suggests the closest formatter key', () => {
    // Act
    const issues = validateConfig({ ...base, senders: [{ plugin: 'x', events: ['deploy', 'deploydone'] }] });

    // Assess
    expect(issues).toEqual([
      {
        code: 'MONA_CONFIG_INVALID',
        path: '/senders/0/events/1',
        message: '"deploydone" is not a formatter key',
        hint: expect.stringMatching(
          /^did you mean "deployDone"\? events lists formatter keys \(deployDone\), not event type names \(DeploymentCompleted\); keys: monitorDeploy, deploy, /,
        ),
      },
    ]);
  });

  it('says that an event type name is not a formatter key, and which key it has', () => {
    // Act
    const issues = validateConfig({ ...base, senders: [{ plugin: 'x', events: ['DeploymentCompleted', 'RollbackStarted'] }] });

    // Assess
    expect(issues.map((i) => i.hint.split('. ')[0])).toEqual([
      '"DeploymentCompleted" is an event type; its formatter key is "deployDone"',
      '"RollbackStarted" is an event type; its formatter key is "rollback"',
    ]);
  });

  it('explains an event name close to no key without a guess', () => {
    // Act
    const [issue] = validateConfig({ ...base, senders: [{ plugin: 'x', events: ['everything'] }] });

    // Assess
    expect(issue?.hint).toMatch(/^events lists formatter keys/);
  });

  it("rejects a sender's cluster that is not watched, suggesting the watched one", () => {
    // Act
    const issues = validateConfig({
      ...base,
      clusters: ['staging', { name: 'prod-us', region: 'us-east-1' }],
      senders: [
        { plugin: 'x', clusters: ['prod', 'stagin'] },
        { plugin: 'y', clusters: ['qa'] },
      ],
    });

    // Assess
    expect(issues).toEqual([
      {
        code: 'MONA_CONFIG_INVALID',
        path: '/senders/0/clusters/1',
        message: 'names cluster "stagin", which is not watched: this sender would never receive its events',
        hint: 'did you mean "staging"? watched clusters: prod, staging, prod-us; add "stagin" to "clusters" or fix the name',
      },
      {
        code: 'MONA_CONFIG_INVALID',
        path: '/senders/1/clusters/0',
        message: 'names cluster "qa", which is not watched: this sender would never receive its events',
        hint: 'watched clusters: prod, staging, prod-us; add "qa" to "clusters" or fix the name',
      },
    ]);
  });

  it('suggests the closest key for a misspelt one', () => {
    // Act
    const [issue] = validateConfig({ ...base, secondsUntilAlret: 60 });

    // Assess
    expect(issue).toMatchObject({ path: '/', message: 'has unknown key "secondsUntilAlret"' });
    expect(issue?.hint).toMatch(/^did you mean "secondsUntilAlert"\? allowed keys: \$schema, ecsCluster, /);
  });
});

describe('validateConfig: the ECS events input', () => {
  it('accepts a queue URL with a region and an endpoint, and a reconciliation interval', () => {
    const issues = validateConfig({
      ...base,
      events: {
        sqsQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/mona-events',
        region: 'eu-west-1',
        endpoint: 'http://127.0.0.1:4566',
      },
      reconcileIntervalSeconds: 120,
    });

    expect(issues).toEqual([]);
  });

  it('names the path of a queue URL that is not one, and of an unknown key', () => {
    const issues = validateConfig({ ...base, events: { sqsQueueUrl: 'mona-events', queue: 'x' } });

    expect(issues.map((i) => i.path).sort()).toEqual(['/events', '/events/sqsQueueUrl']);
  });
});
