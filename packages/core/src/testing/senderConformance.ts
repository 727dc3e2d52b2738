import type { Sender, SenderPlugin } from '../sender/types.js';
import { validateSenderOptions } from '../sender/validateSenderOptions.js';
import { conformanceChecks, type ConformanceCheck } from './conformanceChecks.js';
import { senderContext } from './senderContext.js';
import type { SenderHarness } from './senderHarness.js';

/**
 * Vitest, when it is there: only `senderConformance` needs it, so the rest of the testing kit
 * (fakes, builders, `runConformanceCheck`) loads and runs without it, under any runner.
 */
const vitest = await import('vitest').catch(() => undefined);

/**
 * Register the sender conformance suite: call it at the top level of a Vitest test file. Every
 * sender, ours or a third party's, runs it against itself with a harness that fakes its channel.
 * `setup`/`teardown` run once around the suite; before each check the harness is `reset` and
 * told to answer `ok`, and each sender is created from `validOptions()` (closed afterwards).
 * Without Vitest, run the checks with `conformanceChecks` and `runConformanceCheck`.
 *
 * @example
 * // sender.conformance.test.ts
 * import { senderConformance } from '@mona-ecs/core/testing';
 * import plugin from './index.js';
 * senderConformance(plugin, harness);
 */
export function senderConformance<O>(plugin: SenderPlugin<O>, harness: SenderHarness<O>): void {
  if (vitest === undefined) {
    throw new Error('senderConformance registers Vitest tests: install vitest, or run conformanceChecks() with runConformanceCheck()');
  }
  const { afterAll, beforeAll, describe, it } = vitest;
  describe(`sender conformance: ${plugin.name}`, () => {
    beforeAll(async () => {
      await harness.setup?.();
    });
    afterAll(async () => {
      await harness.teardown?.();
    });
    for (const check of conformanceChecks(plugin, harness)) {
      it(check.name, () => runConformanceCheck(check, plugin, harness));
    }
  });
}

/**
 * Run one check outside Vitest's registration (the harness must already be set up). Rejects
 * with a `ConformanceFailure` saying what the sender does wrong.
 *
 * @example
 * await runConformanceCheck(check, plugin, harness); // ConformanceFailure: a rejected answer must be not retryable, …
 */
export async function runConformanceCheck<O>(
  check: ConformanceCheck<O>,
  plugin: SenderPlugin<O>,
  harness: SenderHarness<O>,
): Promise<void> {
  await harness.reset?.();
  await harness.respond('ok');
  const created: Sender[] = [];
  const sender = async (): Promise<Sender> => {
    const options = validateSenderOptions(plugin, await harness.validOptions());
    const instance = await plugin.create(options, senderContext({ instanceName: `senders[0]:${plugin.name}` }));
    created.push(instance);
    return instance;
  };
  try {
    await check.run({ plugin, harness, sender });
  } finally {
    // Leave the channel answering again, so the close below cannot hang on a hung channel.
    await harness.respond('ok');
    for (const instance of created) await instance.close?.();
  }
}
