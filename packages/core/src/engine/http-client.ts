// The HTTP side of the one connection, through got: one attempt (no retry), no redirect followed
// (a 3xx is a finding), a capped body, and got's per-phase timings of that one request. got errors
// keep the request's URL and headers, so they are rebuilt into safe failures here (DESIGN §8).
import type { LookupAddress } from 'node:dns'
import { checkServerIdentity, type PeerCertificate } from 'node:tls'
import type { PhaseDeadlines } from './deadlines.js'
import { emptyExchange, type Exchange } from './exchange.js'
import { MAX_BODY_BYTES } from './limits.js'
import { timeoutFailure, toNetFailure, type Phase } from './safe-error.js'
import type { Resolver, TlsOptions } from './socket.js'

export interface HttpExchangeOptions extends TlsOptions {
  url: URL
  method: string
  headers?: Record<string, string>
  body?: string
  deadlines: PhaseDeadlines
  resolver?: Resolver
  clock: { now(): number }
  signed: boolean
}

/** got's timeout events, by the phase they belong to. */
const EVENT_PHASE: Record<string, Phase> = {
  lookup: 'dns',
  connect: 'tcp',
  socket: 'tcp',
  secureConnect: 'tls',
  send: 'handshake',
  response: 'handshake',
  read: 'firstFrame',
  request: 'handshake',
}

/** Runs the one HTTP exchange. Never throws. */
export async function httpExchange(opts: HttpExchangeOptions): Promise<Exchange> {
  const { default: got } = await import('got')
  const ex = emptyExchange('http', opts.signed)
  if (opts.url.protocol === 'https:') ex.tlsName = opts.servername ?? opts.url.hostname
  const d = opts.deadlines
  const lookup = opts.resolver ? adaptResolver(opts.resolver) : undefined
  ex.sentAt = opts.clock.now()
  const stream = got.stream(opts.url, {
    method: opts.method as 'GET',
    headers: opts.headers ?? {},
    // A got stream with a body-carrying method waits for the caller to write one: always give it.
    ...(opts.body !== undefined
      ? { body: opts.body }
      : opts.method !== 'GET' && opts.method !== 'HEAD'
        ? { body: '' }
        : {}),
    followRedirect: false,
    throwHttpErrors: false,
    retry: { limit: 0 },
    decompress: true,
    ...(lookup ? { dnsLookup: lookup as never } : {}),
    // Per-phase deadlines, and `request` as the hard cap of the whole exchange.
    timeout: {
      lookup: d.dns,
      connect: d.connect,
      secureConnect: d.tls,
      response: d.handshake,
      read: d.firstFrame,
      request: d.dns + d.connect + d.tls + d.handshake + d.firstFrame,
    },
    https: {
      ...(opts.ca ? { certificateAuthority: opts.ca } : {}),
      ...(opts.servername ? { checkServerIdentity: identityFor(opts.servername) } : {}),
    },
  })
  await new Promise<void>((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let truncated = false
    let done = false
    const finish = () => {
      if (done) return
      done = true
      const t = stream.timings
      if (t) {
        const p = t.phases
        if (p.dns !== undefined) ex.timings.dns = p.dns
        if (p.tcp !== undefined) ex.timings.tcp = p.tcp
        if (p.tls !== undefined) ex.timings.tls = p.tls
        if (p.firstByte !== undefined) ex.timings.handshake = (p.request ?? 0) + p.firstByte
        if (p.download !== undefined) ex.timings.firstFrame = p.download
        ex.timings.total = p.total ?? (t.end ?? t.error ?? Date.now()) - t.start
      }
      if (ex.response) ex.response.body = Buffer.concat(chunks).toString('utf8')
      if (ex.response) ex.response.bodyTruncated = truncated
      resolve()
    }
    stream.on('response', (res: import('node:http').IncomingMessage) => {
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(res.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
      ex.response = {
        status: res.statusCode ?? 0,
        headers,
        body: '',
        bodyTruncated: false,
        receivedAt: opts.clock.now(),
      }
      if (opts.url.protocol === 'https:') {
        const sock = res.socket as import('node:tls').TLSSocket | null
        ex.tls = { protocol: sock?.getProtocol?.() ?? null, authorized: Boolean(sock?.authorized) }
      }
    })
    stream.on('data', (chunk: Buffer) => {
      if (size + chunk.length > MAX_BODY_BYTES) {
        chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size))
        size = MAX_BODY_BYTES
        truncated = true
        stream.destroy()
        finish()
        return
      }
      chunks.push(chunk)
      size += chunk.length
    })
    stream.on('end', finish)
    stream.on('error', (err: Error & { event?: string; code?: string }) => {
      // Rebuilt here: `err` holds the request options (URL with signature, headers).
      if (!done && !truncated) {
        if (err.name === 'TimeoutError' && err.event) {
          const phase = EVENT_PHASE[err.event] ?? 'handshake'
          const ms = {
            dns: d.dns,
            tcp: d.connect,
            tls: d.tls,
            handshake: d.handshake,
            firstFrame: d.firstFrame,
            session: d.session,
          }[phase]
          ex.failure = timeoutFailure(phase, ms)
        } else {
          const inner = (err as { cause?: unknown }).cause ?? err
          const phase = ex.response ? 'firstFrame' : phaseOf(stream.timings, opts.url)
          ex.failure = toNetFailure(phase, inner)
          if (ex.failure.kind === 'other' && (err as { code?: string }).code)
            ex.failure = toNetFailure(phase, { code: (err as { code?: string }).code })
        }
      }
      finish()
    })
  })
  return ex
}

/**
 * The phase a request was in when it failed, from how far its timings got. A plain http:// request
 * has no TLS phase: after the connect, a close, reset or non-HTTP answer belongs to the handshake.
 */
export function phaseOf(
  t: { lookup?: number; connect?: number; secureConnect?: number } | undefined,
  url: URL,
): Phase {
  if (!t || t.lookup === undefined) return 'dns'
  if (t.connect === undefined) return 'tcp'
  if (url.protocol === 'https:' && t.secureConnect === undefined) return 'tls'
  return 'handshake'
}

/** Adapts a promise resolver to the callback `lookup` node's http client calls. */
function adaptResolver(resolver: Resolver) {
  return (hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (
      err: Error | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all
    resolver(hostname).then(
      (r) => (all ? cb(null, [{ address: r.address, family: r.family }]) : cb(null, r.address, r.family)),
      (err: unknown) => cb(err as Error, ''),
    )
  }
}

/** Checks the certificate against `name` instead of the URL's host (the emulator on 127.0.0.1). */
function identityFor(name: string) {
  return (_host: string, cert: PeerCertificate) => checkServerIdentity(name, cert)
}
