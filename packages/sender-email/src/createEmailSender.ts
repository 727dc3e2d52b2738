import type { Logger, Sender } from '@mona-ecs/core';
import nodemailer from 'nodemailer';
import { classifyEmailError } from './classifyEmailError.js';
import { composeMail } from './composeMail.js';
import type { EmailSenderOptions } from './options.js';

/** What the email sender needs from its host; the runner passes `SenderContext`. */
export interface EmailSenderDeps {
  logger?: Logger;
}

/**
 * Creates a sender that emails each notification over one pooled SMTP transport. `close()`
 * closes the pool; it is idempotent.
 *
 * @example
 * const sender = createEmailSender({ transport: 'smtp://smtp.example.com:587', from: 'mona@example.com', to: ['ops@example.com'] });
 * await sender.send(notification, AbortSignal.timeout(10_000));
 * await sender.close();
 */
export function createEmailSender(options: EmailSenderOptions, deps: EmailSenderDeps = {}): Sender {
  // Pooled: one TLS handshake and AUTH for a burst of events, not one per email.
  const transport =
    typeof options.transport === 'string' ? { url: options.transport, pool: true as const } : { ...options.transport, pool: true as const };
  const transporter = nodemailer.createTransport(transport);
  let closed = false;
  return {
    async send(notification, signal) {
      if (closed) throw new Error('email sender is closed');
      let info: { rejected?: unknown[] };
      try {
        // nodemailer cancels a queued message or closes the connection carrying it on abort.
        info = await transporter.sendMail({ ...composeMail(notification, options), signal });
      } catch (error) {
        throw classifyEmailError(error, signal);
      }
      // Some recipients refused, others accepted: a retry would duplicate the accepted copies.
      if ((info.rejected ?? []).length > 0) {
        deps.logger?.warn({ notificationId: notification.id, rejected: info.rejected }, 'email: some recipients were rejected');
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      transporter.close();
    },
  };
}
