import { describe, expect, it } from 'vitest';
import { SenderError, isSenderError } from '../errors.js';
import { sampleNotifications } from '../testing/sampleNotifications.js';
import { fromMessageSender } from './fromMessageSender.js';

const [notification] = sampleNotifications();
const signal = () => new AbortController().signal;

describe('fromMessageSender', () => {
  it('passes the notification text to the original sender', async () => {
    const received: string[] = [];
    const sender = fromMessageSender({ send: (message) => void received.push(message) });

    await sender.send(notification!, signal());

    expect(received).toEqual([notification!.text]);
  });

  it('classifies an unknown error as retryable and keeps it as the cause', async () => {
    const original = new Error('socket hang up');
    const sender = fromMessageSender({ send: () => Promise.reject(original) });

    const error = await sender.send(notification!, signal()).catch((e: unknown) => e);

    expect(isSenderError(error) && error.retryable).toBe(true);
    expect((error as Error).cause).toBe(original);
  });

  it('keeps the classification of a SenderError', async () => {
    const sender = fromMessageSender({
      send: () => {
        throw new SenderError('bad token', { retryable: false });
      },
    });

    const error = await sender.send(notification!, signal()).catch((e: unknown) => e);

    expect(error).toMatchObject({ retryable: false, message: 'bad token' });
  });

  it('stops waiting when the signal aborts', async () => {
    const sender = fromMessageSender({ send: () => new Promise(() => undefined) });
    const controller = new AbortController();

    const sending = sender.send(notification!, controller.signal);
    controller.abort(new Error('timed out'));

    await expect(sending).rejects.toMatchObject({ retryable: true });
  });

  it('closes the original sender once, however often it is closed', async () => {
    let closes = 0;
    const sender = fromMessageSender({ send: () => undefined, close: () => void (closes += 1) });

    await sender.close?.();
    await sender.close?.();

    expect(closes).toBe(1);
  });
});
