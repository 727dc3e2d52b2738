/** The parts of a received email the tests look at. */
export interface ReceivedMail {
  headers: Record<string, string>;
  /** The text/plain part, decoded. */
  text: string;
  /** The text/html part, decoded. */
  html: string;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  // Literal % must survive decodeURIComponent: encode the ones that are not ours first.
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return headers;
}

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  return { headers: parseHeaders(head), body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** The leaf parts of a MIME entity, with their headers. */
function leaves(raw: string): Array<{ headers: Record<string, string>; body: string }> {
  const entity = splitHead(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(entity.headers['content-type'] ?? '')?.[1];
  if (!boundary) return [entity];
  const parts = entity.body.split(`--${boundary}`).slice(1, -1);
  return parts.flatMap((part) => leaves(part.replace(/^\r?\n/, '')));
}

/**
 * Parse a raw RFC 5322 message as the SMTP server received it: top-level headers, and the
 * decoded text and HTML parts (multipart/alternative, quoted-printable or base64).
 *
 * @example
 * const mail = parseMail(raw); // { headers: { 'x-mona-event-type': 'TaskCrashed', … }, text, html }
 */
export function parseMail(raw: string): ReceivedMail {
  const { headers } = splitHead(raw);
  const mail: ReceivedMail = { headers, text: '', html: '' };
  for (const part of leaves(raw)) {
    const type = part.headers['content-type'] ?? '';
    const decoded = decodeBody(part.body.replace(/\r?\n$/, ''), part.headers['content-transfer-encoding']?.toLowerCase());
    if (type.startsWith('text/html')) mail.html = decoded;
    else if (type.startsWith('text/plain')) mail.text = decoded;
  }
  return mail;
}
