// Library errors are rebuilt into plain, safe failures before anything can print them: got keeps the
// request URL and headers on its errors (signed URLs carry the signature), and ws errors may hold the
// request. Only the code, the phase and a message made here leave this file (DESIGN §8).

/** The phase of the one connection a failure happened in. */
export type Phase = 'proxy' | 'dns' | 'tcp' | 'tls' | 'handshake' | 'firstFrame' | 'session'

/** Why the TLS handshake failed, from the certificate verification code. */
export type TlsReason = 'untrusted' | 'expired' | 'hostname' | 'not-yet-valid' | 'other'

/** A failed phase, rebuilt from a library error: no URL, header or request object inside. */
export interface NetFailure {
  phase: Phase
  kind:
    | 'timeout'
    | 'refused'
    | 'not-found'
    | 'no-resolver'
    | 'unreachable'
    | 'reset'
    | 'tls'
    | 'protocol'
    | 'aborted'
    | 'auth-required'
    | 'connect-rejected'
    | 'other'
  /** The system or library code (`ECONNREFUSED`, `CERT_HAS_EXPIRED`, …), when there was one. */
  code: string | null
  /** A message written by apidx from the code; never the library's message verbatim. */
  message: string
  tlsReason?: TlsReason
  /** True when a proxy reported this failure of the target (its answer to CONNECT), not this machine. */
  viaProxy?: boolean
}

const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
])

/** The code of an error-like value, if it has a plain string one. */
function codeOf(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^[A-Z0-9_]{2,60}$/.test(code) ? code : null
}

/** Rebuilds an error thrown during `phase` into a safe failure. */
export function toNetFailure(phase: Phase, err: unknown): NetFailure {
  const code = codeOf(err)
  if (code === null) return { phase, kind: 'other', code: null, message: `The ${label(phase)} failed.` }
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_NODATA' || code === 'ENODATA') {
    return { phase: 'dns', kind: 'not-found', code, message: 'The host name does not resolve.' }
  }
  if (code === 'EAI_AGAIN' || code === 'ESERVFAIL' || code === 'ETIMEOUT')
    return { phase: 'dns', kind: 'timeout', code, message: 'The resolver did not answer.' }
  if (code === 'ECONNREFUSED')
    return {
      phase: 'tcp',
      kind: 'refused',
      code,
      message: 'The connection was refused: nothing listens on that port.',
    }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL')
    return { phase: 'tcp', kind: 'unreachable', code, message: 'The host or network is unreachable.' }
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return {
      phase,
      kind: 'reset',
      code,
      message: `The server reset the connection during the ${label(phase)}.`,
    }
  if (code === 'CERT_HAS_EXPIRED')
    return {
      phase: 'tls',
      kind: 'tls',
      code,
      tlsReason: 'expired',
      message: "The server's certificate has expired.",
    }
  if (code === 'CERT_NOT_YET_VALID')
    return {
      phase: 'tls',
      kind: 'tls',
      code,
      tlsReason: 'not-yet-valid',
      message: "The server's certificate is not valid yet.",
    }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return {
      phase: 'tls',
      kind: 'tls',
      code,
      tlsReason: 'hostname',
      message: "The server's certificate does not name the host.",
    }
  if (UNTRUSTED.has(code))
    return {
      phase: 'tls',
      kind: 'tls',
      code,
      tlsReason: 'untrusted',
      message: "The server's certificate is not signed by a trusted authority.",
    }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || phase === 'tls')
    return { phase: 'tls', kind: 'tls', code, tlsReason: 'other', message: 'The TLS handshake failed.' }
  if (code === 'ABORT_ERR') return { phase, kind: 'aborted', code, message: 'The check was cancelled.' }
  if (code.startsWith('HPE_'))
    return { phase, kind: 'protocol', code, message: 'The server did not answer in HTTP.' }
  return { phase, kind: 'other', code, message: `The ${label(phase)} failed (${code}).` }
}

/** The checks of the `ws` library on a 101 answer, by a code of ours (its errors carry none). */
const WS_HANDSHAKE: [RegExp, string, string][] = [
  [/Sec-WebSocket-Accept/i, 'WS_BAD_ACCEPT', 'The 101 answer carries a wrong Sec-WebSocket-Accept.'],
  [
    /extension/i,
    'WS_UNREQUESTED_EXTENSION',
    'The 101 answer names a WebSocket extension apidx did not request.',
  ],
  [/subprotocol/i, 'WS_BAD_SUBPROTOCOL', 'The 101 answer names a subprotocol apidx did not request.'],
  [/Upgrade header/i, 'WS_BAD_UPGRADE', 'The 101 answer has no valid Upgrade header.'],
]

/** Rebuilds a WebSocket client error raised on a 101 answer that breaks the handshake. */
export function wsHandshakeFailure(err: unknown): NetFailure {
  const text = err instanceof Error ? err.message : ''
  const hit = WS_HANDSHAKE.find(([re]) => re.test(text))
  if (hit) return { phase: 'handshake', kind: 'protocol', code: hit[1], message: hit[2] }
  const f = toNetFailure('handshake', err)
  return f.kind === 'other'
    ? {
        phase: 'handshake',
        kind: 'protocol',
        code: f.code,
        message: 'The 101 answer is not a valid WebSocket handshake.',
      }
    : f
}

/** A deadline that passed in `phase`. */
export function timeoutFailure(phase: Phase, ms: number): NetFailure {
  return { phase, kind: 'timeout', code: 'ETIMEDOUT', message: `No ${label(phase)} within ${ms} ms.` }
}

/** The name of a phase in a sentence. */
export function label(phase: Phase): string {
  return {
    proxy: 'proxy connection',
    dns: 'DNS lookup',
    tcp: 'TCP connection',
    tls: 'TLS handshake',
    handshake: 'handshake answer',
    firstFrame: 'first frame',
    session: 'end of the stream',
  }[phase]
}
