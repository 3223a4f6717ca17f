// The proxy hop: TCP to the proxy, then one CONNECT for the target's host and port (a tunnel for
// every scheme, like curl --proxytunnel), parsed by Node's own HTTP client. The proxy's credentials
// come from its URL and travel only in Proxy-Authorization; nothing here keeps or shows them.
import http from 'node:http'
import type net from 'node:net'
import type { ChosenProxy } from '../proxy/choose.js'
import type { PhaseDeadlines } from './deadlines.js'
import type { ProxyHop } from './exchange.js'
import { timeoutFailure, type NetFailure } from './safe-error.js'
import { TIMEOUT, withDeadline } from './socket-steps.js'
import { targetFaultFromProxy } from './proxy-answers.js'

/** The hop as shown in the exchange, before anything happened. */
export function emptyHop(proxy: ChosenProxy, target: { host: string; port: number }): ProxyHop {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host
  return {
    shown: proxy.shown,
    source: proxy.source,
    authority: `${host}:${target.port}`,
    timings: {},
    withCredentials: Boolean(proxy.url.username || proxy.url.password),
  }
}

/** A proxy failure: the hop's own, written here from what happened. */
export function proxyFailure(kind: NetFailure['kind'], code: string | null, message: string): NetFailure {
  return { phase: 'proxy', kind, code, message }
}

/** Basic credentials of the proxy URL, decoded as curl does. */
function authorization(proxy: ChosenProxy): Record<string, string> {
  if (!proxy.url.username && !proxy.url.password) return {}
  const pair = `${decodeURIComponent(proxy.url.username)}:${decodeURIComponent(proxy.url.password)}`
  return { 'proxy-authorization': `Basic ${Buffer.from(pair).toString('base64')}` }
}

export type TunnelResult = { ok: true; socket: net.Socket } | { ok: false; failure: NetFailure }

/** Sends CONNECT over `socket` (connected to the proxy) and waits for the answer, within the handshake deadline. */
export async function openTunnel(
  socket: net.Socket,
  proxy: ChosenProxy,
  hop: ProxyHop,
  deadlines: PhaseDeadlines,
  elapsed: () => number,
): Promise<TunnelResult> {
  const started = elapsed()
  const answer = new Promise<{ res: http.IncomingMessage; socket: net.Socket; head: Buffer }>(
    (resolve, reject) => {
      const req = http.request({
        method: 'CONNECT',
        path: hop.authority,
        headers: { host: hop.authority, ...authorization(proxy) },
        createConnection: () => socket,
      })
      req.on('connect', (res, s, head) => resolve({ res, socket: s, head }))
      req.on('error', reject)
      req.end()
    },
  )
  try {
    const r = await withDeadline(answer, deadlines.handshake, () => socket.destroy())
    if (r === TIMEOUT) return { ok: false, failure: { ...timeoutFailure('proxy', deadlines.handshake) } }
    const status = r.res.statusCode ?? 0
    hop.status = status
    if (status >= 200 && status < 300) {
      if (r.head.length) r.socket.unshift(r.head)
      return { ok: true, socket: r.socket }
    }
    r.socket.destroy()
    if (status === 407) {
      const scheme = String(r.res.headers['proxy-authenticate'] ?? '').split(/\s/)[0]
      if (scheme) hop.authenticate = scheme.slice(0, 40)
      return {
        ok: false,
        failure: proxyFailure(
          'auth-required',
          '407',
          hop.withCredentials
            ? 'The proxy rejected the credentials in its URL (407).'
            : 'The proxy requires credentials (407) and its URL has none.',
        ),
      }
    }
    // A proxy that could not reach the target says so in its answer: that is the target's fault, not the proxy's.
    const target = targetFaultFromProxy(status, r.res.headers, r.head.toString('latin1').slice(0, 4096))
    if (target) return { ok: false, failure: { ...target, viaProxy: true } }
    return {
      ok: false,
      failure: proxyFailure(
        'connect-rejected',
        String(status),
        `The proxy answered CONNECT ${hop.authority} with ${status}.`,
      ),
    }
  } catch {
    socket.destroy()
    return {
      ok: false,
      failure: proxyFailure(
        'reset',
        'ECONNRESET',
        'The proxy closed the connection without answering CONNECT.',
      ),
    }
  } finally {
    hop.timings.connect = elapsed() - started
  }
}
