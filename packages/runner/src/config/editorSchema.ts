/**
 * `mona.schema.json`: the config schema plus, for editor completion, the `options` schema of
 * each built-in sender, selected by `if/then` on `plugin`. The runner never imports a sender
 * statically (plugins are loaded by name at run time), so the built-ins' schemas are passed in
 * by the one place that writes the file: the schema test (`UPDATE_SCHEMA=1`).
 */

/** A sender's package name and its `optionsSchema`. */
export type BuiltInSchemas = Readonly<Record<string, object>>;

/**
 * The schema published for editors: `configSchema` with `senders[].options` checked against the
 * built-in plugin's own options schema when `plugin` names it. Validation at run time still
 * uses `configSchema` and each plugin's schema, so a third-party plugin is never constrained.
 *
 * @example
 * const published = editorSchema(configSchema, { '@mona-ecs/sender-slack': slack.optionsSchema });
 */
export function editorSchema(configSchema: object, builtIns: BuiltInSchemas): object {
  const schema = structuredClone(configSchema) as { properties: { senders: { items: Record<string, unknown> } } };
  const items = schema.properties.senders.items;
  items['allOf'] = Object.entries(builtIns).map(([plugin, options]) => ({
    if: { properties: { plugin: { const: plugin } }, required: ['plugin'] },
    then: { properties: { options: forEditors(options) } },
  }));
  return schema;
}

/** JSON Schema without ajv's `nullable` (editors follow the standard, where it means nothing). */
function forEditors(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forEditors);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'nullable')
      .map(([key, inner]) => [key, forEditors(inner)]),
  );
}
