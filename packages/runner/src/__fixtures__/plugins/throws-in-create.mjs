// create() rejects, as a plugin does when its options are well-formed but unusable.
export default {
  name: 'throws-in-create',
  optionsSchema: { type: 'object' },
  create() {
    throw new Error('cannot reach the mail server');
  },
};
