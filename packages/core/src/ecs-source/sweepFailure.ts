import type { ClusterRef, SweepFailure } from '../model/snapshot.js';
import { accountOf } from '../model/clusterKey.js';
import { classifyAwsError } from './classifyAwsError.js';

/**
 * A `SweepFailure` value from whatever was thrown, keeping only JSON-safe fields (the outcome
 * is logged, recorded and replayed). `code` is the SDK's error name (`ThrottlingException`,
 * `ClusterNotFoundException`, …) or a `MonaError`'s code; errors only the operator can fix (no
 * credentials) are classified once here, with a hint (`classifyAwsError`).
 *
 * @example
 * return sweepFailure({ cluster: 'prod', region: 'eu-west-1' }, Date.now(), error);
 */
export function sweepFailure(ref: ClusterRef, observedAt: number, error: unknown): SweepFailure {
  const classified = classifyAwsError(error);
  const e = classified instanceof Error ? classified : new Error(String(classified));
  const code = (e as { code?: unknown }).code;
  return {
    kind: 'failure',
    cluster: ref.cluster,
    region: ref.region,
    ...accountOf(ref),
    observedAt,
    error: { name: e.name, message: e.message, code: typeof code === 'string' ? code : e.name },
  };
}
