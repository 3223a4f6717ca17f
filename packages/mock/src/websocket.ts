// One emulated WebSocket session after a successful upgrade: healthy frames with a server sid and the
// vendor's end of stream, or the frame-level faults (error frame, legacy shape, not JSON, silence, 1011).
import type { RawData, WebSocket } from 'ws'
import { encodeEventStream, type Target } from '@apidx/core'
import {
  NOT_JSON,
  endsClientStream,
  errorFrame,
  isLastProbeFrame,
  fill as fillFrame,
  healthyFrames,
  legacyFrame,
  schemaMismatchFrame,
  vendorErrorCode,
} from './frames.js'
import type { Scenario } from './types.js'

/** Most client frames one session reads; past it the session is closed with 1008 (policy). */
export const MAX_CLIENT_FRAMES = 2000
/** Largest client frame accepted, in bytes (ws closes with 1009 above it). */
export const MAX_CLIENT_FRAME_BYTES = 1024 * 1024
/** A session with no client frame for this long is closed, as iFlytek does after 10 s of silence (kept generous). */
export const IDLE_CLOSE_MS = 60_000

/** What one session needs: the target's frames, the scenario, its sid, and a tracked timer. */
export interface SessionContext {
  target: Target
  scenario: Scenario
  /** The session id: server-made, or the client's (`session.queryParam`). */
  sid: string
  /** Registers a timer so close() can clear it. */
  timer(fn: () => void, ms: number): void
  /** The gateway refused inside the session: this code's error frame answers the first client frame. */
  refusalCode?: string
  /** The `byMessage` meaning of the refusal code whose message the vendor sends. */
  refusalVariant?: number
}

/** Runs a session on an upgraded socket until either side closes. */
export function runSession(ws: WebSocket, ctx: SessionContext): void {
  const { target, scenario, sid } = ctx
  const framing = target.version.response?.framing
  const send = (frame: unknown) => {
    if (ws.readyState !== ws.OPEN) return
    // AWS event-stream: the pack's `{headers, payload}` view goes out as the binary message it reads.
    if (framing === 'aws-event-stream' && isEventView(frame))
      return void ws.send(encodeEventStream(frame), { binary: true })
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
  }
  const close = (code: number, reason = '') => {
    if (ws.readyState === ws.OPEN) ws.close(code, reason)
  }

  // A protocol error by the client (oversized or malformed frame) closes the session; ws has already
  // sent the close code (1009, 1002…), so there is nothing else to do but not crash.
  ws.on('error', () => ws.terminate())
  if (scenario.id === 'closed-early') {
    close(1011, 'engine error: the session was aborted')
    return
  }

  let count = 0
  let ended = false
  let lastSeen = Date.now()
  const { early, final } = healthyFrames(target)
  const idle = () => {
    if (ws.readyState !== ws.OPEN) return
    if (Date.now() - lastSeen >= IDLE_CLOSE_MS) close(1000, 'idle')
    else ctx.timer(idle, IDLE_CLOSE_MS)
  }
  ctx.timer(idle, IDLE_CLOSE_MS)

  ws.on('message', (data: RawData, isBinary: boolean) => {
    lastSeen = Date.now()
    count += 1
    if (count > MAX_CLIENT_FRAMES) return close(1008, 'too many frames')
    if (ended || scenario.id === 'no-response') return
    const text = isBinary ? binaryText(data) : rawText(data)

    if (count === 1) {
      const fault =
        ctx.refusalCode !== undefined
          ? errorFrame(target, ctx.refusalCode, sid, ctx.refusalVariant)
          : faultFrame(target, scenario, sid)
      if (fault !== undefined) {
        send(fault)
        ended = true
        return close(1000)
      }
      for (const f of early) send(fill(f, sid, target))
    }
    if (
      endsClientStream(target, text, count) ||
      isLastProbeFrame(target, isBinary ? rawBytes(data) : text, isBinary)
    ) {
      ended = true
      for (const f of final) send(fill(f, sid, target))
      if (target.version.response?.end?.serverCloses) close(1000)
    }
  })
}

/** The one frame a response-fault scenario sends instead of the healthy ones; undefined when healthy. */
function faultFrame(target: Target, scenario: Scenario, sid: string): unknown {
  switch (scenario.id) {
    case 'vendor-error':
      return errorFrame(target, vendorErrorCode(target, scenario.vendorCode)!, sid, scenario.vendorVariant)
    case 'legacy-format':
      return legacyFrame(target, sid)
    case 'not-json':
      return NOT_JSON
    case 'schema-mismatch':
      return schemaMismatchFrame(target, sid)
    default:
      return undefined
  }
}

function fill(frame: unknown, sid: string, target: Target): unknown {
  return fillFrame(frame, { sid }, target.version.response?.codeType)
}

function rawBytes(data: RawData): Buffer {
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
}

function rawText(data: RawData): string {
  return Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : Buffer.from(data as ArrayBuffer).toString('utf8')
}

/** rtasr's end mark may come as a binary frame holding `{"end": true}`; audio is never read as text. */
function binaryText(data: RawData): string | undefined {
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
  return buf.length < 64 && buf[0] === 0x7b ? buf.toString('utf8') : undefined
}

/** A `{headers: {name: string}, payload}` frame of a pack with event-stream framing. */
function isEventView(frame: unknown): frame is { headers: Record<string, string>; payload: unknown } {
  if (frame === null || typeof frame !== 'object' || Array.isArray(frame)) return false
  const headers = (frame as { headers?: unknown }).headers
  return (
    headers !== null &&
    typeof headers === 'object' &&
    !Array.isArray(headers) &&
    Object.values(headers).every((v) => typeof v === 'string')
  )
}
