/**
 * Mark a property schema as optional for `JSONSchemaType`. ajv's type demands `nullable: true` on
 * every optional key, and a schema that says so really accepts `null`, which then reaches
 * `create()` where the type says `string | undefined`. This helper satisfies the type without
 * writing `nullable` into the schema, so `null` is refused like any other wrong type. Leave the
 * key out of `required`; a `default` in the schema is applied before `create()`.
 *
 * @example
 * const optionsSchema: JSONSchemaType<{ url: string; username?: string }> = {
 *   type: 'object',
 *   properties: { url: { type: 'string', format: 'uri' }, username: optional({ type: 'string', minLength: 1 }) },
 *   required: ['url'],
 *   additionalProperties: false,
 * };
 */
export function optional<S extends object>(schema: S): S & { nullable: true } {
  // The type says nullable (for JSONSchemaType); the schema ajv compiles does not.
  return { ...schema } as S & { nullable: true };
}
