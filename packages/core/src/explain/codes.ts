// The generic HTTP status and WebSocket close-code tables, as data: what a status means whatever the
// vendor, so `apidx explain 403` says something useful even before a pack adds its own rules.
import type { GenericCode } from './types.js'

/** HTTP statuses integration engineers meet, with what each usually means for an API client. */
export const HTTP_STATUSES: readonly GenericCode[] = [
  {
    code: 400,
    name: 'Bad Request',
    meaning:
      'The server could not accept the request as sent: a malformed body, a missing or invalid parameter, or a wrong Content-Type.',
  },
  {
    code: 401,
    name: 'Unauthorized',
    meaning:
      'The request carried no credentials, or credentials the server could not verify (a wrong key, a signature that does not match, an expired token).',
  },
  {
    code: 403,
    name: 'Forbidden',
    meaning:
      'The server knows who is calling but refuses: the timestamp is outside the allowed window, the caller IP is not allowed, or the account lacks the permission or licence.',
  },
  {
    code: 404,
    name: 'Not Found',
    meaning:
      'Nothing is served at this path: the path or API version moved or was retired, or the host or path has a typo.',
  },
  {
    code: 405,
    name: 'Method Not Allowed',
    meaning:
      'The path exists but not for this method (GET for POST, or a plain HTTP request on a WebSocket-only path).',
  },
  {
    code: 408,
    name: 'Request Timeout',
    meaning:
      'The server gave up waiting for the rest of the request: the client sent too slowly or stalled mid-body.',
  },
  {
    code: 413,
    name: 'Payload Too Large',
    meaning:
      "The request body is over the server's size limit (an audio chunk or upload too big for one request).",
  },
  {
    code: 415,
    name: 'Unsupported Media Type',
    meaning: 'The Content-Type or encoding of the body is not one the endpoint accepts.',
  },
  {
    code: 426,
    name: 'Upgrade Required',
    meaning:
      'The endpoint speaks another protocol: a plain HTTP request reached a WebSocket endpoint, or a newer TLS or HTTP version is required.',
  },
  {
    code: 429,
    name: 'Too Many Requests',
    meaning: 'A rate limit, quota or concurrency limit was hit; wait (see Retry-After) or raise the limit.',
  },
  {
    code: 500,
    name: 'Internal Server Error',
    meaning:
      'The server failed while handling the request; retry later, and report it with the request or session id if it persists.',
  },
  {
    code: 502,
    name: 'Bad Gateway',
    meaning:
      "A gateway or proxy got no valid answer from the service behind it: the vendor's backend, or a corporate proxy in between, is failing.",
  },
  {
    code: 503,
    name: 'Service Unavailable',
    meaning: 'The service is overloaded or down for maintenance; retry with back-off.',
  },
  {
    code: 504,
    name: 'Gateway Timeout',
    meaning:
      'A gateway or proxy timed out waiting for the service behind it: a slow backend, or a request too large to finish in time.',
  },
]

/** WebSocket close codes 1000–1015 (RFC 6455 §7.4.1 and the IANA registry). */
export const WS_CLOSE_CODES: readonly GenericCode[] = [
  {
    code: 1000,
    name: 'Normal Closure',
    meaning: 'The connection ended normally; the purpose it was opened for is done.',
  },
  {
    code: 1001,
    name: 'Going Away',
    meaning:
      'An endpoint is going away: a server shutting down or restarting, or a browser leaving the page.',
  },
  {
    code: 1002,
    name: 'Protocol Error',
    meaning:
      'An endpoint received a frame that breaks the WebSocket protocol (e.g. an unmasked client frame).',
  },
  {
    code: 1003,
    name: 'Unsupported Data',
    meaning:
      'An endpoint received a data type it cannot accept (binary where text is expected, or the reverse).',
  },
  {
    code: 1004,
    name: 'Reserved',
    meaning: 'Reserved; no meaning is defined. A server sending it is misbehaving.',
  },
  {
    code: 1005,
    name: 'No Status Received',
    meaning:
      'The close frame carried no status code. Never sent on the wire; libraries report it when the peer closed without one.',
  },
  {
    code: 1006,
    name: 'Abnormal Closure',
    meaning:
      'The connection dropped without a close frame: a network failure, a proxy or firewall cutting idle connections, a server crash, or a handshake that never completed.',
  },
  {
    code: 1007,
    name: 'Invalid Frame Payload Data',
    meaning: 'A message was not consistent with its type, e.g. a text frame that is not valid UTF-8.',
  },
  {
    code: 1008,
    name: 'Policy Violation',
    meaning:
      "A message broke the server's policy: often an auth, quota or content rule, with the detail in the close reason.",
  },
  {
    code: 1009,
    name: 'Message Too Big',
    meaning: 'A message was larger than the endpoint accepts; send smaller frames or chunks.',
  },
  {
    code: 1010,
    name: 'Mandatory Extension',
    meaning: 'The client expected the server to negotiate an extension it did not.',
  },
  {
    code: 1011,
    name: 'Internal Error',
    meaning:
      'The server hit an unexpected condition while handling the session; retry, and report the session id if it persists.',
  },
  {
    code: 1012,
    name: 'Service Restart',
    meaning: 'The server is restarting; reconnect after a short delay.',
  },
  {
    code: 1013,
    name: 'Try Again Later',
    meaning: 'The server is overloaded or rate limiting; reconnect later with back-off.',
  },
  {
    code: 1014,
    name: 'Bad Gateway',
    meaning: 'A gateway or proxy got an invalid answer from the server behind it.',
  },
  {
    code: 1015,
    name: 'TLS Handshake',
    meaning:
      'The TLS handshake failed (an untrusted certificate, for instance). Never sent on the wire; libraries report it.',
  },
]

/** The generic entry for an HTTP status; a 4xx or 5xx outside the table gets its class meaning. */
export function httpStatus(code: number): GenericCode | undefined {
  const known = HTTP_STATUSES.find((s) => s.code === code)
  if (known) return known
  if (code >= 400 && code < 500)
    return {
      code,
      name: 'Client Error',
      meaning:
        'A 4xx status: the server rejects the request as sent; the fault is on the client side (request, credentials or permissions).',
    }
  if (code >= 500 && code < 600)
    return {
      code,
      name: 'Server Error',
      meaning: 'A 5xx status: the server or a gateway in front of it failed; retry later with back-off.',
    }
  return undefined
}

/** The generic entry for a WebSocket close code 1000–1015. */
export function wsClose(code: number): GenericCode | undefined {
  return WS_CLOSE_CODES.find((c) => c.code === code)
}
