// DNS → TCP → TLS of the one connection, done step by step so each phase has its own deadline and
// its own timing, and a failure names its phase. Through a proxy, the proxy hop (its DNS, TCP and
// CONNECT) comes first and the target's TLS runs in the tunnel. The resolver is injectable: tests
// never use real DNS.
import net from 'node:net'
import tls from 'node:tls'
import { lookup as dnsLookup } from 'node:dns/promises'
import type { ChosenProxy } from '../proxy/choose.js'
import type { PhaseDeadlines } from './deadlines.js'
import type { PhaseTimings, ProxyHop, TlsInfo } from './exchange.js'
import { emptyHop, openTunnel, proxyFailure } from './proxy-hop.js'
import { timeoutFailure, toNetFailure, type NetFailure } from './safe-error.js'
import { TIMEOUT, once, withDeadline } from './socket-steps.js'
import { tlsEvidence } from './tls-evidence.js'

export { TIMEOUT, withDeadline } from './socket-steps.js'

/** One resolved address. */
export interface ResolvedAddress {
  address: string
  family: number
}

/** Resolves a host name to its addresses (dns.lookup semantics; one or all). Inject one in tests. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress | ResolvedAddress[]>

/** Default resolver: the system's, like every other client on the machine; every address, in its order. */
export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true })).map((r) => ({ address: r.address, family: r.family }))

/**
 * A name that exists wherever DNS works (RFC 2606 reserves it for this kind of use): when the target
 * does not resolve, a failed lookup of this one too means no resolver answers at all.
 */
export const CONTROL_HOST = 'example.com'

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
  /** The proxy to tunnel through; direct when absent. */
  proxy?: ChosenProxy | null
}

type Address = { ip: string; family: number; port: number }

export interface OpenedSocket {
  socket: net.Socket
  address?: Address
  tls?: TlsInfo
}

/** What opening showed besides the socket: the proxy hop, every address, a failing family, the certificate. */
export interface OpenEvidence {
  proxy?: ProxyHop
  addresses?: { ip: string; family: number }[]
  familyFailure?: { family: number; ip: string; failure: NetFailure }
  tls?: TlsInfo
}

export type OpenResult = (
  { ok: true; value: OpenedSocket } | { ok: false; failure: NetFailure; address?: Address }
) &
  OpenEvidence

const secure = (url: URL) => url.protocol === 'wss:' || url.protocol === 'https:'
const defaultPort = (url: URL) => (secure(url) ? 443 : 80)
const listOf = (r: ResolvedAddress | ResolvedAddress[]) => (Array.isArray(r) ? r : [r])

/** Resolves `host` within the DNS deadline; an error is checked against the control name. */
async function resolve(
  host: string,
  opts: OpenOptions,
): Promise<{ ok: true; list: ResolvedAddress[] } | { ok: false; failure: NetFailure }> {
  const resolver = opts.resolver ?? systemResolver
  const ms = opts.deadlines.dns
  try {
    const r = await withDeadline(resolver(host), ms, () => {})
    if (r === TIMEOUT) return { ok: false, failure: { ...timeoutFailure('dns', ms), code: 'ETIMEOUT' } }
    const list = listOf(r)
    if (list.length) return { ok: true, list }
    return { ok: false, failure: toNetFailure('dns', { code: 'ENODATA' }) }
  } catch (err) {
    const f = toNetFailure('dns', err)
    const failure: NetFailure =
      f.phase === 'dns'
        ? f
        : { phase: 'dns', kind: 'not-found', code: f.code, message: 'The host name does not resolve.' }
    if (host === CONTROL_HOST) return { ok: false, failure }
    // Does any name resolve? If not, the resolver is the problem, not the host name.
    const control = await withDeadline(resolver(CONTROL_HOST), ms, () => {}).catch(() => TIMEOUT)
    if (control === TIMEOUT)
      return {
        ok: false,
        failure: { ...failure, kind: 'no-resolver', message: `No name resolves: ${CONTROL_HOST} fails too.` },
      }
    return { ok: false, failure }
  }
}

/** TCP to one address within the connect deadline. */
async function connect(
  ip: string,
  family: number,
  port: number,
  ms: number,
): Promise<{ ok: true; socket: net.Socket } | { ok: false; failure: NetFailure }> {
  const socket = net.connect({ host: ip, port, family })
  socket.setNoDelay(true)
  // Errors are read through once() and the clients; a late one must not crash the run.
  socket.on('error', () => {})
  try {
    const r = await withDeadline(once(socket, 'connect'), ms, () => socket.destroy())
    if (r === TIMEOUT) return { ok: false, failure: timeoutFailure('tcp', ms) }
    return { ok: true, socket }
  } catch (err) {
    socket.destroy()
    return { ok: false, failure: toNetFailure('tcp', err) }
  }
}

/** DNS then TCP to `host:port`; when both families resolve and the first fails, the other is tried and the failing one kept. */
async function reach(
  host: string,
  port: number,
  opts: OpenOptions,
  timings: { dns?: number; tcp?: number },
  elapsed: () => number,
  evidence: OpenEvidence,
): Promise<
  { ok: true; socket: net.Socket; address: Address } | { ok: false; failure: NetFailure; address?: Address }
