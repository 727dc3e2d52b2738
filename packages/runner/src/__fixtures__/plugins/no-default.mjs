// Exports a plugin, but not as the default export: the runner must say so.
export const plugin = {
  name: 'no-default',
  optionsSchema: { type: 'object' },
  create: () => ({ send: async () => {} }),
};
