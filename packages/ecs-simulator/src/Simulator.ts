import { AnswerFaults } from './AnswerFaults.js';
import { ApiGate } from './ApiGate.js';
import { CONTROL_PREFIX, controlRequest } from './control.js';
import { createDispatcher } from './dispatch.js';
import { closeServer, listen } from './httpServer.js';
import { SimulatorError } from './errors.js';
import { Faults } from './Faults.js';
import type { FaultSpec } from './Faults.js';
import { Fleet } from './Fleet.js';
import { ACCOUNT_ID, arns, createIds } from './ids.js';
import { seededRandom } from './random.js';
import { renderServiceJson } from './render.js';
import { stepService } from './rollout.js';
import { applyScenario } from './scenario.js';
import { ChangeFeed } from './sqs/ChangeFeed.js';
import { SimQueue } from './sqs/SimQueue.js';
import type { QueueKnobs } from './sqs/SimQueue.js';
import { SQS_PREFIX, queueUrl, sqsRequest } from './sqs/sqsApi.js';
import type { Server } from 'node:http';
import type { AnswerFaultOptions } from './AnswerFaults.js';
import type { ThrottleOptions } from './ApiGate.js';
import type { ServiceOptions } from './Fleet.js';
import type { ApiRequest, ApiResponse } from './httpServer.js';
import type { SimService } from './model.js';
import type { CrashOptions, DeployOptions, FailOptions } from './scenario.js';
import type { SimContext } from './SimContext.js';
import type { PublishedMessage } from './snsPublish.js';

/** Options of a simulator. */
export interface SimulatorOptions extends ThrottleOptions {
  /** Default `us-east-1`. */
  region?: string;
  /** Account id in every ARN. Default `123456789012` (one account per simulator; see `startOrganization` for several). */
  accountId?: string;
  /** `fake` (default): time moves only on `advance(ms)`. `real`: wall-clock time, stepped by an interval. */
  clock?: 'fake' | 'real';
  /** Start of fake time (epoch ms). Default now, so clients comparing with their own clock agree. */
  startTime?: number;
  /** Length of one rollout step. Default 1000 ms. */
  stepMs?: number;
  /** Tasks a deployment launches per step. Default 1. */
  tasksPerStep?: number;
  /** Failed tasks that trip the circuit breaker. Default 3. */
  failureThreshold?: number;
  /** Stopped tasks kept per service. Default 50. */
  maxStoppedTasks?: number;
  /** Seed of ids and fault injection. Default 1. */
  seed?: number;
  /** Faults on successful answers (fields stripped from DescribeServices); see `AnswerFaults`. */
  answerFaults?: AnswerFaultOptions;
  /**
   * Put an EventBridge-shaped `aws.ecs` event on the simulator's SQS queue for every change
   * (`true`, or the queue's initial knobs). Default off: the queue answers but stays empty.
   */
  ecsEvents?: boolean | Partial<QueueKnobs>;
  /** Name of the simulated SQS queue. Default `mona-events`. */
  queueName?: string;
}

/**
 * The simulated ECS account and its scenario API. Use `startSimulator()` to get one listening on
 * HTTP; the scenario methods change the model synchronously and rollouts progress per step.
 *
 * @example
 * const sim = await startSimulator();
 * sim.createServices(3, { prefix: 'svc' });
 * sim.deploy('svc-1', { image: 'svc:2' });
 * sim.advance(5_000);
 */
