// startMock: serves one service version of a pack on loopback, at the pack's path, healthy or with one
// fault of the matrix; every socket and timer is tracked so close() leaves nothing behind.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { WebSocketServer } from 'ws'
import { ApidxError, resolveTarget, type Target } from '@apidx/core'
import type { IncomingRequest } from './auth.js'
import { SERVERNAME, certificateFor, makeCertificates } from './certificates.js'
import { demoCredentials } from './credentials.js'
import { decide, type GateContext } from './decide.js'
import { legacyFrame, makeSid, vendorErrorCode } from './frames.js'
import { refusal, rulesFor, writeRaw } from './gateway.js'
import { MAX_REQUEST_BODY_BYTES, serviceAnswer, writeAnswer } from './http.js'
import { listen, reservePort, type Listener } from './listener.js'
import { TLS_SCENARIOS, findScenario } from './scenarios.js'
import { MAX_RECORDED, type MockOptions, type MockServer, type RecordedRequest, type Scenario } from './types.js'
import { MAX_CLIENT_FRAME_BYTES, runSession } from './websocket.js'

/** How far ahead the vendor's clock runs in the `clock-skew` scenario. */
export const CLOCK_SKEW_MS = 10 * 60_000
/** A held (never answered) connection is cut after this long even if close() is never called. */
export const HOLD_MS = 120_000
/** The unresolvable host name of the `dns-not-found` scenario (RFC 6761 `.invalid`). */
export const UNRESOLVABLE_HOST = 'vendor.apidx.invalid'