> {
  let list: ResolvedAddress[] = [{ address: host, family: net.isIP(host) }]
  if (net.isIP(host) === 0) {
    const started = elapsed()
    const r = await resolve(host, opts)
    timings.dns = elapsed() - started
    if (!r.ok) return r
    list = r.list
    evidence.addresses = list.map((a) => ({ ip: a.address, family: a.family }))
  } else timings.dns = 0
  const first = list[0]!
  const other = list.find((a) => a.family !== first.family)
  const started = elapsed()
  try {
    const r = await connect(first.address, first.family, port, opts.deadlines.connect)
    const address = { ip: first.address, family: first.family, port }
    if (r.ok) return { ...r, address }
    if (!other) return { ...r, address }
    const second = await connect(other.address, other.family, port, opts.deadlines.connect)
    if (!second.ok) return { ...r, address }
    evidence.familyFailure = { family: first.family, ip: first.address, failure: r.failure }
    return { ...second, address: { ip: other.address, family: other.family, port } }
  } finally {
    timings.tcp = elapsed() - started
  }
}

/** TLS over `socket`, verified here rather than by Node so that a rejected certificate still shows what it was. */
async function startTls(
  socket: net.Socket,
  name: string,
  opts: OpenOptions,
  evidence: OpenEvidence,
): Promise<{ ok: true; socket: tls.TLSSocket } | { ok: false; failure: NetFailure }> {
  // Node refuses an IP as SNI, so the identity check gets the host instead.
  const tlsSocket = tls.connect({
    socket,
    host: name,
    ...(net.isIP(name) ? {} : { servername: name }),
    ...(opts.ca ? { ca: opts.ca } : {}),
    ALPNProtocols: ['http/1.1'],
    // Verified below, before a byte is sent: the handshake must finish for the certificate to be read.
    rejectUnauthorized: false,
  })
  tlsSocket.on('error', () => {})
  try {
    const r = await withDeadline(once(tlsSocket, 'secureConnect'), opts.deadlines.tls, () =>
      tlsSocket.destroy(),
    )
    if (r === TIMEOUT) return { ok: false, failure: timeoutFailure('tls', opts.deadlines.tls) }
  } catch (err) {
    tlsSocket.destroy()
    return { ok: false, failure: toNetFailure('tls', err) }
  }
  evidence.tls = tlsEvidence(tlsSocket)
  const verifyError = tlsSocket.authorized
    ? tls.checkServerIdentity(name, tlsSocket.getPeerCertificate())
    : { code: String(tlsSocket.authorizationError ?? 'CERT_UNTRUSTED') }
  if (verifyError) {
    tlsSocket.destroy()
    evidence.tls.authorized = false
    return { ok: false, failure: toNetFailure('tls', verifyError) }
  }
  return { ok: true, socket: tlsSocket }
}

/** Opens the connection phase by phase, filling `timings` as it goes. */
export async function openSocket(
  opts: OpenOptions,
  timings: PhaseTimings,
  elapsed: () => number,
): Promise<OpenResult> {
  const { url } = opts
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = url.port ? Number(url.port) : defaultPort(url)
  const evidence: OpenEvidence = {}
  let socket: net.Socket
  let address: Address | undefined
  const proxy = opts.proxy && !opts.proxy.unsupported ? opts.proxy : undefined
  if (proxy) {
    const hop = emptyHop(proxy, { host, port })
    evidence.proxy = hop
    const proxyHost = proxy.url.hostname.replace(/^\[|\]$/g, '')
    const reached = await reach(proxyHost, Number(proxy.url.port || 80), opts, hop.timings, elapsed, {})
    if (reached.address) hop.address = reached.address
    if (!reached.ok) {
      const f = reached.failure
      hop.failure =
        f.phase === 'dns'
          ? proxyFailure('not-found', f.code, `The proxy's host name ${proxyHost} does not resolve.`)
          : proxyFailure(f.kind, f.code, f.message)
      return { ok: false, failure: hop.failure, ...evidence }
    }
    hop.address = reached.address
    const tunnel = await openTunnel(reached.socket, proxy, hop, opts.deadlines, elapsed)
    if (!tunnel.ok) {
      if (tunnel.failure.phase === 'proxy') hop.failure = tunnel.failure
      return { ok: false, failure: tunnel.failure, ...evidence }
    }
    socket = tunnel.socket
  } else {
    const reached = await reach(host, port, opts, timings, elapsed, evidence)
    if (!reached.ok)
      return {
        ok: false,
        failure: reached.failure,
        ...(reached.address ? { address: reached.address } : {}),
        ...evidence,
      }
    socket = reached.socket
    address = reached.address
  }
  if (!secure(url)) return { ok: true, value: { socket, ...(address ? { address } : {}) }, ...evidence }
  const tlsStarted = elapsed()
  const t = await startTls(socket, opts.servername ?? host, opts, evidence)
  timings.tls = elapsed() - tlsStarted
  if (!t.ok) return { ok: false, failure: t.failure, ...(address ? { address } : {}), ...evidence }
  return {
    ok: true,
    value: { socket: t.socket, ...(address ? { address } : {}), tls: evidence.tls! },
    ...evidence,
  }
}
