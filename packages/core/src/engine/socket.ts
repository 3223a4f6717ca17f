// DNS → TCP → TLS of the one connection, done step by step so each phase has its own deadline and
// its own timing, and a failure names its phase. The resolver is injectable: tests never use real DNS.
import net from 'node:net'
import tls from 'node:tls'
import { lookup as dnsLookup } from 'node:dns/promises'
import type { PhaseDeadlines } from './deadlines.js'
import type { PhaseTimings, TlsInfo } from './exchange.js'
import { timeoutFailure, toNetFailure, type NetFailure } from './safe-error.js'

/** Resolves a host name to one address (dns.lookup semantics). Inject one in tests. */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }>

/** Default resolver: the system's, like every other client on the machine. */
export const systemResolver: Resolver = async (hostname) => {
  const r = await dnsLookup(hostname)
  return { address: r.address, family: r.family }
}

/** How to reach the server's TLS layer. */
export interface TlsOptions {
  /** Extra trusted CA certificates (PEM), e.g. the emulator's. */
  ca?: string | string[]
  /** The name the certificate must carry, when it differs from the URL's host (the emulator on 127.0.0.1). */
  servername?: string
}

export interface OpenOptions extends TlsOptions {
  url: URL
  deadlines: PhaseDeadlines
  resolver?: Resolver
  signal?: AbortSignal
}

export interface OpenedSocket {
  socket: net.Socket
  address: { ip: string; family: number; port: number }
  tls?: TlsInfo
}

export type OpenResult =
  { ok: true; value: OpenedSocket } | { ok: false; failure: NetFailure; address?: OpenedSocket['address'] }

/** Races a promise against a phase deadline; `onTimeout` cleans up. */
export function withDeadline<T>(
  p: Promise<T>,
  ms: number,
  onTimeout: () => void,
): Promise<T | typeof TIMEOUT> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout()
      resolve(TIMEOUT)
    }, ms)
    p.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        reject(e)
      },
    )
  })
}
export const TIMEOUT = Symbol('timeout')

const secure = (url: URL) => url.protocol === 'wss:' || url.protocol === 'https:'
const defaultPort = (url: URL) => (secure(url) ? 443 : 80)

/** Opens the connection phase by phase, filling `timings` as it goes. */
export async function openSocket(
  opts: OpenOptions,
  timings: PhaseTimings,
  elapsed: () => number,
): Promise<OpenResult> {
  const { url, deadlines } = opts
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = url.port ? Number(url.port) : defaultPort(url)

  // DNS: skipped (0 ms) for an IP literal.
  let ip = host
  let family = net.isIP(host)
  if (family === 0) {
    const started = elapsed()
    try {
      const r = await withDeadline((opts.resolver ?? systemResolver)(host), deadlines.dns, () => {})
      if (r === TIMEOUT)
        return { ok: false, failure: { ...timeoutFailure('dns', deadlines.dns), code: 'ETIMEOUT' } }
      ip = r.address
      family = r.family
    } catch (err) {
      const f = toNetFailure('dns', err)
      return {
        ok: false,
        failure:
          f.phase === 'dns'
            ? f
            : { phase: 'dns', kind: 'not-found', code: f.code, message: 'The host name does not resolve.' },
      }
    } finally {
      timings.dns = elapsed() - started
    }
  } else timings.dns = 0
  const address = { ip, family, port }

  // TCP.
  const tcpStarted = elapsed()
  const socket = net.connect({ host: ip, port, family })
  socket.setNoDelay(true)
  // Errors are read through once() and the clients; a late one must not crash the run.
  socket.on('error', () => {})
  try {
    const r = await withDeadline(once(socket, 'connect'), deadlines.connect, () => socket.destroy())
    if (r === TIMEOUT) return { ok: false, failure: timeoutFailure('tcp', deadlines.connect), address }
  } catch (err) {
    socket.destroy()
    return { ok: false, failure: toNetFailure('tcp', err), address }
  } finally {
    timings.tcp = elapsed() - tcpStarted
  }
  if (!secure(url)) return { ok: true, value: { socket, address } }

  // TLS over the same socket. Node refuses an IP as SNI, so the identity check gets the host instead.
  const tlsStarted = elapsed()
  const name = opts.servername ?? host
  const tlsSocket = tls.connect({
    socket,
    host: name,
    ...(net.isIP(name) ? {} : { servername: name }),
    ...(opts.ca ? { ca: opts.ca } : {}),
    ALPNProtocols: ['http/1.1'],
  })
  tlsSocket.on('error', () => {})
  try {
    const r = await withDeadline(once(tlsSocket, 'secureConnect'), deadlines.tls, () => tlsSocket.destroy())
    if (r === TIMEOUT) return { ok: false, failure: timeoutFailure('tls', deadlines.tls), address }
  } catch (err) {
    tlsSocket.destroy()
    return { ok: false, failure: toNetFailure('tls', err), address }
  } finally {
    timings.tls = elapsed() - tlsStarted
  }
  return { ok: true, value: { socket: tlsSocket, address, tls: tlsInfo(tlsSocket) } }
}

/** Resolves on `event`, rejects on `error` or an early `close`. */
function once(emitter: net.Socket, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: unknown) => {
      cleanup()
      reject(err)
    }
    const onClose = () => {
      cleanup()
      reject(Object.assign(new Error('closed'), { code: 'ECONNRESET' }))
    }
    const onEvent = () => {
      cleanup()
      resolve()
    }
    const cleanup = () => {
      emitter.off('error', onError)
      emitter.off('close', onClose)
      emitter.off(event, onEvent)
    }
    emitter.once('error', onError)
    emitter.once('close', onClose)
    emitter.once(event, onEvent)
  })
}

function tlsInfo(s: tls.TLSSocket): TlsInfo {
  const cert = s.getPeerCertificate()
  const name = (o: unknown) =>
    o && typeof o === 'object'
      ? Object.entries(o)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(', ')
      : undefined
  return {
    protocol: s.getProtocol(),
    authorized: s.authorized,
    ...(cert?.subject ? { subject: name(cert.subject)! } : {}),
    ...(cert?.issuer ? { issuer: name(cert.issuer)! } : {}),
    ...(cert?.valid_from ? { validFrom: cert.valid_from } : {}),
    ...(cert?.valid_to ? { validTo: cert.valid_to } : {}),
    ...(cert?.subjectaltname ? { altNames: cert.subjectaltname } : {}),
  }
}
