/**
 * HTTP settings the host shares with every sender, so that an operator sets a proxy or a CA
 * once for Mona instead of once per plugin. Senders that speak HTTP should honour them.
 */
export interface SenderHttpSettings {
  /** The host's per-attempt timeout in ms: a sender's own request timeout should not exceed it. */
  timeoutMs: number;
  /** Proxy for outgoing requests (`HTTPS_PROXY`, else `HTTP_PROXY`), absent for direct connections. */
  proxyUrl?: string;
  /** Hosts that bypass the proxy (`NO_PROXY`, comma-separated): exact names, `.suffix` or `*`. */
  noProxy?: string[];
  /** Extra CA certificate file (`NODE_EXTRA_CA_CERTS`), which Node already trusts; given for clients with their own TLS stack. */
  caFile?: string;
  /** False only when the operator turned verification off (`NODE_TLS_REJECT_UNAUTHORIZED=0`). */
  rejectUnauthorized: boolean;
}

/**
 * The shared HTTP settings from the standard environment variables (upper or lower case).
 *
 * @example
 * httpSettingsFromEnv({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost,.internal' }, 10_000);
 * // { timeoutMs: 10000, proxyUrl: 'http://proxy:3128', noProxy: ['localhost', '.internal'], rejectUnauthorized: true }
 */
export function httpSettingsFromEnv(env: Readonly<Record<string, string | undefined>>, timeoutMs: number): SenderHttpSettings {
  const read = (name: string): string | undefined => {
    const value = env[name] ?? env[name.toLowerCase()];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const proxyUrl = read('HTTPS_PROXY') ?? read('HTTP_PROXY');
  const noProxy = read('NO_PROXY')
    ?.split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  const caFile = read('NODE_EXTRA_CA_CERTS');
  return {
    timeoutMs,
    ...(proxyUrl !== undefined && { proxyUrl }),
    ...(noProxy !== undefined && noProxy.length > 0 && { noProxy }),
    ...(caFile !== undefined && { caFile }),
    rejectUnauthorized: env['NODE_TLS_REJECT_UNAUTHORIZED'] !== '0',
  };
}

/**
 * Whether a request to `host` goes through the proxy, by the `NO_PROXY` rules.
 *
 * @example
 * usesProxy('hooks.internal', { timeoutMs: 1, proxyUrl: 'http://p:3128', noProxy: ['.internal'], rejectUnauthorized: true }); // false
 */
export function usesProxy(host: string, settings: SenderHttpSettings): boolean {
  if (settings.proxyUrl === undefined) return false;
  const name = host.toLowerCase();
  return !(settings.noProxy ?? []).some((rule) => {
    const r = rule.toLowerCase().replace(/:\d+$/, '');
    if (r === '*') return true;
    const suffix = r.startsWith('.') ? r : `.${r}`;
    return name === r.replace(/^\./, '') || name.endsWith(suffix);
  });
}
