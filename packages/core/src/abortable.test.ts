import { describe, expect, it } from 'vitest';
import { abortable } from './abortable.js';

describe('abortable', () => {
  it('resolves with the work when the signal stays quiet', async () => {
    // Act
    const value = await abortable(Promise.resolve(42), new AbortController().signal);
    // Assess
    expect(value).toBe(42);
  });

  it('rejects with an AbortError as soon as the signal aborts work that never settles', async () => {
    // Prepare
    const controller = new AbortController();
    const pending = abortable(new Promise(() => undefined), controller.signal);
    // Act
    controller.abort(new Error('attempt timed out'));
    // Assess
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'request aborted: attempt timed out' });
  });

  it('rejects at once when the signal is already aborted', async () => {
    // Prepare
    const controller = new AbortController();
    controller.abort();
    // Act
    const pending = abortable(Promise.resolve(1), controller.signal);
    // Assess
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('passes the work error through unchanged', async () => {
    // Prepare
    const failure = new Error('boom');
    // Act
    const pending = abortable(Promise.reject(failure), new AbortController().signal);
    // Assess
    await expect(pending).rejects.toBe(failure);
  });
});
