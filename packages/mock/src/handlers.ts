// What each listener does with a request: the main one runs the gateway and then the service
// (upgrade to a session, or an HTTP answer); the redirect target only records. Every answer is noted
// on the recorded request, so tests and `apidx mock`'s log see what the emulator replied.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { WebSocketServer } from 'ws'
import type { Target } from '@apidx/core'
import type { IncomingRequest } from './auth.js'
import { decide, type Decision, type GateContext } from './decide.js'
import { makeSid } from './frames.js'
import { refusal, rulesFor, writeRaw, type GatewayAnswer } from './gateway.js'
import { MAX_REQUEST_BODY_BYTES, serviceAnswer, writeAnswer } from './http.js'
import type { ListenerHandlers } from './listener.js'
import type { RecordedRequest, Scenario } from './types.js'
import { runSession } from './websocket.js'

/** What the handlers share with the server that owns them. */
export interface HandlerEnv {
  target: Target
  scenario: Scenario
  gate: GateContext
  /** `ws`, `wss`, `http` or `https`: rebuilds absolute URLs from the Host header. */
  scheme: string
  urlHost: string
  now(): number
  timer(fn: () => void, ms: number): void
  /** Keeps a socket unanswered (cut after a while, or by close()). */
  hold(socket: Socket): void
  wss: WebSocketServer
  record(
    listener: RecordedRequest['listener'],
    method: string,
    url: string,
    headers: RecordedRequest['headers'],
  ): RecordedRequest
  /** Notes the status (and body) the emulator answered a recorded request with. */
  answered(rec: RecordedRequest, status: number, body?: string): void
}

/** The served endpoint's handlers. */
export function mainHandlers(env: HandlerEnv): ListenerHandlers {
  const { target, scenario, now } = env
  const incoming = (req: IncomingMessage, body?: Buffer): IncomingRequest => ({
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', `${env.scheme}://${req.headers.host ?? env.urlHost}`),
    headers: req.headers,
    ...(body ? { body } : {}),
  })
  // The session id: the client's own (`session.queryParam`, rtasr_llm's uuid) or one the server makes.
  const sidFor = (url: URL) => {
    const s = target.version.session
    return s?.idFrom === 'client' && s.queryParam
      ? (url.searchParams.get(s.queryParam) ?? '')
      : makeSid(target.serviceId)
  }
  const raw = (rec: RecordedRequest, socket: Socket, a: GatewayAnswer) => {
    env.answered(rec, a.status, a.body)
    writeRaw(socket, a)
  }
  const http = (rec: RecordedRequest, res: ServerResponse, a: GatewayAnswer) => {
    env.answered(rec, a.status, a.body)
    writeAnswer(res, a)
  }

  return {
    upgrade(req, socket, head) {
      const rec = env.record('main', req.method ?? 'GET', req.url ?? '', req.headers)
      const request = incoming(req)
      void gateThen(
        env.gate,
        request,
        (decision) => {
          if (decision.kind === 'hold') return env.hold(socket)
          if (decision.kind === 'answer') return raw(rec, socket, decision.answer)
          if (target.version.protocol !== 'websocket')
            return raw(
              rec,
              socket,
              refusal('not-found', rulesFor(target.pack, target.service, target.version), now()),
            )
          const sid = sidFor(request.url)
          // ws answers a malformed upgrade (no key, bad version) with 400 itself; only a session is a 101.
          env.wss.handleUpgrade(req, socket, head, (ws) => {
            env.answered(rec, 101)
            runSession(ws, {
              target,
              scenario,
              sid,
              timer: env.timer,
              ...(decision.vendorCode !== undefined ? { refusalCode: decision.vendorCode } : {}),
              ...(decision.vendorVariant !== undefined ? { refusalVariant: decision.vendorVariant } : {}),
            })
          })
        },
        () => raw(rec, socket, emulatorFault(now())),
      )
    },
    request(req, res) {
      const rec = env.record('main', req.method ?? 'GET', req.url ?? '', req.headers)
      readBody(req, (body) => {
        if (body === undefined) {
          res.on('finish', () => req.socket.destroy())
          return http(rec, res, {
            status: 413,
            headers: {
              Date: new Date(now()).toUTCString(),
              'Content-Type': 'text/plain; charset=utf-8',
              Connection: 'close',
            },
            body: 'Request Entity Too Large',
          })
        }
        const request = incoming(req, body)
        void gateThen(
          env.gate,
          request,
          (decision) => {
            if (decision.kind === 'hold') return env.hold(req.socket)
            if (decision.kind === 'answer') return http(rec, res, decision.answer)
            const answer = serviceAnswer(target, scenario, sidFor(request.url), now())
            if (answer === 'hold') return env.hold(req.socket)
            if (answer === 'drop') {
              // closed-early over HTTP: the head goes out, then the connection is cut mid-body.
              env.answered(rec, 200)
              // The head and a partial body are flushed, then the socket is ended: a reset right away
              // can reach a client still sending its POST body before the head does.
              res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
              return void res.write('{"partial":', () => req.socket.end())
            }
            http(rec, res, answer)
          },
          () => http(rec, res, emulatorFault(now())),
        )
      })
    },
    plainOnTls(socket, chunk) {
      const [method = '', url = ''] = chunk.toString('latin1').split('\r\n', 1)[0]!.split(' ')
      raw(
        env.record('main', method.slice(0, 20), url.slice(0, 2000), {}),
        socket,
        refusal('plain-http-on-tls', [], now()),
      )
    },
  }
}

/** The other host a redirect points to: records what reaches it and answers a plain 200. */
export function otherHostHandlers(env: Pick<HandlerEnv, 'record' | 'answered' | 'now'>): ListenerHandlers {
  const answer = (): GatewayAnswer => ({
    status: 200,
    headers: { Date: new Date(env.now()).toUTCString(), 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'apidx mock: redirect target (not the vendor)',
  })
  return {
    request(req, res) {
      const rec = env.record('redirect-target', req.method ?? 'GET', req.url ?? '', req.headers)
      req.resume()
      env.answered(rec, 200)
      writeAnswer(res, answer())
    },
    upgrade(req, socket) {
      const rec = env.record('redirect-target', req.method ?? 'GET', req.url ?? '', req.headers)
      env.answered(rec, 200)
      writeRaw(socket, answer())
    },
    plainOnTls(socket) {
      socket.destroy()
    },
  }
}

/** Runs the gate and hands the decision on; a throw (a bug, or no signing engine) becomes `onError`. */
async function gateThen(
  gate: GateContext,
  req: IncomingRequest,
  then: (d: Decision) => void,
  onError: () => void,
): Promise<void> {
  let decision: Decision
  try {
    decision = await decide(gate, req)
  } catch {
    return onError()
  }
  then(decision)
}

/** The emulator's own failure, marked so nobody mistakes it for the vendor's. */
function emulatorFault(date: number): GatewayAnswer {
  return {
    status: 500,
    headers: {
      Date: new Date(date).toUTCString(),
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Apidx-Mock': 'emulator-fault',
    },
    body: 'apidx mock: the emulator could not process this request',
  }
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
