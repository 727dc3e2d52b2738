/**
 * Poll `check` every 25 ms until it returns true, or fail after `timeoutMs` naming `what`.
 * `explain` adds what helps to debug a timeout (the process's stderr, what was received).
 * Every wait of the end-to-end tests is one of these: bounded, and as short as the system allows.
 *
 * @example
 * await until(() => slack.messages.length >= 3, 'three Slack messages');
 */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000, explain: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
