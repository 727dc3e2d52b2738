import { describe, expect, it } from 'vitest';
import { isSenderError } from '../errors.js';
import { recordingSender } from './recordingSender.js';
import { sampleNotifications } from './sampleNotifications.js';

const [first, second] = sampleNotifications();
const signal = () => new AbortController().signal;

describe('recordingSender', () => {
  it('records accepted notifications in order', async () => {
    const sender = recordingSender();

    await sender.send(first!, signal());
    await sender.send(second!, signal());

    expect(sender.sent.map((n) => n.id)).toEqual([first!.id, second!.id]);
  });

  it('fails the scripted number of attempts with a retryable error, then accepts', async () => {
    const sender = recordingSender().failNext(2);

    const outcomes = [];
    for (let i = 0; i < 3; i += 1)
      outcomes.push(
        await sender.send(first!, signal()).then(
          () => 'ok',
          (e: unknown) => e,
        ),
      );

    expect(outcomes.slice(0, 2).every((e) => isSenderError(e) && e.retryable)).toBe(true);
    expect(outcomes[2]).toBe('ok');
    expect(sender.attempts).toHaveLength(3);
    expect(sender.sent).toHaveLength(1);
  });

  it('rejects with a non-retryable error when told to', async () => {
    const sender = recordingSender().rejectNext();

    const error = await sender.send(first!, signal()).catch((e: unknown) => e);

    expect(isSenderError(error) && error.retryable).toBe(false);
  });

  it('hangs until the signal aborts', async () => {
    const sender = recordingSender().hangNext();
    const controller = new AbortController();

    const sending = sender.send(first!, controller.signal);
    controller.abort(new Error('timeout'));

    await expect(sending).rejects.toThrow('timeout');
    expect(sender.sent).toHaveLength(0);
  });

  it('resolves untilSent once enough notifications were accepted', async () => {
    const sender = recordingSender();
    const waiting = sender.untilSent(2);

    await sender.send(first!, signal());
    await sender.send(second!, signal());

    await expect(waiting).resolves.toBeUndefined();
  });

  it('counts close calls', async () => {
    const sender = recordingSender();

    await sender.close();
    await sender.close();

    expect(sender.closeCalls).toBe(2);
  });
});
