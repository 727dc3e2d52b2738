// send() never settles and ignores its AbortSignal, as a sender stuck on a dead connection does.
export default {
  name: 'hangs',
  optionsSchema: { type: 'object' },
  create() {
    return { send: () => new Promise(() => {}) };
  },
};
