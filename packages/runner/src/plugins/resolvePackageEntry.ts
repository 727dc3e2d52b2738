import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The conditions Node's `import()` matches, in the order an `exports` object is read. */
const IMPORT_CONDITIONS: ReadonlySet<string> = new Set(['import', 'node', 'module-sync', 'default']);

/**
 * Find the file that `import(spec)` would load if it were written in a module of `fromDir`:
 * the package in the nearest `node_modules` up the tree, its `exports` read with the `import`
 * conditions, else its `main`, else `index.js`. `createRequire().resolve()` cannot do this: it
 * matches the `require` conditions only, so an ESM-only plugin (`"exports": { "import": … }`)
 * installed next to the config would be missed. Node 20 has no `import.meta.resolve(spec, parent)`
 * without a flag. Returns undefined when no installed package provides `spec`.
 *
 * @example
 * resolvePackageEntry('@acme/mona-sender-teams', '/etc/mona'); // '/etc/mona/node_modules/@acme/mona-sender-teams/lib/index.js'
 */
export function resolvePackageEntry(spec: string, fromDir: string): string | undefined {
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = ['.', ...parts.slice(nameLength)].join('/');
  // Walks up to the filesystem root at most: bounded by the path's depth.
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const packageDir = join(dir, 'node_modules', name);
    const manifestPath = join(packageDir, 'package.json');
    if (existsSync(manifestPath)) return entryOf(packageDir, readManifest(manifestPath), subpath);
    if (dirname(dir) === dir) return undefined;
  }
}

interface Manifest {
  exports?: unknown;
  main?: unknown;
}

function readManifest(path: string): Manifest {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as Manifest) : {};
  } catch {
    // An unreadable manifest: let import() of the bare name report the real problem.
    return {};
  }
}

function entryOf(packageDir: string, manifest: Manifest, subpath: string): string | undefined {
  if (manifest.exports !== undefined && manifest.exports !== null) {
    const target = pickTarget(exportsEntry(manifest.exports, subpath));
    return target === undefined ? undefined : join(packageDir, target);
  }
  if (subpath !== '.') return join(packageDir, subpath);
  return join(packageDir, typeof manifest.main === 'string' ? manifest.main : 'index.js');
}

/** The `exports` value for a subpath; a string, array or conditions object stands for ".". */
function exportsEntry(exports: unknown, subpath: string): unknown {
  const isSubpathMap =
    exports !== null && typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? exports : undefined;
  return (exports as Record<string, unknown>)[subpath];
}

function pickTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return target.map(pickTarget).find((t) => t !== undefined);
  if (target === null || typeof target !== 'object') return undefined;
  for (const [condition, value] of Object.entries(target)) {
    if (!IMPORT_CONDITIONS.has(condition)) continue;
    const picked = pickTarget(value);
    if (picked !== undefined) return picked;
  }
  return undefined;
}
