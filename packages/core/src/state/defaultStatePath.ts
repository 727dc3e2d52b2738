import { homedir } from 'node:os';
import { join } from 'node:path';

/** The state file's name inside the state directory. */
export const STATE_FILE_NAME = 'state.json';

/**
 * Where the file store lives when the config does not say: `$MONA_STATE_DIR/state.json`, else
 * the per-user state directory (Linux: `$XDG_STATE_HOME/mona`, by default `~/.local/state/mona`;
 * macOS: `~/Library/Application Support/mona`; Windows: `%LOCALAPPDATA%\mona\State`).
 * env-paths has no "state" directory (its `log` is XDG_STATE_HOME), so these few lines are ours.
 *
 * @example
 * defaultStatePath({ MONA_STATE_DIR: '/var/lib/mona' }); // '/var/lib/mona/state.json'
 */
export function defaultStatePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  const dir = nonEmpty(env.MONA_STATE_DIR) ?? userStateDir(env, platform, home);
  return join(dir, STATE_FILE_NAME);
}

function userStateDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'mona');
  if (platform === 'win32') return join(nonEmpty(env.LOCALAPPDATA) ?? join(home, 'AppData', 'Local'), 'mona', 'State');
  return join(nonEmpty(env.XDG_STATE_HOME) ?? join(home, '.local', 'state'), 'mona');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
