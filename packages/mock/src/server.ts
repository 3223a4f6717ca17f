// startMock: serves one service version of a pack on loopback, at the pack's path, healthy or with one
// fault of the matrix; every socket and timer is tracked so close() leaves nothing behind.
import type { Socket } from 'node:net'
import { WebSocketServer } from 'ws'
import { ApidxError, fillUrlCredentials, resolveTarget, type Target } from '@apidx/core'
import { SERVERNAME, certificateFor, makeCertificates } from './certificates.js'
import { demoCredentials } from './credentials.js'
import type { GateContext } from './decide.js'
import { mainHandlers, otherHostHandlers } from './handlers.js'
import { listen, reservePort, type Listener } from './listener.js'
import { CLOCK_SKEW_MS, TLS_SCENARIOS, findScenario } from './scenarios.js'
export { CLOCK_SKEW_MS }
import { forTarget } from './applies.js'
import {
  MAX_RECORDED,
  type GatewayReply,
  type MockOptions,
  type MockServer,
  type RecordedRequest,
  type Scenario,
} from './types.js'
import { MAX_CLIENT_FRAME_BYTES } from './websocket.js'

/** A held (never answered) connection is cut after this long even if close() is never called. */
export const HOLD_MS = 120_000
/** The unresolvable host name of the `dns-not-found` scenario (RFC 6761 `.invalid`). */
export const UNRESOLVABLE_HOST = 'vendor.apidx.invalid'

/**
 * Starts the emulator. Rejects with ERR_USAGE/ERR_TARGET for a non-loopback host, an unknown scenario
 * or target. The returned `scenario` is the one played for this target: apply its `client` part.
 */
export async function startMock(options: MockOptions): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1'
  if (!/^127(\.\d{1,3}){3}$/.test(host) && host !== '::1') {
    throw new ApidxError('ERR_USAGE', `The emulator binds loopback addresses only, not "${host}".`, {
      suggestions: ['Use 127.0.0.1 (the default).'],
    })
  }
  const target = resolveTarget(options.pack, {
    ...(options.service ? { service: options.service } : {}),
    ...(options.version ? { version: options.version } : {}),
  })
  const scenario = forTarget(target, findScenario(options.scenario))
  const credentials = options.credentials ?? demoCredentials(options.pack)
  const clock = options.clock ?? Date.now
  const now = () => clock() + (scenario.id === 'clock-skew' ? CLOCK_SKEW_MS : 0)
  const secure = options.tls === true || TLS_SCENARIOS.has(scenario.id)
  const scheme = target.version.protocol === 'websocket' ? (secure ? 'wss' : 'ws') : secure ? 'https' : 'http'
  // The pack's path, with any `{cred.<name>}` segment (the caller's AppID) filled from the vendor's own credentials.
  const path = fillUrlCredentials(options.pack, new URL(target.version.url), credentials).pathname
  const urlHost = host.includes(':') ? `[${host}]` : host

  if (scenario.id === 'refused') {
    const port = await reservePort(host)
    return {
      url: `${scheme}://${urlHost}:${port}${path}`,
      host,
      port,
      scenario,
      requests: [],
      close: async () => {},
    }
  }

  // Certificates are checked against the real clock by the client, never the emulated one.
  const certs = secure ? await makeCertificates() : undefined
  const served = certs ? certificateFor(certs, scenario.id) : undefined
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const timer = (fn: () => void, ms: number) => {
    const t = setTimeout(() => {
      timers.delete(t)
      fn()
    }, ms)
    t.unref()
    timers.add(t)
  }
  const record = (
    listener: RecordedRequest['listener'],
    method: string,
    url: string,
    headers: RecordedRequest['headers'],
  ): RecordedRequest => {
    const rec: RecordedRequest = { listener, method, url, headers: { ...headers }, at: now() }
    if (requests.length < MAX_RECORDED) requests.push(rec)
    return rec
  }
  const answered = (rec: RecordedRequest, status: number, body?: string) => {
    rec.status = status
    if (body !== undefined) rec.answer = body.length > 300 ? `${body.slice(0, 300)}…` : body
    options.onRequest?.(rec)
  }
  const hold = (socket: Socket) => timer(() => socket.destroy(), HOLD_MS)
  const listeners: Listener[] = []
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_FRAME_BYTES,
    perMessageDeflate: false,
  })
  wss.on('headers', (headers) => headers.push(`Date: ${new Date(now()).toUTCString()}`))

  const close = async () => {
    for (const t of timers) clearTimeout(t)
    timers.clear()
    for (const ws of wss.clients) ws.terminate()
    for (const s of sockets) s.destroy()
    await Promise.all(listeners.map((l) => l.close()))
    await new Promise<void>((done) => wss.close(() => done()))
  }

  try {
    const gate: GateContext = {
      target,
      scenario,
      credentials,
      now,
      ...(options.reply ? { reply: checkReply(options.reply) } : {}),
    }
    if (scenario.id === 'redirect') {
      const other = await listen(host, 0, served, sockets, otherHostHandlers({ record, answered, now }))
      listeners.push(other)
      gate.redirectTo = `${scheme}://${urlHost}:${other.port}${path}`
    }
    const main = await listen(
      host,
      options.port ?? 0,
      served,
      sockets,
      mainHandlers({ target, scenario, gate, scheme, urlHost, now, timer, hold, wss, record, answered }),
    )
    listeners.push(main)
    const port = main.port
    const shownHost = scenario.id === 'dns-not-found' ? UNRESOLVABLE_HOST : urlHost
    return {
      url: `${scheme}://${shownHost}:${port}${path}`,
      host,
      port,
      ...(certs && scenario.id !== 'tls-self-signed' ? { ca: certs.ca } : {}),
      ...(certs ? { servername: SERVERNAME } : {}),
      scenario,
      requests,
      close,
    }
  } catch (err) {
    await close()
    throw err
  }
}

/** A reply is a rejection: a status a gateway refuses with, and a body of bounded size. */
function checkReply(reply: GatewayReply): GatewayReply {
  if (!Number.isInteger(reply.status) || reply.status < 300 || reply.status > 599) {
    throw new ApidxError('ERR_USAGE', `A gateway reply needs a status from 300 to 599, not ${reply.status}.`)
  }
  if (reply.body.length > 64 * 1024)
    throw new ApidxError(
      'ERR_USAGE',
      `A gateway reply body is limited to 64 KiB (got ${reply.body.length} characters).`,
    )
  return reply
}
