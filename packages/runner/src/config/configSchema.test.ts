import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configSchema } from './configSchema.js';

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
  it('is the TypeScript schema serialised', () => {
    // Prepare
    const expected = `${JSON.stringify(configSchema, null, 2)}\n`;
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(schemaFile, expected);

    // Act
    const shipped = readFileSync(schemaFile, 'utf8');

    // Assess
    expect(shipped).toBe(expected);
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
