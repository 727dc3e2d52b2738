import { defineSender } from '@mona-ecs/core';
import type { SenderPlugin } from '@mona-ecs/core';
import { formatConsoleLine } from './formatConsoleLine.js';

/** Options of the console sender. */
export interface ConsoleSenderOptions {
  /** ANSI colours; default: when the stream is a TTY and NO_COLOR is not set. */
  color?: boolean | null;
  /** Where lines go. Default `stdout`. */
  stream?: 'stdout' | 'stderr' | null;
}

const optionsSchema: SenderPlugin<ConsoleSenderOptions>['optionsSchema'] = {
  type: 'object',
  properties: {
    color: { type: 'boolean', nullable: true },
    stream: { type: 'string', enum: ['stdout', 'stderr'], nullable: true },
  },
  required: [],
  additionalProperties: false,
};

/** Colour only for a person at a terminal: the NO_COLOR convention (any non-empty value) wins. */
function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env['NO_COLOR'] ?? '') === '';
}

/**
 * A sender that prints one readable line per notification (see `formatConsoleLine`): the demo's
 * sender, and handy to try a config locally. A plugin like any other, loaded by path, so
 * `mona demo` runs through the same plugin loading as `mona run`.
 *
 * @example
 * // in a config: { "plugin": "<path to>/console/consoleSender.js", "options": { "color": false } }
 * const sender = await consoleSender.create({ color: false }, context);
 * await sender.send(notification, signal); // 14:02:11 ✔ api: deployment done (demo)  ✅ `api` deployment done …
 */
export const consoleSender = defineSender<ConsoleSenderOptions>({
  name: 'console',
  optionsSchema,
  create(options) {
    const stream = options.stream === 'stderr' ? process.stderr : process.stdout;
    const color = options.color ?? wantsColor(stream, process.env);
    return {
      async send(notification) {
        stream.write(`${formatConsoleLine(notification, { color, at: Date.now() })}\n`);
      },
    };
  },
});

export default consoleSender;
