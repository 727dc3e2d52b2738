import type { AccessCheck, CheckStep } from '@mona-ecs/core/ecs';

/**
 * The `mona validate --check-aws` table: one row per cluster with its account, region, role and
 * what each step found (`ok`, or the error code), then one line per failure with its message,
 * so the fix (for a role: the trust policy and the external id) is on screen.
 *
 * @example
 * io.stdout.write(accessTable(await checkAccess(config.clusters, options)));
 */
export function accessTable(checks: readonly AccessCheck[]): string {
  const header = ['ACCOUNT', 'REGION', 'CLUSTER', 'ROLE', 'IDENTITY', 'ECS'];
  const rows = checks.map((c) => [
    c.ref.account ?? '(own)',
    c.ref.region,
    c.ref.cluster,
    c.ref.roleArn ?? '(own credentials)',
    cell(c.identity),
    cell(c.ecs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const problems = checks.flatMap((c) =>
    [c.identity, c.ecs].flatMap((step) =>
      step.ok || step.code === 'SKIPPED'
        ? []
        : [`  ${c.ref.account ?? '(own)'} ${c.ref.region}/${c.ref.cluster}: ${step.code}: ${step.message}`],
    ),
  );
  const ok = checks.filter((c) => c.identity.ok && c.ecs.ok).length;
  const summary = `${ok} of ${checks.length} cluster${checks.length === 1 ? '' : 's'} reachable`;
  return [line(header), ...rows.map(line), '', summary, ...(problems.length ? ['', 'Problems:', ...problems] : []), ''].join('\n');
}

function cell(step: CheckStep): string {
  return step.ok ? 'ok' : step.code;
}
