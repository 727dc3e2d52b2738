/** Service fields that `stripServiceFields` can remove from DescribeServices answers. */
export type StrippableField = 'desiredCount' | 'runningCount' | 'pendingCount' | 'deployments';

/** Options of the answer faults: good answers made incomplete, as a broken proxy or API change would. */
export interface AnswerFaultOptions {
  /** Fields removed from every service of a stripped DescribeServices answer. Default none. */
  stripServiceFields?: StrippableField[];
  /** Fraction (0..1) of DescribeServices answers stripped, drawn from a seeded generator. Default 1. */
  stripRate?: number;
}

/**
 * Faults on answers that succeed (HTTP 200): with `stripServiceFields` set, DescribeServices
 * answers lose those fields from every service, so a client sees services "without counts".
 * Changeable at any time on a running simulator (`sim.answerFaults.stripServiceFields = […]`),
 * so a test can turn a fault on and off while its monitor keeps polling.
 *
 * @example
 * const faults = new AnswerFaults({ stripServiceFields: ['runningCount', 'deployments'] }, seededRandom(7));
 * faults.apply('DescribeServices', '{"services":[{"serviceName":"api","runningCount":2}],"failures":[]}');
 * // '{"services":[{"serviceName":"api"}],"failures":[]}'
 */
export class AnswerFaults {
  stripServiceFields: StrippableField[];
  stripRate: number;
  /** DescribeServices answers stripped so far. */
  stripped = 0;

  constructor(
    options: AnswerFaultOptions,
    private readonly random: () => number,
  ) {
    this.stripServiceFields = [...(options.stripServiceFields ?? [])];
    this.stripRate = options.stripRate ?? 1;
  }

  /** The answer body of `action` as the client gets it. */
  apply(action: string, body: string): string {
    if (action !== 'DescribeServices' || this.stripServiceFields.length === 0) return body;
    if (this.stripRate < 1 && this.random() >= this.stripRate) return body;
    const answer = JSON.parse(body) as { services?: Record<string, unknown>[] };
    for (const service of answer.services ?? []) for (const field of this.stripServiceFields) delete service[field];
    this.stripped += 1;
    return JSON.stringify(answer);
  }
}
