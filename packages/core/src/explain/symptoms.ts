// The symptom → likely cause table every integration engineer keeps in their head, as data, so
// `apidx explain timeout` or `apidx explain "parse error"` answers without any pack.

/** One symptom: the words users describe it with, the statuses that show it, and its causes, most likely first. */
export interface Symptom {
  id: string
  name: string
  /** Lower-case phrases; the input names the symptom when it contains one. */
  aliases: readonly string[]
  /** HTTP statuses that are this symptom. */
  statuses: readonly number[]
  /** WebSocket close codes that are this symptom. */
  closeCodes?: readonly number[]
  causes: readonly string[]
}

/** The table. Aliases are matched as plain substrings; the longest match wins. */
export const SYMPTOMS: readonly Symptom[] = [
  {
    id: 'not-found',
    name: 'Not found (404)',
    aliases: ['not found', 'no route', 'no such endpoint'],
    statuses: [404, 405],
    causes: [
      'The path or API version moved or was retired (the vendor serves v2 now, or renamed the path).',
      'A typo in the host, path or version segment, or a path prefix lost when building the URL.',
      'The wrong host for the region or product (an international host for a mainland account, or the reverse).',
    ],
  },
  {
    id: 'auth-rejected',
    name: 'Authentication rejected (401/403)',
    aliases: [
      'unauthorized',
      'unauthorised',
      'forbidden',
      'access denied',
      'signature mismatch',
      'signature does not match',
      'invalid signature',
      'auth failed',
      'authentication failed',
    ],
    statuses: [401, 403],
    closeCodes: [1008],
    causes: [
      'The signing algorithm or string to sign differs from the documented one (SHA-1 for SHA-256, hex for base64, a header or line missing).',
      'The timestamp is off: the local clock drifts beyond the allowed skew, or milliseconds were sent for seconds.',
      'The credentials are wrong, expired, from another application, or key and secret are swapped.',
      'The caller IP is not whitelisted, or the account lacks the permission or licence.',
    ],
  },
  {
    id: 'rate-limited',
    name: 'Rate limited (429)',
    aliases: ['rate limit', 'too many requests', 'throttl', 'quota exceeded'],
    statuses: [429],
    closeCodes: [1013],
    causes: [
      'Too many requests or concurrent connections for the plan: back off, and reuse connections instead of opening one per request.',
      'A daily or monthly quota is used up.',
      'A retry loop without back-off amplifies a short failure.',
    ],
  },
  {
    id: 'server-error',
    name: 'Server error (5xx)',
    aliases: ['internal server error', 'bad gateway', 'service unavailable', 'gateway timeout'],
    statuses: [500, 502, 503, 504],
    closeCodes: [1011, 1012, 1014],
    causes: [
      'The vendor or a gateway is failing or overloaded: retry with back-off and check the vendor status page.',
      'A corporate proxy or load balancer between you and the vendor is failing (502/504 from the proxy itself).',
      'A request the server chokes on (too large, or an edge case): report it with the request or session id.',
    ],
  },
  {
    id: 'timeout',
    name: 'Timeout',
    aliases: ['timeout', 'timed out', 'etimedout', 'hangs', 'no response'],
    statuses: [408],
    causes: [
      'A network path problem: a firewall dropping packets, a proxy that must be configured, or a VPN.',
      'DNS resolving slowly or to an unreachable address.',
      'The server waits for more from the client: an end-of-stream frame never sent, or audio sent slower than real time.',
      'The client deadline is shorter than a legitimately slow operation.',
    ],
  },
  {
    id: 'connection-failed',
    name: 'Connection refused or reset',
    aliases: [
      'econnrefused',
      'connection refused',
      'econnreset',
      'socket hang up',
      'connection reset',
      'enotfound',
      'getaddrinfo',
    ],
    statuses: [],
    causes: [
      'A wrong host or port, or nothing listening (a local emulator not started).',
      'A firewall or proxy resetting connections to the vendor.',
      'The host name does not resolve (typo, retired host, split-horizon DNS).',
    ],
  },
  {
    id: 'ws-closed',
    name: 'WebSocket closed unexpectedly',
    aliases: ['closed unexpectedly', 'connection closed', 'abnormal closure', 'closed before'],
    statuses: [],
    closeCodes: [1001, 1006],
    causes: [
      'The server ended the session after an error frame: read the last frame before the close, its vendor code says why.',
      "An idle or session limit: no data sent for too long, or the session ran past the vendor's maximum duration.",
      'A proxy, load balancer or firewall cutting long-lived or idle connections (no ping/pong keep-alive).',
      'The network dropped (Wi-Fi, VPN reconnect) or the server restarted.',
    ],
  },
  {
    id: 'tls-error',
    name: 'TLS / certificate error',
    aliases: ['certificate', 'self signed', 'self-signed', 'unable to verify', 'ssl', 'tls handshake'],
    statuses: [],
    causes: [
      'A TLS-intercepting proxy whose CA the runtime does not trust (set NODE_EXTRA_CA_CERTS or the proxy CA).',
      'An outdated CA bundle or runtime, or an expired certificate on the server.',
      'The wrong host name for the certificate (an IP address, or an old host).',
    ],
  },
  {
    id: 'parse-error',
    name: 'Response cannot be parsed',
    aliases: [
      'parse error',
      'json parse',
      'unexpected token',
      'syntaxerror',
      'invalid json',
      'cannot parse',
      'failed to parse',
      'deserializ',
      'deserialis',
    ],
    statuses: [],
    causes: [
      'The response format changed: a new API version, or a field that is now JSON inside a string.',
      'An HTML error page (a proxy, gateway or captive portal) came back instead of JSON.',
      'A wrong Content-Type, character encoding or compression, or a binary frame read as text.',
      'Streamed frames or chunks parsed as one document (or one document split across reads).',
    ],
  },
  {
    id: 'silent-failure',
    name: 'Silent failure',
    aliases: [
      'silent failure',
      'silently',
      'nothing happens',
      'no error',
      'no callback',
      'no output',
      'never called',
    ],
    statuses: [],
    causes: [
      'An exception swallowed: an empty catch, an unhandled promise rejection, an error event with no listener.',
      'A callback or listener never attached, attached after the event fired, or under the wrong event name.',
      'The last frame or end-of-stream marker never sent, so the server keeps waiting for more.',
      'The error arrives in the response body (a vendor code with HTTP 200) and is not checked.',
    ],
  },
  {
    id: 'feature-unavailable',
    name: 'Feature unavailable',
    aliases: [
      'feature unavailable',
      'not available',
      'unavailable',
      'not enabled',
      'not supported',
      'not initialized',
      'not initialised',
    ],
    statuses: [],
    causes: [
      'Initialisation not finished before use: a blocking or asynchronous init (SDK, licence check, model download) not awaited.',
      'The plan or licence does not include the feature, or its trial or quota ran out.',
      'The region, version or model does not offer the feature.',
    ],
  },
]

/** The symptom an HTTP status shows. */
export function symptomForStatus(status: number): Symptom | undefined {
  return SYMPTOMS.find((s) => s.statuses.includes(status))
}

/** The symptom a WebSocket close code shows. */
export function symptomForClose(code: number): Symptom | undefined {
  return SYMPTOMS.find((s) => s.closeCodes?.includes(code))
}

/** The symptom free text names (lower-cased input), by the longest alias it contains. */
export function symptomForText(lower: string): Symptom | undefined {
  let best: { s: Symptom; len: number } | undefined
  for (const s of SYMPTOMS) {
    for (const a of s.aliases)
      if (a.length > (best?.len ?? 0) && lower.includes(a)) best = { s, len: a.length }
  }
  return best?.s
}
