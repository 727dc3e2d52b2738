/**
 * A duration in seconds as people say it: `45s`, `3m 5s`, `1h 2m`. Negative or non-finite
 * values (clock skew, missing data) read as `0s` rather than nonsense.
 *
 * @example
 * formatDuration(185); // '3m 5s'
 */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  if (m > 0) return s > 0 ? `${m}m ${s}s` : `${m}m`;
  return `${s}s`;
}
