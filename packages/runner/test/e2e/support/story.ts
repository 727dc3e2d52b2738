import type { CrashOptions, Simulator } from '@mona-ecs/ecs-simulator';

/**
 * What the story below produces, once each, at every sender (a test that also cuts ECS off adds
 * its MonitorDegraded and MonitorRecovered).
 */
export const STORY_EVENTS: Readonly<Record<string, number>> = {
  'MonitorStarted:-': 1,
  'DeploymentStarted:api': 1,
  'DeploymentCompleted:api': 1,
  'ScalingStarted:web': 1,
  'DeploymentCompleted:web': 2,
  'TaskCrashed:worker': 1,
  'DeploymentCompleted:worker': 1,
  'DeploymentStarted:billing': 2,
  'DeploymentTimedOut:billing': 1,
  'DeploymentCompleted:billing': 1,
  'ServiceRemoved:legacy': 1,
  'DeploymentStarted:web': 1,
  'TasksFailing:web': 1,
  'DeploymentFailed:web': 1,
  'RollbackStarted:web': 1,
};

/** The story's five services; create them before `mona run` starts. */
export function createStoryServices(sim: Simulator): void {
  for (const [name, desiredCount] of [
    ['api', 2],
    ['web', 2],
    ['worker', 2],
    ['billing', 2],
    ['legacy', 1],
  ] as const) {
    sim.createService(name, { desiredCount });
  }
}

/**
 * Drives every event type of the semantic table but the outages through the simulator, waiting
 * (with `seen`, at a sender) for each step's outcome before the next.
 */
export async function playStory(sim: Simulator, seen: (key: string, count?: number) => Promise<void>, crash: CrashOptions): Promise<void> {
  sim.deploy('api', { image: 'repo/api:v42' });
  sim.scale('web', 3);
  sim.crashTasks('worker', 2, crash);
  sim.stallDeployment('billing', { image: 'billing:2' });
  sim.deleteService('legacy');
  await Promise.all([
    seen('DeploymentCompleted:api'),
    seen('DeploymentCompleted:web'),
    seen('DeploymentCompleted:worker'),
    seen('DeploymentTimedOut:billing'),
    seen('ServiceRemoved:legacy'),
  ]);
  sim.deploy('billing', { image: 'billing:3' });
  sim.failDeployment('web', { image: 'web:2', rollback: true });
  await Promise.all([seen('DeploymentCompleted:billing'), seen('DeploymentCompleted:web', 2)]);
}
