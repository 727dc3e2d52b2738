import { checkAccess } from '@mona-ecs/core/ecs';
import { loadConfig } from '../config/loadConfig.js';
import { ecsClientOptionsOf } from '../monitor/monitorOptionsOf.js';
import { accessTable } from './accessTable.js';
import { loadFormatter } from '../plugins/loadFormatter.js';
import { loadSenders } from '../plugins/createSenders.js';
import type { Command } from './Command.js';
import { requireConfigFlag } from './requireConfigFlag.js';

/**
 * `mona validate --config FILE`: check the config, load every plugin, check its options and the
 * formatter, without creating senders or calling AWS; with `--check-aws`, also try each role and
 * each cluster once and print what works (`checkAccess`, `accessTable`).
 *
 * @example
 * await validate.run({ config: 'mona.json' }, [], io); // 0, or throws a ConfigError (exit 2)
 */
export const validate: Command = {
  name: 'validate',
  summary: 'check a config file, its plugins, their options and the formatter',
  usage: [
    'Usage: mona validate --config FILE [--check-aws]',
    '',
    'Checks the config against mona.schema.json (every problem at once, with its JSON path),',
    'resolves ${env:NAME} placeholders and regions, loads each sender plugin and validates its',
    'options, and loads the formatter. Creates no sender and calls no AWS API, unless --check-aws.',
    '',
    'Options:',
    '  -c, --config FILE   the config file; - reads it from stdin; without it, the JSON in MONA_CONFIG',
    '      --check-aws     also try each role once (AssumeRole, GetCallerIdentity) and each cluster once',
    '                      (ListServices, DescribeServices) and print a table of what works',
    '  -h, --help          this help',
    '',
    'Exit codes: 0 valid (and, with --check-aws, every cluster reachable), 1 some cluster unreachable, 2 invalid.',
  ].join('\n'),
  options: { config: { type: 'string', short: 'c' }, 'check-aws': { type: 'boolean' } },
  async run(flags, _positionals, io) {
    const config = await loadConfig(requireConfigFlag(flags, 'validate', io.env), io.env, io.stdin);
    const senders = await loadSenders(config);
    await loadFormatter(config);
    const clusters = config.clusters.map((c) => `${c.cluster} (${c.account ? `${c.account} ` : ''}${c.region})`).join(', ');
    const plugins = senders.map((s) => `${s.config.instanceName} → ${s.plugin.name}`);
    io.stdout.write(`config OK: ${config.source}\n  clusters: ${clusters}\n`);
    io.stdout.write(`  senders: ${plugins.length === 0 ? 'none (events are only logged)' : plugins.join(', ')}\n`);
    if (flags['check-aws'] !== true) return 0;
    const checks = await checkAccess(config.clusters, ecsClientOptionsOf(config));
    io.stdout.write(`\n${accessTable(checks)}`);
    return checks.every((c) => c.identity.ok && c.ecs.ok) ? 0 : 1;
  },
};
