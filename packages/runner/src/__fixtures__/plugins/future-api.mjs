// A plugin written for a sender API newer than this runner hosts.
export default {
  name: 'future',
  apiVersion: 99,
  optionsSchema: { type: 'object' },
  create() {
    return { send: () => Promise.resolve() };
  },
};
