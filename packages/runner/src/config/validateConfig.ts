import type { Options, ValidateFunction } from 'ajv';
import { FORMATTER_KEYS, templateFields, unknownTemplateFields } from '@mona-ecs/core/format';
import type { FormatterKey } from '@mona-ecs/core/format';
import { RunnerErrorCode } from '../errors.js';
import type { ConfigIssue } from '../errors.js';
import { ajvIssue } from './ajvIssue.js';
import { closestMatch } from './closestMatch.js';
import * as generated from './configValidator.generated.js';
import type { MonaConfig } from './types.js';

/**
 * The options `configSchema` is compiled with, ahead of time into `configValidator.generated.ts`
 * (ajv's standalone code): compiling it at every start cost about 260 ms of CPU (issue 13).
 * verbose: errors carry their parentSchema, which lists the allowed keys for the hint.
 */
export const CONFIG_AJV_OPTIONS: Options = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };

const compiled = generated.validate as unknown as ValidateFunction<MonaConfig>;

/**
 * Check a parsed (and env-interpolated) config against the schema and the rules the schema
 * cannot express. Returns every issue at once; an empty list means valid.
 *
 * @example
 * const issues = validateConfig(JSON.parse(text));
 * if (issues.length) throw new ConfigError(issues);
 */
export function validateConfig(config: unknown): ConfigIssue[] {
  const issues = compiled(config) ? [] : dedupe((compiled.errors ?? []).map((error) => ajvIssue(error)));
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
  return [...clusterIssues(config), ...senderClusterIssues(config), ...templateIssues(config), ...stateIssues(config)];
}

/** A sender routed to a cluster nobody watches would stay silent forever: a typo, or a cluster left out. */
function senderClusterIssues(config: MonaConfig): ConfigIssue[] {
  const watched = watchedClusterNames(config);
  if (watched.length === 0) return []; // "names no cluster" is reported instead
  const senders = Array.isArray(config.senders) ? config.senders : [];
  return senders.flatMap((sender, i) => {
    const clusters: unknown[] = Array.isArray(sender?.clusters) ? sender.clusters : [];
    return clusters.flatMap((name, j) => {
      if (typeof name !== 'string' || watched.includes(name)) return [];
      const closest = closestMatch(name, watched);
      return [
        {
          code: RunnerErrorCode.configInvalid,
          path: `/senders/${i}/clusters/${j}`,
          message: `names cluster "${name}", which is not watched: this sender would never receive its events`,
          hint: `${closest ? `did you mean "${closest}"? ` : ''}watched clusters: ${watched.join(', ')}; add "${name}" to "clusters" or fix the name`,
        },
      ];
    });
  });
}

function watchedClusterNames(config: MonaConfig): string[] {
  const listed = Array.isArray(config.clusters) ? config.clusters : [];
  const names = [config.ecsCluster, ...listed.map((c) => (typeof c === 'string' ? c : c?.name))];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n !== ''))];
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
