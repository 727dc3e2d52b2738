import { delimiter } from 'node:path';

/**
 * The environment of a user's shell outside the repository: `npm test` runs us with the
 * workspace's `node_modules/.bin` on PATH and `npm_*` settings (prefix, workspace, user config)
 * that would quietly point the child npm and node back at the workspace. Both are removed, so
 * what works here works on a machine that never saw the repository.
 *
 * @example
 * const env = outsideEnv(process.env, '/work/mona', { NO_COLOR: '1' });
 */
export function outsideEnv(env: NodeJS.ProcessEnv, repoRoot: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_/i.test(key) || key === 'NODE_PATH' || key === 'NODE_OPTIONS' || key === 'INIT_CWD') continue;
    clean[key] = value;
  }
  const path = (env['PATH'] ?? '').split(delimiter).filter((entry) => entry !== '' && !entry.startsWith(repoRoot));
  return { ...clean, PATH: path.join(delimiter), ...extra };
}
