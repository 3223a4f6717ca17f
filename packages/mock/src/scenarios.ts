// The fault matrix of issue 4 as data: every scenario id the emulator and `apidx check --mock` accept,
// what it does, and the root cause a correct diagnosis names.
import { ApidxError } from '@apidx/core'
import type { Scenario } from './types.js'

/** Every scenario, in the order of the fault matrix. Ids are public API: never renamed. */
export const scenarios: Scenario[] = [
  {
    id: 'healthy',
    description:
      'The vendor as documented: signed handshake accepted, example frames, server session id, end of stream.',
    expect: null,
  },
  {
    id: 'wrong-path',
    description:
      'The client drops the version segment of the path (/v2/iat → /iat); the gateway answers 404.',
    expect: 'url/not-found',
    client: { path: 'drop-version' },
  },
  {
    id: 'wrong-scheme',
    description:
      'The server speaks only TLS; the client uses ws:// (or http://) and the gateway answers 400 "plain HTTP request was sent to HTTPS port".',
    expect: 'url/wrong-scheme',
    client: { scheme: 'ws' },
  },
  {
    id: 'wrong-scheme-http',
    description:
      'The client sends a plain HTTPS request (no upgrade) to a WebSocket service; after auth the server answers 426 Upgrade Required.',
    expect: 'url/wrong-scheme',
    client: { scheme: 'https' },
  },
  {
    id: 'wrong-secret',
    description:
      'The client signs with a wrong API secret; signature verification fails (401 "HMAC signature does not match").',
    expect: 'auth/signature-mismatch',
    client: { credentials: 'wrong-secret' },
  },
  {
    id: 'unknown-key',
    description:
      'The client presents an API key the vendor does not know (401 "…fail to retrieve credential").',
    expect: 'auth/unknown-key',
    client: { credentials: 'unknown-key' },
  },
  {
    id: 'missing-credentials',
    description: 'The client has no credentials; unsigned requests get 401 "Unauthorized".',
    expect: 'auth/missing-credentials',
    client: { credentials: 'none' },
  },
  {
    id: 'clock-skew',
    description:
      'The server clock runs 10 minutes ahead; an honestly dated request is rejected with 403 and the server Date header.',
    expect: 'clock/skew',
  },
  {
    id: 'ip-not-allowed',
    description: 'The application\'s IP whitelist excludes the client: 403 "Your IP address is not allowed".',
    expect: 'auth/ip-not-allowed',
  },
  {
    id: 'vendor-error',
    description:
      "Upgrade accepted, then the pack's error frame with a code of the service's table (iat: 10165; vendor-error:<code> picks one, vendor-error:<code>#<n> sends the message of its byMessage item n).",
    expect: 'vendor/error',
  },
  {
    id: 'legacy-format',
    description:
      "Upgrade accepted, then a frame of the pack's legacy shape (e.g. a standard rtasr frame where rtasr_llm is configured).",
    expect: 'response/legacy-format',
  },
  {
    id: 'not-json',
    description: 'Upgrade accepted, then a frame that is not JSON.',
    expect: 'response/not-json',
  },
  {
    id: 'schema-mismatch',
    description: 'Upgrade accepted, then valid JSON missing fields the response schema requires.',
    expect: 'response/schema-mismatch',
  },
  {
    id: 'handshake-timeout',
    description: 'TCP (and TLS) accepted, the upgrade request never answered.',
    expect: 'ws/handshake-timeout',
  },
  { id: 'no-response', description: 'Upgrade accepted, then no frame ever.', expect: 'ws/no-response' },
  {
    id: 'closed-early',
    description: 'Upgrade accepted, then the server closes with 1011 and a reason.',
    expect: 'ws/closed-early',
  },
  {
    id: 'refused',
    description: 'Nothing listens at the URL (a port reserved and released).',
    expect: 'tcp/refused',
    client: { target: 'refused' },
  },
  {
    id: 'dns-not-found',
    description:
      'The URL names a host that does not resolve; the client injects a resolver that answers NXDOMAIN.',
    expect: 'dns/not-found',
    client: { resolver: 'not-found' },
  },
  {
    id: 'tls-self-signed',
    description: 'The certificate is self-signed, not from the test CA (no `ca` is given to trust).',
    expect: 'tls/untrusted-certificate',
  },
  {
    id: 'tls-expired',
    description: 'The certificate, from the test CA, expired.',
    expect: 'tls/expired-certificate',
  },
  {
    id: 'tls-wrong-host',
    description: 'The certificate, from the test CA, is for another host name than `servername`.',
    expect: 'tls/hostname-mismatch',
  },
  {
    id: 'redirect',
    description: 'The handshake is answered 302 to another loopback listener, which records what reaches it.',
    expect: 'http/redirect',
  },
  { id: 'server-error', description: 'The gateway answers 500.', expect: 'http/server-error' },
  {
    id: 'rate-limited',
    description: 'The gateway answers 429 with Retry-After.',
    expect: 'http/rate-limited',
  },
]

/** How far ahead the vendor's clock runs in the `clock-skew` scenario. */
export const CLOCK_SKEW_MS = 10 * 60_000

/** Scenario ids that pick their own certificates (and so always serve TLS). */
export const TLS_SCENARIOS = new Set([
  'wrong-scheme',
  'wrong-scheme-http',
  'tls-self-signed',
  'tls-expired',
  'tls-wrong-host',
])

/**
 * Finds a scenario by id; `vendor-error:<code>` is the vendor-error scenario with `vendorCode` set,
 * and `vendor-error:<code>#<n>` sends the message of the entry's `byMessage/<n>` meaning.
 * Unknown ids raise ERR_USAGE listing the known ones.
 */
export function findScenario(id = 'healthy'): Scenario {
  const [base, spec] = id.startsWith('vendor-error:')
    ? ['vendor-error', id.slice('vendor-error:'.length)]
    : [id, undefined]
  const [code, variant] = spec === undefined ? [undefined, undefined] : spec.split('#')
  const found = scenarios.find((s) => s.id === base)
  if (!found) {
    throw new ApidxError('ERR_USAGE', `The emulator has no scenario "${id}".`, {
      suggestions: [
        `Scenarios: ${scenarios.map((s) => s.id).join(', ')}, vendor-error:<code>, vendor-error:<code>#<n>.`,
      ],
    })
  }
  if (code === undefined) return found
  if (!/^[\w.-]{1,40}$/.test(code))
    throw new ApidxError('ERR_USAGE', `"${code}" is not a vendor code.`, {
      suggestions: ['Write vendor-error:<code>, e.g. vendor-error:10165.'],
    })
  if (variant !== undefined && !/^\d{1,2}$/.test(variant))
    throw new ApidxError('ERR_USAGE', `"#${variant}" does not name a message of ${code}.`, {
      suggestions: [
        `Write vendor-error:${code}#<n>, n the index of the entry's byMessage item (0 for the first).`,
      ],
    })
  return { ...found, vendorCode: code, ...(variant !== undefined ? { vendorVariant: Number(variant) } : {}) }
}
