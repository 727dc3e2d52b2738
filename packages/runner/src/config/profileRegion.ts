import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The region of the active AWS profile in the shared config file (`AWS_CONFIG_FILE`, else
 * `~/.aws/config`; profile `AWS_PROFILE`, else `default`), as the SDK would find it. Read
 * synchronously, at config time, so a missing region is still reported before anything starts.
 * Undefined when there is no such file, profile or `region` key.
 *
 * @example
 * profileRegion({ AWS_PROFILE: 'prod' }); // 'eu-west-1' from `[profile prod]` in ~/.aws/config
 */
export function profileRegion(env: Readonly<Record<string, string | undefined>>, home: string = homedir()): string | undefined {
  const file = env['AWS_CONFIG_FILE'] || join(home, '.aws', 'config');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const profile = env['AWS_PROFILE'] || 'default';
  const wanted = new Set(profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`]);
  let inProfile = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const section = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (section) inProfile = wanted.has(section[1]!.replace(/\s+/g, ' '));
    else if (inProfile) {
      const entry = /^region\s*=\s*(\S+)$/.exec(line);
      if (entry) return entry[1];
    }
  }
  return undefined;
}
