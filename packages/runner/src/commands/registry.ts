import type { Command } from './Command.js';
import { demo } from './demo.js';
import { replay } from './replay.js';
import { run } from './run.js';
import { testSender } from './testSender.js';
import { validate } from './validate.js';
import { wait } from './wait.js';

/**
 * The `mona` sub-commands by name. A new command is one file in this folder plus one line here.
 *
 * @example
 * const command = commands.get('validate');
 */
export const commands: ReadonlyMap<string, Command> = new Map([run, validate, testSender, demo, wait, replay].map((c) => [c.name, c]));
