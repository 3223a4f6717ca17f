// The HTTP side of the one connection, through got: one attempt (no retry), no redirect followed
// (a 3xx is a finding), a capped body, and got's per-phase timings of that one request. got errors
// keep the request's URL and headers, so they are rebuilt into safe failures here (DESIGN §8).
import type { LookupAddress } from 'node:dns'
import { checkServerIdentity, type PeerCertificate } from 'node:tls'
import type { PhaseDeadlines } from './deadlines.js'
import { emptyExchange, type Exchange } from './exchange.js'
import { MAX_BODY_BYTES } from './limits.js'
import { timeoutFailure, toNetFailure, type Phase } from './safe-error.js'
import { openSocket, type Resolver, type TlsOptions } from './socket.js'
import { keepEvidence } from './evidence.js'
import { oneSocketAgent } from './one-socket-agent.js'
import type { ChosenProxy } from '../proxy/choose.js'

export interface HttpExchangeOptions extends TlsOptions {
  url: URL
  method: string
  headers?: Record<string, string>
  body?: string
  deadlines: PhaseDeadlines
  resolver?: Resolver
  proxy?: ChosenProxy | null
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
  // DNS, TCP (or the proxy hop) and TLS are opened by socket.ts, as for WebSocket: the same phases,
  // the same certificate evidence, the same proxy; got then speaks HTTP over that one socket.
  const started = performance.now()
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10
  const opened = await openSocket(opts, ex.timings, elapsed)
  keepEvidence(ex, opened)
  if (!opened.ok) {
    ex.failure = opened.failure
    if (opened.address) ex.address = opened.address
    ex.timings.total = elapsed()
    return ex
  }
  if (opened.value.address) ex.address = opened.value.address
  const agent = oneSocketAgent(opened.value.socket, opts.url.protocol)
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
    agent: { http: agent, https: agent as never },
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
        if (p.firstByte !== undefined) ex.timings.handshake = (p.request ?? 0) + p.firstByte
        if (p.download !== undefined) ex.timings.firstFrame = p.download
        ex.timings.total = elapsed()
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
            proxy: d.connect,
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
          // DNS, TCP and TLS were done by socket.ts: what fails here is the request or the response.
          ex.failure = toNetFailure(ex.response ? 'firstFrame' : 'handshake', inner)
          if (ex.failure.kind === 'other' && (err as { code?: string }).code)
            ex.failure = toNetFailure(ex.response ? 'firstFrame' : 'handshake', {
              code: (err as { code?: string }).code,
            })
        }
      }
      finish()
    })
  })
  return ex
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
      (found) => {
        const r = Array.isArray(found) ? found[0]! : found
        return all ? cb(null, [{ address: r.address, family: r.family }]) : cb(null, r.address, r.family)
      },
      (err: unknown) => cb(err as Error, ''),
    )
  }
}

/** Checks the certificate against `name` instead of the URL's host (the emulator on 127.0.0.1). */
function identityFor(name: string) {
  return (_host: string, cert: PeerCertificate) => checkServerIdentity(name, cert)
}