/** Starts the emulator. Rejects with ERR_USAGE/ERR_TARGET for a non-loopback host, an unknown scenario or target. */
export async function startMock(options: MockOptions): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1'
  if (!/^127(\.\d{1,3}){3}$/.test(host) && host !== '::1') {
    throw new ApidxError('ERR_USAGE', `The emulator binds loopback addresses only, not "${host}".`, { suggestions: ['Use 127.0.0.1 (the default).'] })
  }
  const scenario = findScenario(options.scenario)
  const target = resolveTarget(options.pack, { ...(options.service ? { service: options.service } : {}), ...(options.version ? { version: options.version } : {}) })
  checkScenarioFits(target, scenario)
  const credentials = options.credentials ?? demoCredentials(options.pack)
  const clock = options.clock ?? Date.now
  const now = () => clock() + (scenario.id === 'clock-skew' ? CLOCK_SKEW_MS : 0)
  const secure = options.tls === true || TLS_SCENARIOS.has(scenario.id)
  const scheme = target.version.protocol === 'websocket' ? (secure ? 'wss' : 'ws') : secure ? 'https' : 'http'
  const path = new URL(target.version.url).pathname
  const urlHost = host.includes(':') ? `[${host}]` : host

  if (scenario.id === 'refused') {
    const port = await reservePort(host)
    return { url: `${scheme}://${urlHost}:${port}${path}`, host, port, scenario, requests: [], close: async () => {} }
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
  const record = (listener: RecordedRequest['listener'], method: string, url: string, headers: RecordedRequest['headers']) => {
    if (requests.length < MAX_RECORDED) requests.push({ listener, method, url, headers: { ...headers }, at: now() })
  }
  const hold = (socket: Socket) => timer(() => socket.destroy(), HOLD_MS)
  const listeners: Listener[] = []
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES, perMessageDeflate: false })
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
    const gate: GateContext = { target, scenario, credentials, now }
    if (scenario.id === 'redirect') {
      const other = await listen(host, 0, served, sockets, otherHost(record))
      listeners.push(other)
      gate.redirectTo = `${scheme}://${urlHost}:${other.port}${path}`
    }
    const sidFor = (url: URL) => (target.version.session?.idFrom === 'client' && target.version.session.queryParam ? (url.searchParams.get(target.version.session.queryParam) ?? '') : makeSid(target.serviceId))
    const incoming = (req: IncomingMessage, body?: Buffer): IncomingRequest => ({
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? urlHost}`),
      headers: req.headers,
      ...(body ? { body } : {}),
    })
    const main = await listen(host, options.port ?? 0, served, sockets, {
      upgrade(req, socket, head) {
        record('main', req.method ?? 'GET', req.url ?? '', req.headers)
        void gateThen(gate, incoming(req), (decision) => {
          if (decision.kind === 'hold') return hold(socket)
          if (decision.kind === 'answer') return writeRaw(socket, decision.answer)
          if (target.version.protocol !== 'websocket') return writeRaw(socket, refusal('not-found', rulesFor(target.pack, target.service, target.version), now()))
          const sid = sidFor(incoming(req).url)
          wss.handleUpgrade(req, socket, head, (ws) => runSession(ws, { target, scenario, sid, timer }))
        }, () => writeRaw(socket, emulatorFault(now())))
      },
      request(req, res) {
        record('main', req.method ?? 'GET', req.url ?? '', req.headers)
        readBody(req, (body) => {
          if (body === undefined) {
            res.on('finish', () => req.socket.destroy())
            return writeAnswer(res, { status: 413, headers: { Date: new Date(now()).toUTCString(), 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }, body: 'Request Entity Too Large' })
          }
          void gateThen(gate, incoming(req, body), (decision) => {
            if (decision.kind === 'hold') return hold(req.socket)
            if (decision.kind === 'answer') return writeAnswer(res, decision.answer)
            const answer = serviceAnswer(target, scenario, sidFor(incoming(req).url), now())
            if (answer === 'hold') return hold(req.socket)
            if (answer === 'drop') {
              res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
              res.flushHeaders()
              return void req.socket.destroy()
            }
            writeAnswer(res, answer)
          }, () => writeAnswer(res, emulatorFault(now())))
        })
      },
      plainOnTls(socket, chunk) {
        const [method = '', url = ''] = chunk.toString('latin1').split('\r\n', 1)[0]!.split(' ')
        record('main', method, url, {})
        writeRaw(socket, refusal('plain-http-on-tls', [], now()))
      },
    })
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

/** Rejects scenarios the served version cannot play (no error table, no legacy frame). */
function checkScenarioFits(target: Target, scenario: Scenario): void {
  const where = `${target.serviceId}/${target.versionId}`
  if (scenario.id === 'vendor-error' && vendorErrorCode(target, scenario.vendorCode) === undefined) {
    const codes = [...Object.keys(target.version.errors ?? {}), ...Object.keys(target.service.errors ?? {})]
    throw new ApidxError('ERR_USAGE', scenario.vendorCode ? `${where} has no vendor code ${scenario.vendorCode}.` : `${where} declares no vendor error codes.`, { suggestions: codes.length ? [`Codes: ${codes.slice(0, 40).join(', ')}.`] : [] })
  }
  if (scenario.id === 'legacy-format' && legacyFrame(target, 'sid') === undefined) {
    throw new ApidxError('ERR_USAGE', `${where} declares no legacy frame (response.examples.legacyFrame).`)
  }
}

/** Runs the gate and hands the decision on; a throw (a bug, or no signing engine) becomes `onError`. */
async function gateThen(gate: GateContext, req: IncomingRequest, then: (d: Awaited<ReturnType<typeof decide>>) => void, onError: () => void): Promise<void> {
  let decision
  try {
    decision = await decide(gate, req)
  } catch {
    return onError()
  }
  then(decision)
}

function emulatorFault(date: number) {
  return { status: 500, headers: { Date: new Date(date).toUTCString(), 'Content-Type': 'text/plain; charset=utf-8', 'X-Apidx-Mock': 'emulator-fault' }, body: 'apidx mock: the emulator could not process this request' }
}

/** Reads a request body up to the cap; undefined (once, reading stops) when it is larger. */
function readBody(req: IncomingMessage, done: (body: Buffer | undefined) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (c: Buffer) => {
    size += c.length
    if (size <= MAX_REQUEST_BODY_BYTES) return void chunks.push(c)
    req.removeAllListeners('data')
    req.removeAllListeners('end')
    req.pause()
    done(undefined)
  })
  req.on('end', () => done(Buffer.concat(chunks)))
  req.on('error', () => {})
}

/** The other host a redirect points to: records what reaches it, answers a plain 200. */
function otherHost(record: (l: RecordedRequest['listener'], m: string, u: string, h: RecordedRequest['headers']) => void) {
  const body = { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'apidx mock: redirect target (not the vendor)' }
  return {
    request(req: IncomingMessage, res: ServerResponse) {
      record('redirect-target', req.method ?? 'GET', req.url ?? '', req.headers)
      req.resume()
      writeAnswer(res, { ...body, headers: { ...body.headers, Date: new Date().toUTCString() } })
    },
    upgrade(req: IncomingMessage, socket: Socket) {
      record('redirect-target', req.method ?? 'GET', req.url ?? '', req.headers)
      writeRaw(socket, body)
    },
    plainOnTls(socket: Socket) {
      socket.destroy()
    },
  }
}