export class Simulator {
  /** Base URL once listening, e.g. `http://127.0.0.1:53211`; give it to the SDK as `endpoint`. */
  url = '';
  readonly region: string;
  /** Which clock drives time: `fake` (moved by `advance`) or `real`. */
  readonly clock: 'fake' | 'real';
  /** Length of one rollout step, ms. */
  readonly stepMs: number;
  /** SNS Publish calls received, oldest first. */
  readonly published: PublishedMessage[] = [];
  /** Faults on successful answers; change them at any time (`sim.answerFaults.stripServiceFields = []`). */
  readonly answerFaults: AnswerFaults;
  /** The SQS queue the ECS events go to; tune `sim.queue.knobs` (delay, duplicates, reordering, loss, outage). */
  readonly queue: SimQueue;
  /** @internal */ readonly fleet: Fleet;
  private readonly feed: ChangeFeed | undefined;
  private readonly gate: ApiGate;
  private readonly faults = new Faults();
  private releaseHung: (() => void) | undefined;
  private readonly active = new Set<SimService>();
  private readonly realClock: boolean;
  private fakeNow: number;
  private nextStepAt: number;
  private timer: NodeJS.Timeout | undefined;
  private server: Server | undefined;
  /** @internal */ readonly dispatch: (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

  constructor(options: SimulatorOptions = {}) {
    this.region = options.region ?? 'us-east-1';
    this.clock = options.clock === 'real' ? 'real' : 'fake';
    this.realClock = this.clock === 'real';
    this.stepMs = Math.max(1, options.stepMs ?? 1000);
    this.fakeNow = options.startTime ?? Date.now();
    this.nextStepAt = this.fakeNow + this.stepMs;
    const seed = options.seed ?? 1;
    const ids = createIds(seededRandom(seed));
    const now = (): number => this.now();
    const ctx: SimContext = {
      now,
      ids,
      arns: arns(this.region, options.accountId),
      tasksPerStep: Math.max(1, options.tasksPerStep ?? 1),
      failureThreshold: Math.max(1, options.failureThreshold ?? 3),
      maxStoppedTasks: Math.max(1, options.maxStoppedTasks ?? 50),
      taskIndex: new Map(),
    };
    this.fleet = new Fleet(this.region, ctx);
    this.fleet.cluster('default');
    // A separate stream for faults, so changing the scenario does not move which calls fail.
    this.gate = new ApiGate(options, now, seededRandom(seed ^ 0x5eed));
    this.answerFaults = new AnswerFaults(options.answerFaults ?? {}, seededRandom(seed ^ 0xfa17));
    const queueName = options.queueName ?? 'mona-events';
    this.queue = new SimQueue(
      queueName,
      `arn:aws:sqs:${this.region}:${ACCOUNT_ID}:${queueName}`,
      now,
      seededRandom(seed ^ 0x5a5),
      ids.uuid,
    );
    if (options.ecsEvents) {
      if (typeof options.ecsEvents === 'object') Object.assign(this.queue.knobs, options.ecsEvents);
      this.feed = new ChangeFeed({
        region: this.region,
        now,
        uuid: ids.uuid,
        clusterArn: (name) => this.fleet.arns.cluster(name),
        publish: (body) => this.queue.send(body),
      });
    }
    const api = createDispatcher({
      model: this.fleet,
      gate: this.gate,
      faults: this.faults,
      uuid: ids.uuid,
      now,
      onPublish: (m) => this.published.push(m),
      rewrite: (action, body) => this.answerFaults.apply(action, body),
    });
    this.dispatch = (req) => {
      if (req.path.startsWith(CONTROL_PREFIX)) return controlRequest(this, req);
      if (req.target?.startsWith(SQS_PREFIX)) return sqsRequest(this.queue, req.target.slice(SQS_PREFIX.length), req.body, ids.uuid());
      return api(req);
    };
    if (this.realClock) {
      this.timer = setInterval(() => this.step(), this.stepMs);
      this.timer.unref();
    }
  }

  /** Calls per ECS action since the last `resetCalls()`, throttled ones included. */
  get calls(): Readonly<Record<string, number>> {
    return this.gate.calls;
  }

  /** ThrottlingException answers per action since the last `resetCalls()`. */
  get throttled(): Readonly<Record<string, number>> {
    return this.gate.throttled;
  }

  /** Tokens left in the throttling bucket, or undefined without the throttling model. */
  get tokens(): number | undefined {
    return this.gate.tokens();
  }

  /** Fraction of ECS calls answered with ThrottlingException at random; settable while running. */
  get throttleRate(): number {
    return this.gate.throttleRate;
  }

  set throttleRate(rate: number) {
    this.gate.setRate(rate);
  }

  /** Forgets call and throttle counts. */
  resetCalls(): void {
    this.gate.reset();
  }

  /**
   * Injects a fault on one ECS action (see `FaultSpec`): `hang` never answers, `answer` replies
   * 200 with a raw body. Faulted calls are counted in `calls` like the others.
   *
   * @example
   * sim.injectFault({ action: 'DescribeServices', kind: 'hang', times: 1 });
   * sim.injectFault({ action: 'DescribeServices', kind: 'answer', body: '{"services":null}' });
   * sim.injectFault({ action: 'ListServices', kind: 'answer', body: '{"serviceArns":[]}', times: 2 });
   */
  injectFault(spec: FaultSpec): void {
    this.faults.inject(spec);
  }

  /** Removes every fault and drops the connections of hung calls (their clients see a reset). */
  clearFaults(): void {
    this.faults.clear();
    this.releaseHung?.();
  }

  /** Calls answered by a fault, per action, since the last `clearFaults()`. */
  get faulted(): Readonly<Record<string, number>> {
    return this.faults.applied;
  }

  /** Simulator time, epoch ms. */
  now(): number {
    return this.realClock ? Date.now() : this.fakeNow;
  }

  /** Moves fake time forward, running every rollout step that falls within it. */
  advance(ms: number): void {
    if (this.realClock) throw new SimulatorError('SIM_REAL_CLOCK', 'advance() needs clock: "fake"');
    if (!Number.isFinite(ms) || ms < 0) throw new SimulatorError('SIM_BAD_ARGUMENT', `cannot advance by ${ms} ms`);
    const target = this.fakeNow + ms;
    while (this.nextStepAt <= target) {
      this.fakeNow = this.nextStepAt;
      this.step();
      this.nextStepAt += this.stepMs;
    }
    this.fakeNow = target;
  }

  /** Creates a service already running at its desired count (a baseline). Returns its ARN. */
  createService(name: string, options: ServiceOptions = {}): string {
    return this.fleet.createService(name, options, 'steady').arn;
  }

  /** Creates `count` steady services named `<prefix>-<n>` (from 1). Returns their names. */
  createServices(count: number, options: ServiceOptions & { prefix?: string } = {}): string[] {
    const { prefix = 'service', ...rest } = options;
    const width = String(count).length;
    const names: string[] = [];
    for (let i = 1; i <= count; i += 1) {
      const name = `${prefix}-${String(i).padStart(width, '0')}`;
      this.fleet.createService(name, rest, 'steady');
      names.push(name);
    }
    return names;
  }

  /** Adds a service while monitoring runs: it starts empty and its first deployment rolls out. */
  addService(name: string, options: ServiceOptions = {}): string {
    const service = this.fleet.createService(name, options, 'new');
    this.feed?.primeEmpty(service);
    this.feed?.sync(service);
    this.active.add(service);
    return service.arn;
  }

  /** Starts a rolling deployment (new image or task definition). Returns the deployment id. */
  deploy(service: string, options: DeployOptions = {}): string {
    return this.apply(service, (s) => applyScenario.deploy(this.fleet, s, options));
  }

  /** Changes the desired count; tasks start or stop over the next steps. */
  scale(service: string, desiredCount: number): void {
    this.apply(service, (s) => applyScenario.scale(s, desiredCount));
  }

  /** Stops `count` running tasks now (default exit 137, OutOfMemoryError); replacements follow. */
  crashTasks(service: string, count: number, options: CrashOptions = {}): void {
    this.apply(service, (s) => applyScenario.crash(this.fleet, s, count, options));
  }

  /** Makes the in-progress deployment (or a new one) never reach its desired count. */
  stallDeployment(service: string, options: DeployOptions = {}): string {
    return this.apply(service, (s) => applyScenario.stall(this.fleet, s, options));
  }

  /** Makes the in-progress deployment (or a new one) fail under the circuit breaker. */
  failDeployment(service: string, options: FailOptions = {}): string {
    return this.apply(service, (s) => applyScenario.fail(this.fleet, s, options));
  }

  /** Deletes a service: DRAINING now, INACTIVE (and out of ListServices) at the next step. */
  deleteService(service: string): void {
    this.apply(service, (s) => applyScenario.remove(s));
  }

  /** Whether the service exists (`name` in the default cluster, or `cluster/name`). */
  hasService(service: string): boolean {
    try {
      this.fleet.service(service);
      return true;
    } catch {
      return false;
    }
  }

  /** The service as DescribeServices would return it now, without an API call (not counted). */
  describeService(service: string): Record<string, unknown> {
    return JSON.parse(renderServiceJson(this.fleet.service(service), this.fleet.arns)) as Record<string, unknown>;
  }

  /** Whether a service still has rollout work (a stalled deployment stays busy). */
  isBusy(service: string): boolean {
    return this.active.has(this.fleet.service(service));
  }

  /** Changes the queue's knobs (see `QueueKnobs`); reachable over HTTP as `/_sim/setQueueKnobs`. */
  setQueueKnobs(knobs: Partial<QueueKnobs>): void {
    Object.assign(this.queue.knobs, knobs);
    if (knobs.outage) this.queue.wakeAll();
  }

  /** Puts a raw message on the queue (a malformed or foreign event), through the knobs. */
  sendToQueue(body: string): void {
    this.queue.send(body);
  }

  /** Starts answering HTTP on 127.0.0.1 (port 0: any free port) and sets `url`. */
  async listen(port = 0): Promise<this> {
    if (this.server) throw new SimulatorError('SIM_ALREADY_LISTENING', `already listening on ${this.url}`);
    const { server, url, release } = await listen(this.dispatch, port);
    this.server = server;
    this.releaseHung = release;
    this.url = url;
    this.queue.url = queueUrl(url, ACCOUNT_ID, this.queue.name);
    return this;
  }

  /** Stops real-time stepping and the HTTP server (idle keep-alive connections included). Idempotent. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.queue.wakeAll();
    const server = this.server;
    this.server = undefined;
    if (server) await closeServer(server);
  }

  private apply<T>(ref: string, change: (service: SimService) => T): T {
    const service = this.fleet.service(ref);
    this.feed?.prime(service);
    const result = change(service);
    this.feed?.sync(service);
    this.active.add(service);
    return result;
  }

  private step(): void {
    for (const service of [...this.active]) {
      const busy = stepService(service, this.fleet.ctx);
      this.feed?.sync(service);
      if (!busy) this.active.delete(service);
    }
  }
}
