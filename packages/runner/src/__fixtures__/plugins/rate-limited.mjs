// send() is refused with a 429 that asks to wait 30 s, as a throttled webhook answers.
export default {
  name: 'rate-limited',
  apiVersion: 2,
  optionsSchema: { type: 'object' },
  create() {
    return {
      send: () =>
        Promise.reject(
          Object.assign(new Error('webhook answered HTTP 429: slow down'), {
            code: 'MONA_SEND_RETRYABLE',
            retryable: true,
            retryAfterMs: 30_000,
          }),
        ),
    };
  },
};
