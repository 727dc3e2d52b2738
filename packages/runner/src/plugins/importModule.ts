import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RunnerError, RunnerErrorCode } from '../errors.js';
import { resolve as resolveImport } from 'import-meta-resolve';

/** What the user wrote (`spec`) and where it was written (`configPath`), for resolution and errors. */
export interface ModuleRequest {
  spec: string;
  configPath: string;
  /** Who asked, for messages: `senders[0]` or `formatter`. */
  owner: string;
}

/** True for `./x.js`, `../x`, `/abs/x`: resolved against the config file's directory. */
export function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec);
}

/**
 * Import a module named in the config: a path relative to the config file, or a package name
 * resolved from the config file's directory first (so a plugin installed next to the config
 * wins), then from the runner's own dependencies.
 *
 * @example
 * const mod = await importModule({ spec: '@mona-ecs/sender-slack', configPath: '/etc/mona/mona.json', owner: 'senders[0]' });
 */
export async function importModule(request: ModuleRequest): Promise<Record<string, unknown>> {
  const target = locate(request);
  try {
    return (await import(target)) as Record<string, unknown>;
  } catch (cause) {
    if (isNotFound(cause) && !isPathSpec(request.spec) && target === request.spec) throw notFound(request, cause);
    throw new RunnerError(
      RunnerErrorCode.pluginLoadFailed,
      `${request.owner} "${request.spec}" was found but importing it failed: ${(cause as Error).message}; fix or reinstall the module`,
      { cause },
    );
  }
}

/** A file URL when the module can be located, else the bare name for the runner's own import(). */
function locate(request: ModuleRequest): string {
  const configDir = dirname(request.configPath);
  if (isPathSpec(request.spec)) {
    const path = resolve(configDir, request.spec);
    if (!existsSync(path)) throw notFound(request);
    return pathToFileURL(statSync(path).isDirectory() ? resolveDirectory(path, request) : path).href;
  }
  // Node's own ESM resolution as if the config file imported it (import conditions, `exports`
  // subpaths and patterns): require's resolution misses ESM-only packages, and Node 20 has no
  // `import.meta.resolve(spec, parent)` without a flag.
  const installed = resolveFromConfigDir(request.spec, configDir);
  if (installed !== undefined) return installed;
  try {
    return pathToFileURL(createRequire(join(configDir, 'noop.js')).resolve(request.spec)).href;
  } catch {
    // Not installed next to the config: fall back to the runner's own node_modules.
    return request.spec;
  }
}

/** The file URL `import(spec)` would load from a module in `dir`, or undefined when nothing there provides it. */
function resolveFromConfigDir(spec: string, dir: string): string | undefined {
  try {
    const url = resolveImport(spec, pathToFileURL(join(dir, 'noop.js')).href);
    return url.startsWith('file:') ? url : undefined;
  } catch {
    // Not resolvable from the config's directory (not installed, or not exported): the callers
    // below try require's resolution, then the runner's own dependencies, and report what fails.
    return undefined;
  }
}

/** A directory is a package: use its package.json entry point (CommonJS rules find "main"). */
function resolveDirectory(path: string, request: ModuleRequest): string {
  try {
    return createRequire(join(path, 'noop.js')).resolve(path);
  } catch (cause) {
    throw notFound(request, cause);
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
}

function notFound(request: ModuleRequest, cause?: unknown): RunnerError {
  const where = isPathSpec(request.spec)
    ? `no file at ${resolve(dirname(request.configPath), request.spec)} (paths are relative to the config file)`
    : `not installed next to ${request.configPath} nor with mona; run \`npm install ${request.spec}\``;
  return new RunnerError(RunnerErrorCode.pluginNotFound, `${request.owner} "${request.spec}": ${where}`, { cause });
}
