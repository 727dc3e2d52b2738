/** Placeholder written instead of a secret value. */
export const SECRET_MASK = '[redacted]';

/**
 * Build a function that replaces each secret, and its JSON-escaped form, in a string. Longest
 * secrets first, so a secret containing another is not half-replaced. Very short values
 * (under 4 characters) are not treated as secrets: masking every "1" or "eu" would wreck logs
 * without protecting anything.
 *
 * @example
 * const scrub = createSecretScrubber(['hunter2']);
 * scrub('password is hunter2'); // 'password is [redacted]'
 */
export function createSecretScrubber(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const form of ordered) out = out.split(form).join(SECRET_MASK);
    return out;
  };
}
