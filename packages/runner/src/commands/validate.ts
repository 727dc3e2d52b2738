import { loadConfig } from '../config/loadConfig.js';
import { loadFormatter } from '../plugins/loadFormatter.js';
import { loadSenders } from '../plugins/createSenders.js';
import type { Command } from './Command.js';
import { requireConfigFlag } from './requireConfigFlag.js';

/**
 * `mona validate --config FILE`: check the config, load every plugin, check its options and the
 * formatter, without creating senders or calling AWS.
 *
 * @example
 * await validate.run({ config: 'mona.json' }, [], io); // 0, or throws a ConfigError (exit 2)
 */
export const validate: Command = {
  name: 'validate',
  summary: 'check a config file, its plugins, their options and the formatter',
  usage: [
    'Usage: mona validate --config FILE',
    '',
    'Checks the config against mona.schema.json (every problem at once, with its JSON path),',
    'resolves ${env:NAME} placeholders and regions, loads each sender plugin and validates its',
    'options, and loads the formatter. Creates no sender and calls no AWS API.',
    '',
    'Options:',
    '  -c, --config FILE   the config file; - reads it from stdin; without it, the JSON in MONA_CONFIG',
    '  -h, --help          this help',
    '',
    'Exit codes: 0 valid, 2 invalid.',
  ].join('\n'),
  options: { config: { type: 'string', short: 'c' } },
  async run(flags, _positionals, io) {
    const config = await loadConfig(requireConfigFlag(flags, 'validate', io.env), io.env, io.stdin);
    const senders = await loadSenders(config);
    await loadFormatter(config);
    const clusters = config.clusters.map((c) => `${c.cluster} (${c.region})`).join(', ');
    const plugins = senders.map((s) => `${s.config.instanceName} → ${s.plugin.name}`);
    io.stdout.write(`config OK: ${config.source}\n  clusters: ${clusters}\n`);
    io.stdout.write(`  senders: ${plugins.length === 0 ? 'none (events are only logged)' : plugins.join(', ')}\n`);
    return 0;
  },
};
