/**
 * @mona-ecs/ecs-simulator: an ECS (and SNS Publish) API on loopback, with a scenario API, for
 * Mona's demo, end-to-end tests and benchmark.
 */
export { startSimulator } from './startSimulator.js';
export type { StartSimulatorOptions } from './startSimulator.js';
export { Simulator } from './Simulator.js';
export type { SimulatorOptions } from './Simulator.js';
export type { ThrottleOptions } from './ApiGate.js';
export type { FaultSpec } from './Faults.js';
export { AnswerFaults } from './AnswerFaults.js';
export type { AnswerFaultOptions, StrippableField } from './AnswerFaults.js';
export type { ServiceOptions } from './Fleet.js';
export type { CrashOptions, DeployOptions, FailOptions } from './scenario.js';
export type { PublishedMessage } from './snsPublish.js';
export { SimulatorError } from './errors.js';
export { SimQueue } from './sqs/SimQueue.js';
export type { QueueKnobs, QueueStats } from './sqs/SimQueue.js';
export { runDemoStory, createDemoServices, DEMO_SERVICES } from './runDemoStory.js';
export type { DemoStoryOptions } from './runDemoStory.js';
export { Organization, startOrganization } from './Organization.js';
export type { OrganizationAccount, OrganizationOptions } from './Organization.js';
export { Sts } from './sts/Sts.js';
export type { Caller, IssuedCredentials, SimRole, StsOptions } from './sts/Sts.js';
