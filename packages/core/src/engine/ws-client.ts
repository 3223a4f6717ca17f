// The WebSocket side of the one connection: upgrade over the socket socket.ts opened, no redirect
// followed, the answer to a rejected upgrade kept (status, headers, capped body), the probe's frames
// sent, the server's frames collected until the end of the stream, a close, or a phase deadline.
import type { IncomingMessage } from 'node:http'
import type WebSocket from 'ws'
import type { PhaseDeadlines } from './deadlines.js'
import { emptyExchange, type Exchange, type ResponseHead } from './exchange.js'
import { MAX_BODY_BYTES, MAX_FRAMES, MAX_FRAME_BYTES } from './limits.js'
import { openSocket, type Resolver, type TlsOptions } from './socket.js'
import { keepEvidence } from './evidence.js'
import type { ChosenProxy } from '../proxy/choose.js'
import { timeoutFailure, toNetFailure, wsHandshakeFailure } from './safe-error.js'

/** One frame to send after the upgrade. */
export interface OutgoingFrame {
  data: string | Buffer
  delayMs?: number
}

export interface WsExchangeOptions extends TlsOptions {
  /** The URL to connect to, signed when credentials are sent. */
  url: URL
  headers?: Record<string, string>
  frames: OutgoingFrame[]
  /** True when a frame ends the stream (the pack's end marker, or an error code). */
  endWhen?: (text: string, binary?: boolean) => boolean
  /** True when the server ends the stream by closing it. */
  serverCloses?: boolean
  deadlines: PhaseDeadlines
  resolver?: Resolver
  proxy?: ChosenProxy | null
  clock: { now(): number }
  signed: boolean
}

/** Runs the one WebSocket exchange. Never throws: every failure is in the result. */
export async function wsExchange(opts: WsExchangeOptions): Promise<Exchange> {
  // Loaded here, not at import: every command imports core, only check opens a WebSocket.
  const { default: WebSocketClient } = await import('ws')
  const started = performance.now()
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10
  const ex = emptyExchange('websocket', opts.signed)
  if (opts.url.protocol === 'wss:' || opts.url.protocol === 'https:')
    ex.tlsName = opts.servername ?? opts.url.hostname
  const opened = await openSocket({ ...opts, url: opts.url }, ex.timings, elapsed)
  keepEvidence(ex, opened)
  if (!opened.ok) {
    ex.failure = opened.failure
    if (opened.address) ex.address = opened.address
    ex.timings.total = elapsed()
    return ex
  }
  if (opened.value.address) ex.address = opened.value.address
  const socket = opened.value.socket

  await new Promise<void>((resolve) => {
    let done = false
    let upgradedAt = 0
    let timer: NodeJS.Timeout | undefined
    const handshakeStarted = elapsed()
    ex.sentAt = opts.clock.now()
    const ws = new WebSocketClient(opts.url, {
      createConnection: () => socket,
      headers: opts.headers ?? {},
      followRedirects: false,
      perMessageDeflate: false,
      maxPayload: MAX_FRAME_BYTES,
    })
    const finish = () => {
      if (done) return
      done = true
      if (timer) clearTimeout(timer)
      ex.timings.total = elapsed()
      if (ws.readyState === WebSocketClient.OPEN) ws.close(1000)
      // A server that ignores our close must not keep the process alive.
      setTimeout(() => ws.terminate(), 200).unref()
      socket.unref()
      resolve()
    }
    const arm = (ms: number, onTimeout: () => void) => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(onTimeout, ms)
    }
    arm(opts.deadlines.handshake, () => {
      ex.failure = timeoutFailure('handshake', opts.deadlines.handshake)
      ws.terminate()
      finish()
    })

    ws.on('upgrade', (res: IncomingMessage) => {
      ex.timings.handshake = elapsed() - handshakeStarted
      ex.upgradeHeaders = flatHeaders(res)
    })
    ws.on('unexpected-response', (req, res) => {
      ex.timings.handshake = elapsed() - handshakeStarted
      // A body that never ends must not hold the run: cut it at the first-frame deadline, keep what came.
      arm(opts.deadlines.firstFrame, () => res.destroy())
      readHead(res, opts.clock).then((head) => {
        ex.response = head
        req.destroy()
        finish()
      })
    })
    ws.on('open', () => {
      ex.upgraded = true
      upgradedAt = elapsed()
      arm(opts.deadlines.firstFrame, () => {
        ex.failure = timeoutFailure('firstFrame', opts.deadlines.firstFrame)
        finish()
      })
      void sendFrames(ws, opts.frames)
    })
    ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      if (done) return
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
      const text = buf.toString('utf8')
      const at = Math.round((elapsed() - upgradedAt) * 10) / 10
      if (ex.frames.length === 0) ex.timings.firstFrame = at
      if (ex.frames.length < MAX_FRAMES)
        ex.frames.push({ at, binary: isBinary, text, ...(isBinary ? { bytes: buf } : {}), size: buf.length })
      if (opts.endWhen?.(text, isBinary) || ex.frames.length >= MAX_FRAMES) return finish()
      arm(opts.deadlines.session, () => {
        if (!opts.serverCloses) ex.failure = timeoutFailure('session', opts.deadlines.session)
        finish()
      })
    })
    ws.on('close', (code: number, reason: Buffer) => {
      if (!done)
        ex.close = {
          code,
          reason: reason.toString('utf8').slice(0, 200),
          by: 'server',
          at: Math.round((elapsed() - upgradedAt) * 10) / 10,
        }
      finish()
    })
    ws.on('error', (err: unknown) => {
      if (done) return
      // Before the upgrade, an error is the handshake's (a reset, a non-HTTP answer); after it, the session's.
      // A 101 came (its headers are kept) but failed the client's checks: a broken handshake, not a close.
      if (!ex.upgraded && ex.upgradeHeaders) ex.failure = wsHandshakeFailure(err)
      else if (!ex.upgraded && !ex.response) ex.failure = toNetFailure('handshake', err)
      else if (ex.upgraded && !ex.close)
        ex.failure = toNetFailure(ex.frames.length ? 'session' : 'firstFrame', err)
      if (!ex.response) finish()
    })
  })
  return ex
}

async function sendFrames(ws: WebSocket, frames: OutgoingFrame[]): Promise<void> {
  for (const f of frames) {
    if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs).unref())
    if (ws.readyState !== ws.OPEN) return
    ws.send(f.data)
  }
}

/** Status, headers and a capped body of an HTTP answer. Never waits past the body cap. */
export function readHead(res: IncomingMessage, clock: { now(): number }): Promise<ResponseHead> {
  const receivedAt = clock.now()
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let truncated = false
    const done = () => {
      const body = Buffer.concat(chunks).toString('utf8')
      resolve({
        status: res.statusCode ?? 0,
        headers: flatHeaders(res),
        body,
        bodyTruncated: truncated,
        receivedAt,
      })
    }
    res.on('data', (chunk: Buffer) => {
      if (size >= MAX_BODY_BYTES) return
      const room = MAX_BODY_BYTES - size
      if (chunk.length > room) {
        truncated = true
        chunks.push(chunk.subarray(0, room))
        size = MAX_BODY_BYTES
        res.destroy()
        done()
        return
      }
      chunks.push(chunk)
      size += chunk.length
    })
    res.on('end', done)
    res.on('close', done)
    res.on('error', done)
  })
}

/** Response headers as one lower-case map (repeated headers joined). */
export function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(res.headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  return out
}
