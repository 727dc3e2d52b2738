import type { SenderPlugin } from '@mona-ecs/core';

/**
 * Options of the email sender, as written in the runner config.
 *
 * @example
 * const options: EmailSenderOptions = {
 *   transport: 'smtps://mona:${env:SMTP_PASSWORD}@smtp.example.com',
 *   from: 'Mona <mona@example.com>',
 *   to: ['ops@example.com'],
 * };
 */
export interface EmailSenderOptions {
  /** nodemailer SMTP options (`host`, `port`, `secure`, `auth`, `tls`, …) or an `smtp://`/`smtps://` URL. Always pooled. */
  transport: string | Record<string, unknown>;
  /** Sender address, e.g. `Mona <mona@example.com>`. */
  from: string;
  /** Recipients (at least one). */
  to: string[];
  /** Carbon-copy recipients. */
  cc?: string[];
  /** Put before the title in the subject; default `[mona]`; `""` for none. */
  subjectPrefix?: string;
}

export const DEFAULT_SUBJECT_PREFIX = '[mona]';

const address = { type: 'string', minLength: 3, pattern: '@' } as const;

/**
 * JSON Schema of {@link EmailSenderOptions}; unknown keys are rejected. The `transport` object is
 * nodemailer's own SMTP options, so its keys are left to nodemailer (there are dozens).
 *
 * @example
 * new Ajv().validate(emailOptionsSchema, { transport: 'smtp://localhost:25', from: 'a@b.c', to: ['d@e.f'] }); // true
 */
export const emailOptionsSchema: SenderPlugin<EmailSenderOptions>['optionsSchema'] = {
  type: 'object',
  properties: {
    transport: {
      oneOf: [
        { type: 'string', pattern: '^smtps?://' },
        { type: 'object', required: [], additionalProperties: true },
      ],
    },
    from: address,
    to: { type: 'array', items: address, minItems: 1 },
    cc: { type: 'array', items: address, nullable: true },
    subjectPrefix: { type: 'string', nullable: true },
  },
  required: ['transport', 'from', 'to'],
  additionalProperties: false,
};
