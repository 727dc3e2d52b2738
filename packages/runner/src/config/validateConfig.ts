import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import { FORMATTER_KEYS, templateFields, unknownTemplateFields } from '@mona-ecs/core/format';
import type { FormatterKey } from '@mona-ecs/core/format';
import { RunnerErrorCode } from '../errors.js';
import type { ConfigIssue } from '../errors.js';
import { configSchema } from './configSchema.js';
import type { MonaConfig } from './types.js';

// verbose: errors carry their parentSchema, which lists the allowed keys for the hint.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
const compiled = ajv.compile(configSchema);

/**
 * Check a parsed (and env-interpolated) config against the schema and the rules the schema
 * cannot express. Returns every issue at once; an empty list means valid.
 *
 * @example
 * const issues = validateConfig(JSON.parse(text));
 * if (issues.length) throw new ConfigError(issues);
 */
export function validateConfig(config: unknown): ConfigIssue[] {
  const issues = compiled(config) ? [] : dedupe((compiled.errors ?? []).map(toIssue));
  // Cross-field rules are checked even when the schema failed, so one run reports everything.
  if (config !== null && typeof config === 'object' && !Array.isArray(config)) {
    issues.push(...crossFieldIssues(config as MonaConfig));
  }
  return issues;
}

/** Narrowing companion of `validateConfig`. */
export function isValidConfig(config: unknown): config is MonaConfig {
  return validateConfig(config).length === 0;
}

function crossFieldIssues(config: MonaConfig): ConfigIssue[] {
  return [...clusterIssues(config), ...templateIssues(config), ...stateIssues(config)];
}

function stateIssues(config: MonaConfig): ConfigIssue[] {
  const state = config.state;
  if (state === null || typeof state !== 'object' || state.file == null || state.dynamodb == null) return [];
  return [
    {
      code: RunnerErrorCode.configInvalid,
      path: '/state',
      message: 'names both a "file" and a "dynamodb" table',
      hint: 'keep one: "file" for one process, "dynamodb" for replicas or a task without a disk',
    },
  ];
}

/** Unknown `{field}`s are caught now, not when the first event of that kind arrives. */
function templateIssues(config: MonaConfig): ConfigIssue[] {
  const templates = config.templates;
  if (templates === null || typeof templates !== 'object') return [];
  return Object.entries(templates).flatMap(([key, template]) => {
    if (typeof template !== 'string' || !FORMATTER_KEYS.includes(key as FormatterKey)) return [];
    const formatterKey = key as FormatterKey;
    return unknownTemplateFields(formatterKey, template).map((field) => ({
      code: RunnerErrorCode.configInvalid,
      path: `/templates/${key}`,
      message: `uses unknown field {${field}}`,
      hint: `fields of ${key}: ${templateFields(formatterKey).join(', ')}`,
    }));
  });
}

function clusterIssues(config: MonaConfig): ConfigIssue[] {
  const hasClusters = Array.isArray(config.clusters) && config.clusters.length > 0;
  if (config.ecsCluster == null && !hasClusters) {
    return [
      {
        code: RunnerErrorCode.configInvalid,
        path: '/',
        message: 'names no cluster',
        hint: 'add "ecsCluster": "name" or "clusters": ["name", { "name": "other", "region": "us-east-1" }]',
      },
    ];
  }
  return [];
}

/** anyOf failures report every branch; keep one issue per path and message. */
function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path} ${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toIssue(error: ErrorObject): ConfigIssue {
  const path = error.instancePath || '/';
  const { message, hint } = describe(error);
  return { code: RunnerErrorCode.configInvalid, path, message, hint };
}

function describe(error: ErrorObject): { message: string; hint: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return {
        message: `has unknown key "${String(p['additionalProperty'])}"`,
        hint: `check the spelling; allowed keys: ${allowedKeys(error).join(', ')}`,
      };
    case 'required':
      return { message: `misses "${String(p['missingProperty'])}"`, hint: `add "${String(p['missingProperty'])}"` };
    case 'type':
      return { message: `must be ${String(p['type'])}`, hint: `write a ${String(p['type'])} here` };
    case 'enum':
      return {
        message: 'is not an allowed value',
        hint: `use one of: ${(p['allowedValues'] as unknown[]).map(String).join(', ')}`,
      };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
      return { message: error.message ?? `fails ${error.keyword}`, hint: `use a number ${String(p['comparison'])} ${String(p['limit'])}` };
    case 'minLength':
    case 'minItems':
      return { message: 'is empty', hint: 'write a value, or remove the key to use the default' };
    case 'anyOf':
      return { message: 'matches no allowed form', hint: 'write a cluster name, or { "name": "…", "region": "…" }' };
    default:
      return { message: error.message ?? `fails ${error.keyword}`, hint: `see the ${error.keyword} rule in mona.schema.json` };
  }
}

function allowedKeys(error: ErrorObject): string[] {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.properties ?? {});
}
