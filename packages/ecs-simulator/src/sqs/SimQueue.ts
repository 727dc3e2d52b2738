import { createHash } from 'node:crypto';

/**
 * Knobs of the simulated queue, settable at any time (`sim.queue.knobs.lossRate = 0.5`). They
 * model what EventBridge and SQS actually do: deliver late, at least once, out of order, and
 * (with a broken rule or a full DLQ) not at all.
 */
export interface QueueKnobs {
  /** Every message becomes visible this long after the change (EventBridge → SQS latency). Default 0. */
  delayMs: number;
  /** Each message gets an extra random delay in [0, reorderWindowMs): messages overtake each other. Default 0. */
  reorderWindowMs: number;
  /** Chance (0..1) that a message is put on the queue twice. Default 0. */
  duplicateRate: number;
  /** Chance (0..1) that a message never reaches the queue. Default 0. */
  lossRate: number;
  /** While true, every SQS call is answered 503 ServiceUnavailable (the queue is unreachable). */
  outage: boolean;
  /** Visibility timeout of a received message when ReceiveMessage does not set one. Default 30 s. */
  visibilityTimeoutSeconds: number;
}

/** One message on the queue. */
export interface QueuedMessage {
  messageId: string;
  body: string;
  md5: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  receiptHandle: string | undefined;
}

/** Counters of the queue, for tests and the benchmark. */
export interface QueueStats {
  /** Events the simulator produced (before loss and duplication). */
  produced: number;
  /** Messages put on the queue (duplicates included, lost ones not). */
  sent: number;
  lost: number;
  duplicated: number;
  received: number;
  deleted: number;
  /** Messages on the queue now, visible or in flight. */
  depth: number;
  /** SQS API calls per action, outage answers included. */
  calls: Record<string, number>;
}

const DEFAULT_KNOBS: QueueKnobs = {
  delayMs: 0,
  reorderWindowMs: 0,
  duplicateRate: 0,
  lossRate: 0,
  outage: false,
  visibilityTimeoutSeconds: 30,
};

/**
 * An SQS standard queue in memory: at-least-once, unordered, with visibility timeouts and
 * receipt handles, plus the knobs above. Times come from `now` (the simulator's clock);
 * long-poll waits are real time, since a client waits in real time.
 *
 * @example
 * const queue = new SimQueue('mona-events', 'http://127.0.0.1:4566/123456789012/mona-events', Date.now, Math.random, uuid);
 * queue.send('{"source":"aws.ecs"}');
 * queue.receive(10, 30).length; // 1
 */
export class SimQueue {
  readonly knobs: QueueKnobs = { ...DEFAULT_KNOBS };
  /** The queue URL once the simulator listens (`<sim.url>/123456789012/<name>`). */
  url = '';
  private messages: QueuedMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly counters = { produced: 0, sent: 0, lost: 0, duplicated: 0, received: 0, deleted: 0 };
  readonly calls: Record<string, number> = {};

  constructor(
    readonly name: string,
    readonly arn: string,
    private readonly now: () => number,
    private readonly random: () => number,
    private readonly uuid: () => string,
  ) {}

  /** Puts one event on the queue, through the loss, duplicate and delay knobs. */
  send(body: string): void {
    this.counters.produced += 1;
    if (this.random() < this.knobs.lossRate) {
      this.counters.lost += 1;
      return;
    }
    const copies = this.random() < this.knobs.duplicateRate ? 2 : 1;
    if (copies === 2) this.counters.duplicated += 1;
    for (let i = 0; i < copies; i += 1) this.enqueue(body);
    this.wake();
  }

  /** Visible messages, at most `max`, made invisible for `visibilitySeconds`; each gets a new receipt handle. */
  receive(max: number, visibilitySeconds: number | undefined): QueuedMessage[] {
    const now = this.now();
    const out: QueuedMessage[] = [];
    for (const message of this.messages) {
      if (out.length >= max) break;
      if (message.visibleAt > now) continue;
      message.visibleAt = now + (visibilitySeconds ?? this.knobs.visibilityTimeoutSeconds) * 1000;
      message.receiveCount += 1;
      message.receiptHandle = `${message.messageId}#${this.uuid()}`;
      out.push(message);
    }
    this.counters.received += out.length;
    return out;
  }

  /** Deletes the message a receipt handle was given for; false when the handle is not the current one. */
  delete(receiptHandle: string): boolean {
    const index = this.messages.findIndex((m) => m.receiptHandle === receiptHandle);
    if (index < 0) return false;
    this.messages.splice(index, 1);
    this.counters.deleted += 1;
    return true;
  }

  /** Whether a receipt handle names a message of this queue (current or outdated). */
  knowsHandle(receiptHandle: string): boolean {
    const id = receiptHandle.split('#')[0] ?? '';
    return id.length > 0 && this.messages.some((m) => m.messageId === id);
  }

  /** Resolves when a message may have become visible, or after `ms` (real time). */
  waitForMessages(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        clearInterval(poll);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      // Delayed messages become visible without a send: look again now and then.
      const poll = setInterval(() => {
        if (this.hasVisible()) done();
      }, 25);
      this.waiters.add(done);
    });
  }

  /** Ends every long poll now (close, outage). */
  wakeAll(): void {
    this.wake();
  }

  /** Counters and the current depth. */
  stats(): QueueStats {
    return { ...this.counters, depth: this.messages.length, calls: { ...this.calls } };
  }

  /** Forgets the counters (not the messages). */
  resetStats(): void {
    for (const key of Object.keys(this.counters) as Array<keyof typeof this.counters>) this.counters[key] = 0;
    for (const key of Object.keys(this.calls)) delete this.calls[key];
  }

  /** Approximate counts, as GetQueueAttributes reports them. */
  attributes(): Record<string, string> {
    const now = this.now();
    const visible = this.messages.filter((m) => m.visibleAt <= now).length;
    const inFlight = this.messages.filter((m) => m.visibleAt > now && m.receiveCount > 0).length;
    const delayed = this.messages.filter((m) => m.visibleAt > now && m.receiveCount === 0).length;
    return {
      QueueArn: this.arn,
      ApproximateNumberOfMessages: String(visible),
      ApproximateNumberOfMessagesNotVisible: String(inFlight),
      ApproximateNumberOfMessagesDelayed: String(delayed),
      VisibilityTimeout: String(this.knobs.visibilityTimeoutSeconds),
      ReceiveMessageWaitTimeSeconds: '0',
    };
  }

  private hasVisible(): boolean {
    const now = this.now();
    return this.messages.some((m) => m.visibleAt <= now);
  }

  private enqueue(body: string): void {
    const sentAt = this.now();
    const jitter = this.knobs.reorderWindowMs > 0 ? Math.floor(this.random() * this.knobs.reorderWindowMs) : 0;
    const message: QueuedMessage = {
      messageId: this.uuid(),
      body,
      md5: createHash('md5').update(body, 'utf8').digest('hex'),
      sentAt,
      visibleAt: sentAt + this.knobs.delayMs + jitter,
      receiveCount: 0,
      receiptHandle: undefined,
    };
    this.counters.sent += 1;
    // Kept in visibility order, so a receive takes the oldest visible messages first and a
    // jittered message really is overtaken.
    let at = this.messages.length;
    while (at > 0 && (this.messages[at - 1]?.visibleAt ?? 0) > message.visibleAt) at -= 1;
    this.messages.splice(at, 0, message);
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
