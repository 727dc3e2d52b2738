import { SenderError } from '@mona-ecs/core';

/** nodemailer and Node error codes after which the same message can go through later. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EPROXY',
  'EPROTOCOL',
  'EMAXLIMIT',
  'EABORT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** Codes that mean the configuration is wrong, with what to fix. */
const CONFIG_FIXES: Record<string, string> = {
  EAUTH: "the SMTP server rejected the credentials: check transport.auth (user and password) or the URL's user:password",
  ENOAUTH: 'the SMTP server requires authentication: add transport.auth (user and password)',
  EOAUTH2: 'the OAuth2 token could not be generated: check transport.auth (clientId, clientSecret, refreshToken)',
  ETLS: 'the TLS handshake failed: check transport.secure/port (465 is implicit TLS, 587 uses STARTTLS) and transport.tls',
  EREQUIRETLS: 'the SMTP server does not support REQUIRETLS: drop requireTLS from the message options or use another server',
  EENVELOPE: 'the envelope was refused: check the from, to and cc addresses',
  EMAXRECIPIENTS: 'too many recipients for this server: split the to/cc lists over several senders',
  ECONFIG: 'the transport options are invalid: check transport',
};

/** What to fix for permanent SMTP replies, by reply code. */
const REPLY_FIXES: Record<number, string> = {
  530: 'the SMTP server requires authentication: add transport.auth',
  534: 'the SMTP server refuses this authentication mechanism: use an app password or another auth method',
  535: 'the SMTP server rejected the credentials: check transport.auth (user and password)',
  550: 'a recipient was rejected (mailbox unavailable or relaying denied): check to/cc, or allow relaying for the from address',
  551: 'a recipient is not local to the server: check to/cc',
  552: "the message exceeds the server's size limit",
  553: 'an address was refused as not allowed: check from (the server may only allow its own domain) and to/cc',
  554: 'the server refused the message (policy or spam filter): check with the mail administrator',
  555: 'the server refused a MAIL FROM/RCPT TO parameter: check from, to and cc',
};

interface MailErrorFacts {
  code: string | undefined;
  responseCode: number | undefined;
  response: string;
}

/**
 * Classifies a nodemailer error for the delivery queue. SMTP 4xx replies, refused or reset
 * connections, timeouts and aborted attempts are retryable; 5xx replies (except 503, a
 * session-state error) and authentication failures are not, and say what to fix.
 *
 * @example
 * try { await transporter.sendMail(mail); } catch (error) { throw classifyEmailError(error); }
 */
export function classifyEmailError(error: unknown, signal?: AbortSignal): SenderError {
  const { code, responseCode, response } = facts(error);
  const what = `${code ?? 'error'}${responseCode !== undefined ? ` ${responseCode}` : ''}: ${response}`;
  if (signal?.aborted === true || code === 'EABORT') {
    return new SenderError(`email not sent, the attempt was aborted (timed out): ${what}`, { retryable: true, cause: error });
  }
  if (responseCode !== undefined && responseCode >= 400) {
    const permanent = responseCode >= 500 && responseCode !== 503;
    if (!permanent) return new SenderError(`SMTP server deferred the email, will retry (${what})`, { retryable: true, cause: error });
    const fix =
      REPLY_FIXES[responseCode] ?? (code !== undefined ? CONFIG_FIXES[code] : undefined) ?? 'the SMTP server refused the email for good';
    return new SenderError(`SMTP ${responseCode}: ${fix} (${what})`, { retryable: false, cause: error });
  }
  const configFix = code !== undefined ? CONFIG_FIXES[code] : undefined;
  if (configFix !== undefined) return new SenderError(`${configFix} (${what})`, { retryable: false, cause: error });
  const transient = code === undefined || TRANSIENT_CODES.has(code);
  return new SenderError(`email not sent${transient ? ', will retry' : ''} (${what})`, { retryable: transient, cause: error });
}

/** Reads nodemailer's error shape (`code`, `responseCode`, `response`, `originalCode`) defensively. */
function facts(error: unknown): MailErrorFacts {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const response = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(error);
  return {
    code: typeof e.code === 'string' ? e.code : undefined,
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
    response: response.replace(/\s+/g, ' ').trim(),
  };
}
