/**
 * Core's own view of ECS, narrowed from DescribeServices output. SDK types never cross this
 * line: the ECS source converts, and everything after it (reducer, recorder, replay) sees only
 * these plain, JSON-serialisable objects. Times are epoch milliseconds.
 *
 * Every optional field may be absent in real responses (old API versions; CODE_DEPLOY and
 * EXTERNAL services have no `deployments`). Enum-like fields are plain strings so that values
 * AWS adds later are carried, never rejected.
 */

/** One entry of a service's `deployments` array. */
export interface DeploymentSnapshot {
  id: string;
  /** `PRIMARY | ACTIVE | INACTIVE`, or whatever ECS sends. */
  status: string;
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  /** `IN_PROGRESS | COMPLETED | FAILED`; absent for services without the rolling-update circuit breaker metadata. */
  rolloutState?: string;
  rolloutStateReason?: string;
}

/** One entry of a service's `events` array (newest first in ECS responses). */
export interface ServiceEventSnapshot {
  id: string;
  createdAt: number;
  message: string;
}

/** One service as seen in one sweep. */
export interface ServiceSnapshot {
  name: string;
  arn: string;
  /** `ACTIVE | DRAINING | INACTIVE`. */
  status: string;
  createdAt?: number;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  /** `ECS | CODE_DEPLOY | EXTERNAL`. */
  deploymentController?: string;
  /** `REPLICA | DAEMON`. */
  schedulingStrategy?: string;
  deployments: DeploymentSnapshot[];
  /** Only the events newer than the previous sweep's newest, capped (see the ECS source). */
  events: ServiceEventSnapshot[];
}

/**
 * A service ECS answered for without what the reducer needs (`runningCount`, `desiredCount`, a
 * deployment's counts or id, or `deployments` for a service of the ECS controller). It is in
 * neither `services` nor `missing`: its state is unknown this sweep and left untouched, never
 * read as zero tasks.
 */
export interface IncompleteService {
  name: string;
  /** The absent fields, by path: `runningCount`, `deployments`, `deployments[1].desiredCount`, … */
  missing: string[];
}

/** Everything one sweep learned about one cluster. */
export interface ClusterSnapshot {
  kind: 'snapshot';
  cluster: string;
  region: string;
  /** The cluster's account label (`ClusterRef.account`), when the process watches several accounts. */
  account?: string;
  /** The account's 12-digit id, when known. */
  accountId?: string;
  observedAt: number;
  services: ServiceSnapshot[];
  /**
   * Services ECS reported as MISSING, that are DRAINING/INACTIVE, or that left the ListServices
   * result. A service whose DescribeServices batch failed is in neither list: unknown this tick.
   */
  missing: string[];
  /** True when some batches failed this sweep: services absent from both lists are unknown, not gone. */
  partial?: boolean;
  /** Services answered for without what the reducer needs: unknown this sweep, like a failed batch's. */
  incomplete?: IncompleteService[];
  /**
   * Part of a sweep, passed on as it landed (one DescribeServices batch), or services described
   * between sweeps (an event named them). Each service in it, and each verdict in `missing`, is
   * applied at once; nothing is concluded from what it lacks, and it is not a sweep: it counts
   * towards no health, never takes or completes the baseline (before the first sweep it is ignored).
   */
  interim?: boolean;
  /**
   * The whole sweep, after its parts went out as `interim` snapshots: the reducer has applied
   * its services already and takes from it only what a whole sweep tells (the sweep's health, the
   * baseline, services absent from a complete sweep). Before the first sweep it is the baseline.
   */
  streamed?: boolean;
}

/** A sweep that produced no snapshot at all (ListServices failed, every batch failed, …). */
export interface SweepFailure {
  kind: 'failure';
  cluster: string;
  region: string;
  /** The cluster's account label (`ClusterRef.account`), when the process watches several accounts. */
  account?: string;
  /** The account's 12-digit id, when known. */
  accountId?: string;
  observedAt: number;
  error: { name: string; message: string; code?: string };
}

/** What the ECS source emits for one cluster per tick. */
export type SweepOutcome = ClusterSnapshot | SweepFailure;

/**
 * A cluster to watch. `account` is the account's label in every key, event and message: the
 * alias the operator gave, else its 12-digit id. Without it (one account, the process's own
 * credentials) keys and texts are the original's.
 *
 * @example
 * const ref: ClusterRef = { cluster: 'prod', region: 'eu-west-1', account: 'payments-prod',
 *   roleArn: 'arn:aws:iam::111111111111:role/mona-read', externalId: 'mona-7f3a' };
 */
export interface ClusterRef {
  cluster: string;
  region: string;
  /** Alias or 12-digit id of the cluster's account; part of `clusterKey`. */
  account?: string;
  /** The 12-digit id of the account, when known (from `roleArn` or STS GetCallerIdentity): the console link's account. */
  accountId?: string;
  /** Role to assume for every call about this cluster (`fromTemporaryCredentials`); absent: the process's own credentials. */
  roleArn?: string;
  /** External id the role's trust policy asks for (`sts:ExternalId`). */
  externalId?: string;
}

/** Statuses of a service being deleted (DRAINING, then INACTIVE). */
const GONE_STATUSES: ReadonlySet<string> = new Set(['DRAINING', 'INACTIVE']);

/**
 * True for a service ECS is deleting. The ECS source lists such a service in `missing` and keeps
 * it in `services` too, so the reducer can say why it went; everyone else treats it as gone.
 *
 * @example
 * snapshot.services.filter((s) => !isGone(s.status)); // the live services
 */
export function isGone(status: string | undefined): boolean {
  return status !== undefined && GONE_STATUSES.has(status);
}
