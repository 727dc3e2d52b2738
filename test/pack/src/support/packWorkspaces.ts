import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecked } from './runCommand.js';

/** One tarball as `npm pack --json` describes it. */
export interface PackedPackage {
  name: string;
  version: string;
  /** Absolute path of the .tgz. */
  tarball: string;
  /** Paths inside the package, as they will be installed. */
  files: string[];
}

interface Manifest {
  name: string;
  private?: boolean;
  workspaces?: string[];
}

/**
 * The folders of every workspace that is published (not `private`), from the root package.json
 * (`dir/*` patterns, as ours are), so a new package is packed and installed by the test without
 * editing it.
 *
 * @example
 * publishedWorkspaces('/work/mona'); // ['examples/sender-webhook', 'packages/core', …]
 */
export function publishedWorkspaces(repoRoot: string): string[] {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const folders = (root.workspaces ?? []).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(repoRoot, parent)).map((name) => `${parent}/${name}`);
  });
  return folders.filter((folder) => {
    const file = join(repoRoot, folder, 'package.json');
    return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as Manifest).private !== true;
  });
}

/**
 * `npm pack` the given workspaces into `destination`, as `npm publish` would upload them.
 *
 * @example
 * const packed = await packWorkspaces(repoRoot, ['packages/core'], '/tmp/x', env);
 */
export async function packWorkspaces(
  repoRoot: string,
  folders: readonly string[],
  destination: string,
  env: NodeJS.ProcessEnv,
): Promise<PackedPackage[]> {
  const args = ['pack', '--json', '--pack-destination', destination, ...folders.flatMap((f) => ['--workspace', f])];
  const { stdout } = await runChecked('npm', args, { cwd: repoRoot, env, timeoutMs: 120_000 });
  const report = JSON.parse(stdout) as Array<{ name: string; version: string; filename: string; files: Array<{ path: string }> }>;
  return report.map((p) => ({
    name: p.name,
    version: p.version,
    tarball: join(destination, p.filename),
    files: p.files.map((f) => f.path),
  }));
}
