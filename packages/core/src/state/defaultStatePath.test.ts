import { describe, expect, it } from 'vitest';
import { defaultStatePath } from './defaultStatePath.js';

describe('defaultStatePath', () => {
  it.each([
    ['MONA_STATE_DIR first', { MONA_STATE_DIR: '/var/lib/mona', XDG_STATE_HOME: '/x' }, 'linux', '/var/lib/mona/state.json'],
    ['XDG_STATE_HOME on Linux', { XDG_STATE_HOME: '/home/op/.state' }, 'linux', '/home/op/.state/mona/state.json'],
    ['~/.local/state on Linux', { XDG_STATE_HOME: '' }, 'linux', '/home/op/.local/state/mona/state.json'],
    ['Application Support on macOS', {}, 'darwin', '/home/op/Library/Application Support/mona/state.json'],
  ] as const)('uses %s', (_, env, platform, expected) => {
    expect(defaultStatePath(env, platform, '/home/op')).toBe(expected);
  });
});
