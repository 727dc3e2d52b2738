// A default export without create(): not a sender plugin.
export default { name: 'missing-create', optionsSchema: { type: 'object' } };
