// Hostile servers on loopback: raw TCP peers that misbehave on purpose (silence, a TLS handshake that
// stalls, a head trickled byte by byte, a body or frame that never ends, broken WebSocket handshakes
// and frames, odd close codes), so the engine's deadlines, caps and diagnoses are tested against what
// a broken or malicious server really sends. Written on net, not on http/ws, because those refuse to
// misbehave. Nothing here reaches a real host.
import { createHash } from 'node:crypto'
import net from 'node:net'
import type { AddressInfo } from 'node:net'

/** What the server does once a client has connected. */
export type HostileBehaviour =
  /** Reads everything, answers nothing (a wss:// client stalls in TLS, a ws:// or http:// one in the handshake). */
  | { kind: 'silent' }
  /** Closes the connection as soon as the request arrives. */
  | { kind: 'close-after-request' }
  /** Resets the connection (RST) as soon as the request arrives. */
  | { kind: 'reset-after-request' }
  /** Answers the request with bytes that are not HTTP. */
  | { kind: 'not-http' }
  /** Answers with a head larger than any client reads. */
  | { kind: 'header-overflow' }
  /** Sends a status line one byte every `everyMs`, forever (slowloris). */
  | { kind: 'slowloris'; everyMs: number }
  /** Answers 200 and sends a chunked body that never ends, `chunk` bytes every `everyMs`. */
  | { kind: 'endless-body'; everyMs: number; chunk: number }
  /** Answers the upgrade with a 101 that breaks the handshake. */
  | { kind: 'bad-101'; flaw: 'accept' | 'extension' }
  /** Upgrades, then (after the client's first frame) sends these raw frame bytes. */
  | { kind: 'frames'; bytes: Buffer[]; thenClose?: boolean }

export interface HostileServer {
  port: number
  /** The server's URL for a path with the scheme given (`ws`, `wss`, `http`, `https`). */
  url(scheme: string, path: string): string
  close(): Promise<void>
}

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

/** One unmasked server frame: FIN set, the opcode, the length as the protocol encodes it. */
export function rawFrame(opcode: number, payload: Buffer, declaredLength = payload.length): Buffer {
  let head: Buffer
  if (declaredLength < 126) head = Buffer.from([0x80 | opcode, declaredLength])
  else if (declaredLength < 65536) {
    head = Buffer.alloc(4)
    head.writeUInt16BE(declaredLength, 2)
    head[1] = 126
  } else {
    head = Buffer.alloc(10)
    head.writeBigUInt64BE(BigInt(declaredLength), 2)
    head[1] = 127
  }
  head[0] = 0x80 | opcode
  return Buffer.concat([head, payload])
}

/** A close frame with this code and reason (any code, even one the protocol forbids on the wire). */
export function closeFrame(code: number, reason: string): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason))
  payload.writeUInt16BE(code, 0)
  payload.write(reason, 2)
  return rawFrame(0x8, payload)
}

function acceptFor(key: string): string {
  return createHash('sha1')
    .update(key + WS_GUID)
    .digest('base64')
}

/** The 101 answer to an upgrade request, with the flaw asked for. */
function switching(request: string, flaw?: 'accept' | 'extension'): string {
  const key = /sec-websocket-key:\s*(\S+)/i.exec(request)?.[1] ?? ''
  const accept = flaw === 'accept' ? acceptFor(`${key}x`) : acceptFor(key)
  return [
    'HTTP/1.1 101 Switching Protocols',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${accept}`,
    ...(flaw === 'extension' ? ['Sec-WebSocket-Extensions: x-unrequested'] : []),
    `Date: ${new Date().toUTCString()}`,
    '',
    '',
  ].join('\r\n')
}

/** Plays the behaviour on one connection; `timers` collects what must stop at close. */
function play(socket: net.Socket, b: HostileBehaviour, timers: Set<NodeJS.Timeout>): void {
  socket.on('error', () => {})
  if (b.kind === 'silent') return void socket.resume()
  let request = ''
  let upgraded = false
  socket.on('data', (chunk: Buffer) => {
    if (upgraded) {
      if (b.kind === 'frames') {
        for (const f of b.bytes) socket.write(f)
        if (b.thenClose) socket.end()
        upgraded = false // the client's later frames are read and ignored
      }
      return
    }
    if (request.includes('\r\n\r\n')) return
    request += chunk.toString('latin1')
    if (!request.includes('\r\n\r\n')) return
    respond(socket, b, request, timers, () => (upgraded = true))
  })
}

function respond(
  socket: net.Socket,
  b: HostileBehaviour,
  request: string,
  timers: Set<NodeJS.Timeout>,
  onUpgrade: () => void,
): void {
  const every = (ms: number, fn: () => void) => {
    const t = setInterval(() => (socket.destroyed ? clearInterval(t) : fn()), ms)
    timers.add(t)
  }
  switch (b.kind) {
    case 'close-after-request':
      return void socket.end()
    case 'reset-after-request':
      return void socket.resetAndDestroy()
    case 'not-http':
      return void socket.end('\u0000\u0001SSH-2.0-not-http\r\n\r\n')
    case 'header-overflow':
      return void socket.write(`HTTP/1.1 200 OK\r\nX-Filler: ${'a'.repeat(128 * 1024)}\r\n`)
    case 'slowloris': {
      const line = 'HTTP/1.1 200 OK\r\nX-Slow: '
      let i = 0
      return every(b.everyMs, () => socket.write(line[i++] ?? 'a'))
    }
    case 'endless-body':
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n')
      return every(b.everyMs, () => socket.write(`${b.chunk.toString(16)}\r\n${' '.repeat(b.chunk)}\r\n`))
    case 'bad-101':
      return void socket.write(switching(request, b.flaw))
    case 'frames':
      socket.write(switching(request))
      return onUpgrade()
  }
}

/** Starts a hostile server on a free loopback port. */
export async function startHostile(behaviour: HostileBehaviour): Promise<HostileServer> {
  const sockets = new Set<net.Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    play(socket, behaviour, timers)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    url: (scheme, path) => `${scheme}://127.0.0.1:${port}${path}`,
    close: async () => {
      for (const t of timers) clearInterval(t)
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
