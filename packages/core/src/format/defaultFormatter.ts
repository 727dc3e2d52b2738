import type { EventContext } from '../model/context.js';
import type { DeploymentCompleted, ServiceRemoved } from '../model/events.js';
import { code, escapeMrkdwn } from './escapeMrkdwn.js';
import { formatDuration } from './formatDuration.js';
import { renderContext } from './renderContext.js';
import { shortTaskDef } from './shortTaskDef.js';
import type { Formatter } from './types.js';

/** Services listed by name in the start-up message; past this a count keeps it readable. */
const MAX_NAMES_LISTED = 20;

/** The headline, then one line per enrichment fact. */
function withContext(headline: string, context: EventContext | undefined): string {
  return [headline, ...renderContext(context)].join('\n');
}

function reasonSuffix(reason: string | undefined): string {
  return reason ? `: ${escapeMrkdwn(reason)}` : '';
}

function tookSuffix(durationSeconds: number | undefined): string {
  return durationSeconds === undefined ? '' : ` (took ${formatDuration(durationSeconds)})`;
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

/** Why a service left, in words; unknown reasons are shown as ECS gave them. */
const REMOVAL_WORDING: Record<string, string> = {
  DRAINING: 'the service is draining (being deleted)',
  INACTIVE: 'the service was deleted',
  MISSING: 'ECS reports the service as missing',
  UNLISTED: 'the service is no longer in the cluster’s service list',
};

function removalReason(state: ServiceRemoved): string {
  return REMOVAL_WORDING[state.reason] ?? escapeMrkdwn(state.reason);
}

/**
 * Deploy, scale and recover completions all say "deployment done", as the original's single
 * `deployDone` text did (users' Slack keyword alerts match it); the kind follows as context.
 * A rollback completion is worded as a rollback ("rolled back to …, the deployment failed"),
 * never as the success of the deployment that failed, so it never says "deployment done".
 */
function completion(state: DeploymentCompleted): string {
  const service = code(state.service);
  const taskDef = code(shortTaskDef(state.taskDef));
  const took = tookSuffix(state.durationSeconds);
  const done = `:white_check_mark: ${service} deployment done with ${code(state.runningCount)} instances and task definition ${taskDef}`;
  switch (state.kind) {
    case 'scale':
      return `${done}: scaling finished${took}`;
    case 'recover':
      return `${done}: recovered after a task crash${took}`;
    case 'rollback':
      return `:leftwards_arrow_with_hook: ${service} rollback done: back on task definition ${taskDef} with ${code(state.runningCount)} instances; the failed deployment was not applied${took}`;
    default:
      return `${done}${took}`;
  }
}

/** ` of account \`payments\`` after a cluster's name in a multi-account set-up; nothing otherwise (the original's text). */
function ofAccount(account: string | undefined): string {
  return account ? ` of account ${code(account)}` : '';
}

/** One function per key; see `defaultFormatter`. */
const texts: Formatter = {
  monitorDeploy(serviceNames: string[], cluster: string, account?: string): string {
    const head = `:eyes: Mona is deployed and monitoring ${plural(serviceNames.length, 'service')} in cluster ${code(cluster)}${ofAccount(account)}`;
    if (serviceNames.length === 0) return head;
    const listed = serviceNames.slice(0, MAX_NAMES_LISTED).map(code).join(', ');
    const more = serviceNames.length > MAX_NAMES_LISTED ? ` and ${serviceNames.length - MAX_NAMES_LISTED} more` : '';
    return `${head}: ${listed}${more}`;
  },
  deploy: (s) =>
    withContext(
      `:arrows_clockwise: ${code(s.service)} deployment started with task definition ${code(shortTaskDef(s.taskDef))}`,
      s.context,
    ),
  scale: (s) =>
    withContext(
      `:left_right_arrow: ${code(s.service)} scaling event: desired count from ${s.previousDesiredCount} to ${s.desiredCount} instances`,
      s.context,
    ),
  recover: (s) =>
    withContext(
      `:boom: ${code(s.service)} task crashed: ${code(s.runningCount)} of ${code(s.desiredCount)} instances running, ECS is replacing it`,
      s.context,
    ),
  deployDone: (s) => withContext(completion(s), s.context),
  deployTimeout: (s) =>
    withContext(
      `:warning: ${code(s.service)} deployment is taking a very long time: not finished after ${s.secondsUntilAlert} seconds, ${code(s.deploymentRunningCount)} of ${code(s.desiredCount)} instances running task definition ${code(shortTaskDef(s.taskDef))}`,
      s.context,
    ),
  tasksFailing: (s) =>
    withContext(
      `:warning: ${code(s.service)} deployment of task definition ${code(shortTaskDef(s.taskDef))} has ${code(s.failedTasks)} failed tasks so far`,
      s.context,
    ),
  deployFailed: (s) =>
    withContext(
      // A deployment that failed between two polls may be known by its id only (from ECS's service events).
      `:x: ${code(s.service)} deployment ${s.taskDef === '' ? code(s.deploymentId) : `of task definition ${code(shortTaskDef(s.taskDef))}`} failed${reasonSuffix(s.reason)}`,
      s.context,
    ),
  rollback: (s) => {
    const from = s.previousTaskDef ? ` from ${code(shortTaskDef(s.previousTaskDef))}` : '';
    return withContext(
      `:leftwards_arrow_with_hook: ${code(s.service)} is rolling back${from} to task definition ${code(shortTaskDef(s.taskDef))}${reasonSuffix(s.reason)}`,
      s.context,
    );
  },
  serviceRemoved: (s) => `:wastebasket: ${code(s.service)} is no longer monitored: ${removalReason(s)}`,
  monitorDegraded: (s) =>
    `:warning: Mona cannot read cluster ${code(s.cluster)}${ofAccount(s.account)} (${escapeMrkdwn(s.region)}): ${s.failures} sweeps in a row failed${reasonSuffix(s.reason)}`,
  monitorRecovered: (s) =>
    `:white_check_mark: Mona reads cluster ${code(s.cluster)}${ofAccount(s.account)} (${escapeMrkdwn(s.region)}) again after ${formatDuration(s.durationSeconds)}${outageSuffix(s)}`,
};

/**
 * The default texts: each of the original mona's six keys keeps the original's phrase ("is
 * deployed and monitoring", "deployment started", "scaling event", "task crashed", "deployment
 * done", "taking a very long time": users' Slack keyword alerts match them), our extra context
 * after it; the same voice for the new keys, and the enrichment context as bullet lines underneath.
 * Every value from ECS or the user is escaped for mrkdwn. Frozen: overrides build a new object.
 *
 * @example
 * defaultFormatter.deploy(event);
 * // ':arrows_clockwise: `api` deployment started with task definition `api:42`'
 */
export const defaultFormatter: Formatter = Object.freeze(texts);

/** `(12 failed sweeps; it flapped 3 times)`: what a flapping outage amounts to, in one line. */
function outageSuffix(s: { failedSweeps?: number; relapses?: number }): string {
  if (s.failedSweeps === undefined) return '';
  const sweeps = `${s.failedSweeps} failed ${s.failedSweeps === 1 ? 'sweep' : 'sweeps'}`;
  const flaps = s.relapses ? `; it answered and failed again ${s.relapses} ${s.relapses === 1 ? 'time' : 'times'}` : '';
  return ` (${sweeps}${flaps})`;
}
