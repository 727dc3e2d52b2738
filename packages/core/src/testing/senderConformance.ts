import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Sender, SenderPlugin } from '../sender/types.js';
import { validateSenderOptions } from '../sender/validateSenderOptions.js';
import { conformanceChecks, type ConformanceCheck } from './conformanceChecks.js';
import { recordingLogger } from './recordingLogger.js';
import type { SenderHarness } from './senderHarness.js';

/**
 * Register the sender conformance suite: call it at the top level of a Vitest test file. Every
 * sender, ours or a third party's, runs it against itself with a harness that fakes its channel.
 * `setup`/`teardown` run once around the suite; before each check the harness is `reset` and
 * told to answer `ok`, and a fresh sender is created from `validOptions()` (closed afterwards).
 *
 * @example
 * // sender.conformance.test.ts
 * import { senderConformance } from '@mona-ecs/core/testing';
 * import plugin from './index.js';
 * senderConformance(plugin, harness);
 */
export function senderConformance<O>(plugin: SenderPlugin<O>, harness: SenderHarness<O>): void {
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
 * with the failed expectation.
 *
 * @example
 * await expect(runConformanceCheck(check, plugin, harness)).rejects.toThrow(/not retryable/);
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
    const instance = await plugin.create(options, { logger: recordingLogger(), instanceName: `senders[0]:${plugin.name}` });
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
