import { loadConfig } from '../config/loadConfig.js';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { createLogger } from '../logging/createLogger.js';
import { runWait } from '../wait/runWait.js';
import type { WaitDeps } from '../wait/runWait.js';
import { sendWaitOutcome } from '../wait/sendWaitOutcome.js';
import { toWaitRequest } from '../wait/toWaitRequest.js';
import { waitResultJson } from '../wait/waitResultJson.js';
import { waitExitCode } from '../wait/WaitProgress.js';
import type { Command } from './Command.js';

const USAGE = [
  'Usage: mona wait --cluster C --service S [--service S2 …] [--deployment ID … | --task-definition ARN …]',
  '                 [--timeout 15m] [--region R] [--role-arn ARN [--external-id ID]] [--interval SECONDS]',
  '                 [--config FILE] [--json] [--no-diagnostics]',
  '',
  'Follows the deployment of each service (the current PRIMARY, or the one named) with the same',
  'reducer as `mona run`, and exits when every one completed, as soon as one fails, or at the',
  'timeout. A drop-in replacement for `aws ecs wait services-stable` that reads rollbacks right.',
  '',
  'Options:',
  '      --cluster C            the cluster',
  '      --service S            a service to follow (repeat for several)',
  '      --deployment ID        follow this deployment id (repeatable; matched in every service)',
  '      --task-definition ARN  follow the deployment of this task definition (ARN or family:revision; repeatable)',
  '      --timeout DURATION     give up after this long: 90s, 15m, 1h (default 15m)',
  "      --region R             the region (default: the config's, then AWS_REGION)",
  "      --role-arn ARN         watch the cluster through this role (another account; default: the config's)",
  "      --external-id ID       the external id of the role's trust policy",
  "      --interval SECONDS     seconds between sweeps (default: the config's checkIntervalSeconds, else 5)",
  '  -c, --config FILE          reducer settings, enrichment and senders: the outcome is also sent',
  '      --json                 one JSON result per service on stdout at the end (progress goes to stderr)',
  '      --no-diagnostics       do not look up stopped tasks and their reasons on failure',
  '  -h, --help                 this help',
  '',
  'Exit codes: 0 every deployment completed, 1 one failed, rolled back, was replaced or its service',
  'deleted, 2 usage or config error or unknown service/cluster, 3 timeout.',
].join('\n');

/**
 * The `mona wait` command over injectable dependencies (tests give it a simulator's ECS client).
 *
 * @example
 * const command = createWaitCommand({ clientFor: () => simulatorClient });
 * const code = await command.run({ cluster: 'default', service: ['api'] }, [], io);
 */
export function createWaitCommand(deps: WaitDeps = {}): Command {
  return {
    name: 'wait',
    summary: 'CI/CD gate: wait for deployments to complete (exit 1 on failure or rollback, 3 on timeout)',
    usage: USAGE,
    options: {
      cluster: { type: 'string' },
      service: { type: 'string', multiple: true },
      deployment: { type: 'string', multiple: true },
      'task-definition': { type: 'string', multiple: true },
      timeout: { type: 'string' },
      region: { type: 'string' },
      'role-arn': { type: 'string' },
      'external-id': { type: 'string' },
      interval: { type: 'string' },
      config: { type: 'string', short: 'c' },
      json: { type: 'boolean' },
      'no-diagnostics': { type: 'boolean' },
    },
    async run(flags, _positionals, io) {
      const configPath = flags['config'];
      if (configPath !== undefined && typeof configPath !== 'string') throw new RunnerError(RunnerErrorCode.usage, '--config needs a FILE');
      const config = configPath ? await loadConfig(configPath, io.env, io.stdin) : undefined;
      const request = toWaitRequest(flags, config, io.env);
      const json = flags['json'] === true;
      const logger = deps.logger ?? createLogger({ level: 'error', destination: io.stderr, secrets: config?.secrets ?? [] });
      const progress = await runWait(request, { ...deps, logger }, json ? io.stderr : io.stdout);
      if (json) for (const line of waitResultJson(progress)) io.stdout.write(`${line}\n`);
      if (config) await sendWaitOutcome(config, progress, logger);
      return waitExitCode(progress);
    },
  };
}

/**
 * `mona wait`: see `createWaitCommand`.
 *
 * @example
 * await wait.run({ cluster: 'prod', service: ['api'], timeout: '15m' }, [], io);
 */
export const wait: Command = createWaitCommand();
