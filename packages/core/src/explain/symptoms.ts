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
  /** The finding code `apidx check` reports for it, when one fits whatever the vendor. */
  diagnosis?: string
  causes: readonly string[]
}

/** The table. Aliases are matched as plain substrings; the longest match wins. */
export const SYMPTOMS: readonly Symptom[] = [
  {
    id: 'not-found',
    name: 'Not found (404)',
    aliases: ['not found', 'no route', 'no such endpoint'],
    statuses: [404, 405],
    diagnosis: 'url/not-found',
    causes: [
      'The path or API version moved or was retired (the vendor serves v2 now, or renamed the path).',
      'A typo in the host, path or version segment, or a path prefix lost when building the URL.',
      'The wrong host for the region or product (an international host for a mainland account, or the reverse).',
    ],
  },
  {
    id: 'auth-rejected',
    name: 'Authentication rejected (401/403)',
    aliases: ['unauthorized', 'unauthorised', 'auth failed', 'authentication failed'],
    statuses: [401, 403],
    closeCodes: [1008],
    diagnosis: 'auth/unauthorized',
    causes: [
      'The signing algorithm or string to sign differs from the documented one (SHA-1 for SHA-256, hex for base64, a header or line missing).',
      'The timestamp is off: the local clock drifts beyond the allowed skew, or milliseconds were sent for seconds.',
      'The credentials are wrong, expired, from another application, or key and secret are swapped.',
      'The caller IP is not whitelisted, or the account lacks the permission or licence.',
    ],
  },
  {
    id: 'signature-mismatch',
    name: 'Signature rejected',
    aliases: [
      'signature mismatch',
      'signature does not match',
      'signaturedoesnotmatch',
      'invalid signature',
      'signature is invalid',
      'signature failure',
      'signature cannot be verified',
      'bad signature',
      'signature not match',
    ],
    statuses: [],
    diagnosis: 'auth/signature-mismatch',
    causes: [
      'The secret that signed is not the one the server holds for the key id: a wrong, mis-copied or swapped secret (a stray space or newline).',
      'The string to sign differs from what the server rebuilds: a header, the host, the path or the query encoded or ordered differently.',
      'The request was changed after signing (a proxy, a client that adds a header, a body serialised twice).',
    ],
  },
  {
    id: 'unknown-key',
    name: 'Key not recognised',
    aliases: [
      'incorrect api key',
      'invalid api key',
      'invalid_api_key',
      'api key not valid',
      'access key is not found',
      'secretid is not found',
      'does not exist in our records',
      'security token included in the request is invalid',
      'unknown client id',
      'fail to retrieve credential',
      'invalidaccesskeyid',
    ],
    statuses: [],
    diagnosis: 'auth/unknown-key',
    causes: [
      'The key id is mistyped, truncated, wrapped in quotes, brackets or spaces, or was copied from another field.',
      'The key was deleted, disabled or belongs to another account, region or environment (a test key against production).',
      "A relay's or another vendor's key sent to this vendor's host.",
    ],
  },
  {
    id: 'permission-denied',
    name: 'Permission denied',
    aliases: [
      'forbidden',
      'access denied',
      'not authorized to',
      'not authorised to',
      'no permission',
      'permission denied',
    ],
    statuses: [],
    diagnosis: 'auth/forbidden',
    causes: [
      'The key is valid but its user or role lacks the permission for this action or resource (an IAM, RAM or CAM policy).',
      'The service, region or resource is not open to this account (not enabled, another region, a bucket policy).',
      'A condition of the policy fails: the caller IP, the time, or a missing MFA.',
    ],
  },
  {
    id: 'rate-limited',
    name: 'Rate limited (429)',
    aliases: [
      'rate limit',
      'too many requests',
      'throttl',
      'quota exceeded',
      'rate exceeded',
      'frequency limit',
      'request limit',
      'flow control',
    ],
    statuses: [429],
    closeCodes: [1013],
    diagnosis: 'http/rate-limited',
    causes: [
      'Too many requests or concurrent connections for the plan: back off, and reuse connections instead of opening one per request.',
      'A daily or monthly quota is used up.',
      'A retry loop without back-off amplifies a short failure.',
    ],
  },
  {
    id: 'quota',
    name: 'Quota or credit used up',
    aliases: [
      'exceeded your current quota',
      'insufficient_quota',
      'insufficient quota',
      'daily request limit',
      'credit balance',
      'billing details',
      '余额不足',
      '欠费',
    ],
    statuses: [],
    diagnosis: 'quota/exhausted',
    causes: [
      'The account has no credit left, or its plan, free trial or licence allowance has run out: retrying does not help; top up or upgrade in the console.',
      'A daily or monthly allowance is used up: it comes back at the next period, or the plan raises it.',
      'The key belongs to another account or organisation than the one that was paid for.',
    ],
  },
  {
    id: 'clock-skew',
    name: 'Timestamp rejected (clock skew)',
    aliases: [
      'clock skew',
      'signature expired',
      'signature not yet current',
      'not  yet current',
      'time expired',
      'timestamp expired',
      'request has expired',
      'too far in the past',
      'is now earlier than',
      'is still later than',
      'x-date header is required',
      'time stamp or date value is expired',
    ],
    statuses: [],
    diagnosis: 'clock/skew',
    causes: [
      "The local clock is off: the request's signing time is outside the window the server allows (often 5 or 15 minutes); sync it with NTP.",
      'A signed request or URL was reused after it expired (a cached signer, a queued request, a presigned URL kept too long).',
      'The timestamp is in the wrong unit or zone: milliseconds for seconds, local time sent as UTC.',
    ],
  },
  {
    id: 'server-error',
    name: 'Server error (5xx)',
    aliases: ['internal server error', 'bad gateway', 'service unavailable', 'gateway timeout'],
    statuses: [500, 502, 503, 504],
    closeCodes: [1011, 1012, 1014],
    diagnosis: 'http/server-error',
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
    diagnosis: 'http/timeout',
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
    diagnosis: 'tcp/refused',
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
    diagnosis: 'ws/closed-early',
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
    diagnosis: 'tls/handshake-failed',
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
    diagnosis: 'response/not-json',
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
