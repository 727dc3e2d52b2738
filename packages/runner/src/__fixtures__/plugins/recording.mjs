// A valid sender plugin that records what it sends on a global list, so tests see deliveries
// whichever module instance the runner imported.
const key = Symbol.for('mona.test.recording');
export function recorded() {
  globalThis[key] ??= [];
  return globalThis[key];
}

export default {
  name: 'recording',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['channel'],
    properties: {
      channel: { type: 'string' },
      token: { type: 'string', nullable: true },
      failWith: { type: 'string', nullable: true },
      delayMs: { type: 'integer', nullable: true },
    },
  },
  create(options, context) {
    return {
      async send(notification, signal) {
        if (options.delayMs) await new Promise((r) => globalThis.setTimeout(r, options.delayMs));
        if (options.failWith) {
          const error = new Error(`${options.failWith} (token ${options.token})`);
          error.retryable = false;
          throw error;
        }
        signal.throwIfAborted();
        recorded().push({ channel: options.channel, instanceName: context.instanceName, notification });
      },
      async close() {
        recorded().push({ channel: options.channel, closed: true });
      },
    };
  },
};
