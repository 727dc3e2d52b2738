import { RunnerErrorCode } from '../errors.js';
import type { ConfigIssue } from '../errors.js';

const PLACEHOLDER = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Result of `interpolateEnv`: the new value, the substituted values, and missing variables. */
export interface Interpolated {
  value: unknown;
  /** Every non-empty value taken from the environment (to redact from logs). */
  secrets: string[];
  issues: ConfigIssue[];
}

/**
 * Replace every `${env:NAME}` in every string of a parsed JSON value (object keys excluded).
 * Unset variables become issues naming the variable and the JSON path; the placeholder is left
 * in place so schema validation can still report everything else at once.
 *
 * @example
 * interpolateEnv({ url: 'https://x/${env:TOKEN}' }, { TOKEN: 's3cr3t' }).value // { url: 'https://x/s3cr3t' }
 */
export function interpolateEnv(value: unknown, env: Readonly<Record<string, string | undefined>>): Interpolated {
  const secrets = new Set<string>();
  const issues: ConfigIssue[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') return replaceIn(node, path);
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}/${i}`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, `${path}/${escapePointer(k)}`)]));
    }
    return node;
  };
  const replaceIn = (text: string, path: string): string =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const found = env[name];
      if (found === undefined) {
        issues.push({
          code: RunnerErrorCode.envMissing,
          path: path || '/',
          message: `uses \${env:${name}} but ${name} is not set`,
          hint: `export ${name}=… before starting mona, or write the value in the config`,
        });
        return whole;
      }
      if (found !== '') secrets.add(found);
      return found;
    });
  return { value: walk(value, ''), secrets: [...secrets], issues };
}

/** JSON Pointer escaping (RFC 6901), so paths match ajv's `instancePath`. */
function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
