/**
 * @mona-ecs/sender-email: emails Mona notifications over SMTP (nodemailer, pooled), with a plain-text
 * and an HTML body.
 */
import type { ValidateFunction } from 'ajv';
import { defineSender, type SenderPace } from '@mona-ecs/core';
import { createEmailSender } from './createEmailSender.js';
import { emailOptionsSchema, type EmailSenderOptions } from './options.js';
import * as generated from './optionsValidator.generated.js';

/**
 * The pace the delivery queue keeps to: 2 emails a second after a burst of 5, under the common
 * SMTP relay limits (Amazon SES starts at 1–14 a second, many relays throttle per minute) and
 * what an inbox can take; a larger backlog is grouped. Override with the sender's `delivery.pace`.
 */
export const EMAIL_PACE: Readonly<SenderPace> = Object.freeze({ messagesPerSecond: 2, burst: 5 });

/**
 * The plugin the runner loads from `"plugin": "@mona-ecs/sender-email"`.
 *
 * @example
 * { "plugin": "@mona-ecs/sender-email", "options": { "transport": "smtps://mona:${env:SMTP_PASSWORD}@smtp.example.com", "from": "mona@example.com", "to": ["ops@example.com"] } }
 */
const emailSender = defineSender<EmailSenderOptions>({
  name: 'email',
  optionsSchema: emailOptionsSchema,
  // Precompiled: the host loads no ajv for this sender (optionsValidator.test.ts keeps it in step with the schema).
  validateOptions: generated.validate as unknown as ValidateFunction<EmailSenderOptions>,
  create: (options, context) => Object.assign(createEmailSender(options, { logger: context.logger }), { pace: EMAIL_PACE }),
});
export default emailSender;

export { createEmailSender } from './createEmailSender.js';
export type { EmailSenderDeps } from './createEmailSender.js';
export { DEFAULT_SUBJECT_PREFIX, emailOptionsSchema } from './options.js';
export type { EmailSenderOptions } from './options.js';
export { composeMail } from './composeMail.js';
export type { ComposedMail } from './composeMail.js';
export { classifyEmailError } from './classifyEmailError.js';
export { escapeHtml } from './escapeHtml.js';
