// The vendor gateway's HTTP answers (404, 401/403 auth, 429, 500, 400 on a TLS port): status, headers
// and body taken from the pack's handshake rules, so the emulator answers what the vendor documents.
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import {
  errorEntry,
  type HandshakeRule,
  type ProviderPack,
  type Service,
  type Target,
  type Version,
} from '@apidx/core'
import { errorFrame, makeSid } from './frames.js'

/** Why the gateway refuses a request. */
export type Refusal =
  | 'not-found'
  | 'unauthorized'
  | 'malformed'
  | 'skew'
  | 'unknown-key'
  | 'mismatch'
  | 'ip-not-allowed'
  | 'server-error'
  | 'rate-limited'
  | 'upgrade-required'
  | 'plain-http-on-tls'

/** An HTTP answer as bytes go on the wire. */
export interface GatewayAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

interface Profile {
  /** The finding code of the pack rule that carries the vendor's body. */
  diagnosis: string
  status: number
  /** Picks among several rules of the same diagnosis (the shortest example containing it wins). */
  phrase?: string
  /** Used when the pack has no rule for the refusal: the body the gateway software (Kong, nginx) sends by default. */
  fallback: string
  contentType?: string
  headers?: Record<string, string>
}

// iFlytek's v2 gateway is a Kong gateway (its bodies are Kong's hmac-auth and ip-restriction
// messages); the fallbacks are Kong's and nginx's stock answers for what the docs do not show.
const PROFILES: Record<Refusal, Profile> = {
  'not-found': {
    diagnosis: 'url/not-found',
    status: 404,
    fallback: '{"message":"no Route matched with those values"}',
    contentType: 'application/json; charset=utf-8',
  },
  unauthorized: {
    diagnosis: 'auth/unauthorized',
    status: 401,
    phrase: 'Unauthorized',
    fallback: '{"message":"Unauthorized"}',
  },
  malformed: {
    diagnosis: 'auth/signature-mismatch',
    status: 401,
    phrase: 'cannot be verified',
    fallback: '{"message":"HMAC signature cannot be verified"}',
  },
  skew: {
    diagnosis: 'clock/skew',
    status: 403,
    fallback:
      '{"message":"HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication"}',
  },
  'unknown-key': {
    diagnosis: 'auth/unknown-key',
    status: 401,
    phrase: 'fail to retrieve credential',
    fallback: '{"message":"HMAC signature cannot be verified: fail to retrieve credential"}',
  },
  mismatch: {
    diagnosis: 'auth/signature-mismatch',
    status: 401,
    phrase: 'does not match',
    fallback: '{"message":"HMAC signature does not match"}',
  },
  'ip-not-allowed': {
    diagnosis: 'auth/ip-not-allowed',
    status: 403,
    fallback: '{"message":"Your IP address is not allowed"}',
  },
  'server-error': {
    diagnosis: 'http/server-error',
    status: 500,
    fallback: '{"message":"An unexpected error occurred"}',
    contentType: 'application/json; charset=utf-8',
  },
  'rate-limited': {
    diagnosis: 'http/rate-limited',
    status: 429,
    fallback: '{"message":"API rate limit exceeded"}',
    contentType: 'application/json; charset=utf-8',
    headers: { 'Retry-After': '1' },
  },
  // Inferred, not documented: what a WebSocket route answers a plain GET (RFC 6455 §4.2.2).
  'upgrade-required': {
    diagnosis: 'url/wrong-scheme',
    status: 426,
    fallback: 'Upgrade Required',
    headers: { Upgrade: 'websocket', 'Sec-WebSocket-Version': '13' },
  },
  // nginx's answer to plain HTTP on its TLS port.
  'plain-http-on-tls': {
    diagnosis: 'url/wrong-scheme',
    status: 400,
    fallback:
      '<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n</body>\r\n</html>\r\n',
    contentType: 'text/html',
  },
}

/** The handshake rules of a version, most specific first (version, service, pack). */
export function rulesFor(pack: ProviderPack, service: Service, version: Version): HandshakeRule[] {
  return [
    ...(version.handshakeErrors ?? []),
    ...(service.handshakeErrors ?? []),
    ...(pack.handshakeErrors ?? []),
  ]
}

/** The gateway's answer to a refusal, `date` being the server clock (ms) for the Date header. */
export function refusal(kind: Refusal, rules: HandshakeRule[], date: number): GatewayAnswer {
  const p = PROFILES[kind]
  const candidates = rules.filter((r) => r.diagnosis === p.diagnosis && r.example !== undefined)
  const phrased = p.phrase
    ? candidates
        .filter((r) => r.example!.includes(p.phrase!))
        .sort((a, b) => a.example!.length - b.example!.length)
    : []
  const rule = phrased[0] ?? candidates[0]
  return {
    status: rule?.status ?? p.status,
    // The iat doc's failure sample: `Content-Type: text/plain; charset=utf-8` with a JSON body.
    headers: {
      Date: new Date(date).toUTCString(),
      'Content-Type': p.contentType ?? 'text/plain; charset=utf-8',
      ...(p.headers ?? {}),
    },
    body: rule?.example ?? p.fallback,
  }
}

