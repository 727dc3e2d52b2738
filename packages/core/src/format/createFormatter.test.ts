import { describe, expect, it } from 'vitest';
import type { Formatter } from './types.js';
import { eventOf } from './__fixtures__/events.js';
import { createFormatter } from './createFormatter.js';
import { defaultFormatter } from './defaultFormatter.js';
import { FormatterConfigError } from './FormatterConfigError.js';

describe('createFormatter', () => {
  it('uses a function override for its key and the defaults for the others', () => {
    // Prepare
    const formatter = createFormatter({ deploy: (s) => `shipping ${s.service}` });
    // Act
    const deploy = formatter.deploy(eventOf('DeploymentStarted'));
    const scale = formatter.scale(eventOf('ScalingStarted'));
    // Assess
    expect(deploy).toBe('shipping api');
    expect(scale).toBe(defaultFormatter.scale(eventOf('ScalingStarted')));
  });

  it('never changes the defaults', () => {
    // Prepare
    const before = { ...defaultFormatter };
    // Act
    const formatter = createFormatter({ deploy: () => 'custom' }, { scale: 'x' });
    // Assess
    expect(formatter.deploy).not.toBe(defaultFormatter.deploy);
    expect({ ...defaultFormatter }).toEqual(before);
    expect(defaultFormatter.deploy(eventOf('DeploymentStarted'))).toContain('deployment started');
  });

  it('accepts the original style of override for the start-up message', () => {
    // Prepare
    const formatter = createFormatter({ monitorDeploy: (names, cluster) => `${cluster}: ${names.join('+')}` });
    // Act
    const text = formatter.monitorDeploy(['api', 'web'], 'prod');
    // Assess
    expect(text).toBe('prod: api+web');
  });

  it('fills templates with event fields, derived fields and context fields', () => {
    // Prepare
    const formatter = createFormatter(
      {},
      {
        deployDone: '{service} is live with {taskDefShort} after {duration} ({kind}, {desiredCount} tasks)',
        deploy: '{service} by {context.deployedBy}\n{details}',
        monitorDeploy: 'watching {serviceCount} in {cluster}: {serviceNames}',
      },
    );
    const deploy = eventOf('DeploymentStarted', {
      context: { deployedBy: 'jane', changes: [{ name: 'api', previousImage: 'a:1', image: 'a:2' }] },
    });
    // Act
    const done = formatter.deployDone(eventOf('DeploymentCompleted'));
    const started = formatter.deploy(deploy);
    const monitor = formatter.monitorDeploy(['api', 'web'], 'prod');
    // Assess
    expect(done).toBe('api is live with api:42 after 3m 5s (deploy, 2 tasks)');
    expect(started).toBe('api by jane\n• Deployed by jane\n• Image api: a:1 → a:2');
    expect(monitor).toBe('watching 2 in prod: api, web');
  });

  it('renders a known field without a value as empty text', () => {
    // Prepare
    const formatter = createFormatter({}, { deploy: '{service} from [{previousTaskDef}] by [{context.deployedBy}]' });
    // Act
    const text = formatter.deploy(eventOf('DeploymentStarted', { previousTaskDef: undefined } as never));
    // Assess
    expect(text).toBe('api from [] by []');
  });

  it('keeps braces that are not placeholders as literal text', () => {
    // Prepare
    const formatter = createFormatter({}, { scale: '{ "service": "{service}" } {1x}' });
    // Act
    const text = formatter.scale(eventOf('ScalingStarted'));
    // Assess
    expect(text).toBe('{ "service": "api" } {1x}');
  });

  it('escapes template values for mrkdwn', () => {
    // Prepare
    const formatter = createFormatter({}, { deployFailed: '<!here> {service}: {reason}' });
    // Act
    const text = formatter.deployFailed(eventOf('DeploymentFailed', { reason: '<!channel> & <@U123>' }));
    // Assess: the user's own text is theirs; values from ECS are escaped
    expect(text).toBe('<!here> api: &lt;!channel&gt; &amp; &lt;@U123&gt;');
  });

  it('lets a function override win over a template for the same key', () => {
    // Prepare
    const formatter = createFormatter({ deploy: () => 'function' }, { deploy: 'template' });
    // Act
    const text = formatter.deploy(eventOf('DeploymentStarted'));
    // Assess
    expect(text).toBe('function');
  });

  it('rejects every unknown key, non-function override and unknown template field at once', () => {
    // Prepare
    const overrides = { deploy: 'not a function', deplyDone: () => 'typo' } as unknown as Partial<Formatter>;
    const templates = { scale: '{service} {servce} {context.nope}', nope: 'x' } as Record<string, string>;
    // Act
    const attempt = () => createFormatter(overrides, templates);
    // Assess
    expect(attempt).toThrow(FormatterConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as FormatterConfigError).problems;
      expect((error as FormatterConfigError).code).toBe('MONA_FORMATTER_CONFIG');
      expect(problems.map((p) => p.split(':')[0])).toEqual(['deploy', 'deplyDone', 'scale', 'scale', 'nope']);
      expect(problems[2]).toContain('{servce}');
      expect(problems[3]).toContain('{context.nope}');
    }
  });
});
