// create() rejects quoting its options, as an SDK does with a URL it cannot parse.
export default {
  name: 'quotes-url-in-create',
  optionsSchema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
  create(options) {
    const error = new Error(`cannot connect to ${options.url}`);
    throw error;
  },
};