/** Writes an answer on a raw socket (an upgrade request's) and closes it. */
export function writeRaw(socket: Socket, answer: GatewayAnswer): void {
  if (socket.destroyed) return
  const body = Buffer.from(answer.body, 'utf8')
  const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}`]
  for (const [k, v] of Object.entries({
    ...answer.headers,
    'Content-Length': String(body.length),
    Connection: 'close',
  }))
    head.push(`${k}: ${v}`)
  socket.end(Buffer.concat([Buffer.from(head.join('\r\n') + '\r\n\r\n', 'latin1'), body]))
}

/**
 * The error code an HTTP service answers a refusal with, when its table documents one for the
 * refusal's finding and no handshake rule does (Tencent Cloud: HTTP 200 with AuthFailure.SignatureFailure).
 */
function documentedCode(target: Target, diagnosis: string): DocumentedCode | undefined {
  return target.version.protocol === 'http' ? codeFor(target, diagnosis) : undefined
}

/**
 * For a WebSocket service whose own error table documents the refusal (and no handshake rule of its
 * own does): the code the vendor sends inside the session after accepting the upgrade.
 */
export function sessionRefusalCode(kind: Refusal, target: Target): DocumentedCode | undefined {
  if (target.version.protocol !== 'websocket') return undefined
  const diagnosis = PROFILES[kind].diagnosis
  if (rulesBefore(kind, target).some((r) => r.diagnosis === diagnosis && r.example !== undefined))
    return undefined
  return codeFor(target, diagnosis)
}

/**
 * The rules a service and version declare themselves. They come before the service's error codes,
 * which come before the pack-wide rules: iFlytek's rtasr refuses a bad signa with its own 10110
 * frame, not with the v2 gateway's 401 that the pack declares for every service.
 */
function ownRules(target: Target): HandshakeRule[] {
  return [...(target.version.handshakeErrors ?? []), ...(target.service.handshakeErrors ?? [])]
}

/**
 * The rules that answer a refusal before the service's own codes. A request with no signature at all
 * never reaches a service: the gateway in front of every service answers it, so every rule comes first.
 */
function rulesBefore(kind: Refusal, target: Target): HandshakeRule[] {
  return kind === 'unauthorized' ? rulesFor(target.pack, target.service, target.version) : ownRules(target)
}

/** True when the pack documents how the vendor answers a fault meaning `diagnosis`: a rule with an example, or a code. */
export function documentedAnswer(target: Target, diagnosis: string): boolean {
  const rules = rulesFor(target.pack, target.service, target.version)
  return (
    rules.some((r) => r.diagnosis === diagnosis && r.example !== undefined) ||
    codeFor(target, diagnosis) !== undefined
  )
}

/** A code the vendor answers with, and the `byMessage` meaning whose message it sends when that is what means the fault. */
export interface DocumentedCode {
  code: string
  variant?: number
}

/**
 * The first code of the version's or service's table that means `diagnosis`, by itself or with one of
 * its messages (AWS Transcribe's BadRequestException "The request signature we calculated…").
 */
function codeFor(target: Target, diagnosis: string): DocumentedCode | undefined {
  const table = { ...(target.service.errors ?? {}), ...(target.version.errors ?? {}) }
  // In table order: the pack lists first what the vendor most often answers.
  for (const [code, entry] of Object.entries(table)) {
    const variant = (entry.byMessage ?? []).findIndex((v) => (v.diagnosis ?? entry.diagnosis) === diagnosis)
    if (variant >= 0) return { code, variant }
    if (entry.diagnosis === diagnosis) return { code }
  }
  return undefined
}

/** The gateway's answer to a refusal as the pack documents it: the service's own rule, else its coded error body, else a pack-wide rule, else the stock body. */
export function documentedRefusal(kind: Refusal, target: Target, date: number): GatewayAnswer {
  const rules = rulesFor(target.pack, target.service, target.version)
  const diagnosis = PROFILES[kind].diagnosis
  const documented = rulesBefore(kind, target).some(
    (r) => r.diagnosis === diagnosis && r.example !== undefined,
  )
    ? undefined
    : documentedCode(target, diagnosis)
  if (documented === undefined) return refusal(kind, rules, date)
  const entry = errorEntry(target.version, target.service, documented.code)
  const body = errorFrame(target, documented.code, makeSid(target.serviceId), documented.variant)
  return {
    status: entry?.status ?? 200,
    headers: { Date: new Date(date).toUTCString(), 'Content-Type': 'application/json; charset=utf-8' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }
}
