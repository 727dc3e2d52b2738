import { describe, expect, it } from 'vitest';
import { FORMATTER_KEYS } from '../model/events.js';
import { eventOf } from './__fixtures__/events.js';
import { eventValues } from './renderTemplate.js';
import { templateFields, unknownTemplateFields } from './templateFields.js';

const TYPE_OF_KEY = {
  monitorDeploy: 'MonitorStarted',
  deploy: 'DeploymentStarted',
  tasksFailing: 'TasksFailing',
  deployFailed: 'DeploymentFailed',
  rollback: 'RollbackStarted',
  scale: 'ScalingStarted',
  recover: 'TaskCrashed',
  deployDone: 'DeploymentCompleted',
  deployTimeout: 'DeploymentTimedOut',
  serviceRemoved: 'ServiceRemoved',
  monitorDegraded: 'MonitorDegraded',
  monitorRecovered: 'MonitorRecovered',
} as const;

describe('templateFields', () => {
  it('lists the fields of each key, including the key-specific ones', () => {
    expect(templateFields('scale')).toContain('previousDesiredCount');
    expect(templateFields('deployDone')).toContain('kind');
    expect(templateFields('deployTimeout')).toContain('secondsUntilAlert');
    expect(templateFields('monitorDeploy')).toEqual(['cluster', 'account', 'serviceNames', 'serviceCount']);
    expect(templateFields('deploy')).not.toContain('previousDesiredCount');
  });

  it.each(FORMATTER_KEYS.filter((k) => k !== 'monitorDeploy'))('offers only fields that %s events can fill', (key) => {
    // Prepare
    // The account fields are filled on events of a cluster in another account.
    const event = eventOf(TYPE_OF_KEY[key], { context: {}, durationSeconds: 1, account: 'payments', accountId: '111111111111' } as never);
    const values = eventValues(event);
    // Act
    const unfillable = templateFields(key).filter(
      (f) => !f.startsWith('context.') && !(f in values) && !f.startsWith('previous') && f !== 'reason',
    );
    // Assess
    expect(unfillable).toEqual([]);
  });

  it('reports each unknown placeholder once, in order', () => {
    expect(unknownTemplateFields('deploy', '{oops} {service} {oops} {context.x}')).toEqual(['oops', 'context.x']);
  });
});
