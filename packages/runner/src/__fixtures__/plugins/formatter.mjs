// A partial formatter module for the `formatter` config key.
export default {
  deploy: (state) => `custom deploy of ${state.service}`,
};
