import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import emailSender from '@mona-ecs/sender-email';
import slackSender from '@mona-ecs/sender-slack';
import snsSender from '@mona-ecs/sender-sns';
import webhookSender from '@mona-ecs/sender-webhook';
import { Ajv } from 'ajv';
import { configSchema } from './configSchema.js';
import { editorSchema } from './editorSchema.js';

/** The built-in senders whose options editors complete (test-only imports: the runner loads plugins by name). */
const BUILT_INS = {
  '@mona-ecs/sender-slack': slackSender.optionsSchema,
  '@mona-ecs/sender-sns': snsSender.optionsSchema,
  '@mona-ecs/sender-email': emailSender.optionsSchema,
  '@mona-ecs/sender-webhook': webhookSender.optionsSchema,
};

const schemaFile = fileURLToPath(new URL('../../mona.schema.json', import.meta.url));
const readmeFile = fileURLToPath(new URL('../../README.md', import.meta.url));

/** Every property path of the schema, e.g. `ecs.endpoint`, `senders[].plugin`. */
function propertyPaths(schema: unknown, prefix = ''): string[] {
  const node = schema as { properties?: Record<string, unknown>; items?: unknown; type?: string };
  if (node.type === 'array' && node.items) return propertyPaths(node.items, `${prefix}[]`);
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const isObject = (child as { properties?: unknown }).properties !== undefined;
    const nested = (child as { items?: { properties?: unknown } }).items?.properties !== undefined;
    return isObject || nested ? [path, ...propertyPaths(child, path)] : [path];
  });
}

describe('mona.schema.json', () => {
  it('is the TypeScript schema serialised, with the built-in senders’ options for editors', () => {
    // Prepare
    const expected = `${JSON.stringify(editorSchema(configSchema, BUILT_INS), null, 2)}\n`;
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(schemaFile, expected);

    // Act
    const shipped = readFileSync(schemaFile, 'utf8');

    // Assess
    expect(shipped).toBe(expected);
  });

  it('completes and checks a built-in sender’s options in editors, but leaves other plugins free', () => {
    // Prepare
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    const config = (plugin: string, options: object) => ({ ecsCluster: 'prod', senders: [{ plugin, options }] });

    // Act
    const typo = validate(config('@mona-ecs/sender-webhook', { preset: 'discord', urll: 'https://x' }));
    const good = validate(config('@mona-ecs/sender-webhook', { preset: 'pagerduty', routingKey: 'R' }));
    const thirdParty = validate(config('./my-sender.js', { anything: true }));

    // Assess
    expect(typo).toBe(false);
    expect(good).toBe(true);
    expect(thirdParty).toBe(true);
  });

  it('documents every schema property in the README config table', () => {
    // Prepare
    const readme = readFileSync(readmeFile, 'utf8');
    const paths = propertyPaths(configSchema).filter((p) => !p.startsWith('templates.'));

    // Act
    const undocumented = paths.filter((p) => !readme.includes(`\`${p}\``));

    // Assess
    expect(paths.length).toBeGreaterThan(20);
    expect(undocumented).toEqual([]);
  });
});
