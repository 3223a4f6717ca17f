// One loopback listener: a TCP front that tracks every socket (so close() can end them all) and, on a
// TLS port, answers plain HTTP the way nginx does instead of failing the TLS handshake silently.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import https from 'node:https'
import net, { type Socket } from 'node:net'
import { ApidxError } from '@apidx/core'
import type { ServedCertificate } from './certificates.js'

/** Most simultaneous connections per listener: a hostile client cannot exhaust the emulator. */
export const MAX_CONNECTIONS = 200
/** Largest request head read, in bytes (node answers 431 above it). */
export const MAX_HEADER_BYTES = 16 * 1024

/** What a listener does with a plain request, an upgrade, and plain bytes on a TLS port. */
export interface ListenerHandlers {
  request(req: IncomingMessage, res: ServerResponse): void
  upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void
  /** A TLS listener received bytes that are not a TLS handshake (the client used ws:// or http://). */
  plainOnTls(socket: Socket, firstChunk: Buffer): void
}

/** A started listener: its port, and close() (which stops accepting; sockets are ended by the owner). */
export interface Listener {
  port: number
  close(): Promise<void>
}

/** Starts a listener on `host:port` (0 = any free port), TLS when `cert` is given. */
export function listen(
  host: string,
  port: number,
  cert: ServedCertificate | undefined,
  sockets: Set<Socket>,
  handlers: ListenerHandlers,
): Promise<Listener> {
  const options = { maxHeaderSize: MAX_HEADER_BYTES }
  const inner = cert
    ? https.createServer({ ...options, key: cert.key, cert: cert.cert })
    : http.createServer(options)
  inner.on('request', handlers.request)
  inner.on('upgrade', handlers.upgrade)
  inner.on('clientError', (_err: Error, socket: net.Socket) => socket.destroy())

  const front = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    // A peer that resets is not an error of the emulator.
    socket.on('error', () => socket.destroy())
    if (!cert) {
      inner.emit('connection', socket)
      return
    }
    // Peek at the first byte without switching the socket to flowing mode, so the TLS server reads
    // it again from the socket's buffer.
    const peek = () => {
      const first = socket.read(1) as Buffer | null
      if (first === null) return void socket.once('readable', peek)
      if (first[0] === 0x16) {
        socket.unshift(first)
        inner.emit('connection', socket)
      } else
        handlers.plainOnTls(
          socket,
          Buffer.concat([first, (socket.read() as Buffer | null) ?? Buffer.alloc(0)]),
        )
    }
    socket.once('readable', peek)
  })
  front.maxConnections = MAX_CONNECTIONS
  return new Promise((resolve, reject) => {
    front.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, host, port)))
    front.listen({ host, port, exclusive: true }, () => {
      front.removeAllListeners('error')
      front.on('error', () => {})
      const address = front.address() as net.AddressInfo
      resolve({
        port: address.port,
        close: () => new Promise<void>((done) => front.close(() => done())),
      })
    })
  })
}

/** Finds a free port and releases it at once: nothing listens there afterwards (the `refused` scenario). */
export function reservePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen({ host, port: 0, exclusive: true }, () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

/** A port in use or not allowed is the user's to fix (ERR_PORT_UNAVAILABLE), not a crash. */
function listenError(err: NodeJS.ErrnoException, host: string, port: number): Error {
  if (err.code === 'EADDRINUSE')
    return new ApidxError('ERR_PORT_UNAVAILABLE', `Port ${port} on ${host} is already in use.`, {
      suggestions: ['Choose another --port, or omit it for a free one.'],
    })
  if (err.code === 'EACCES')
    return new ApidxError('ERR_PORT_UNAVAILABLE', `Listening on port ${port} is not allowed for this user.`, {
      suggestions: ['Use a port above 1023, or omit --port.'],
    })
  if (err.code === 'EADDRNOTAVAIL')
    return new ApidxError('ERR_PORT_UNAVAILABLE', `${host} is not an address of this machine.`, {
      suggestions: ['Use 127.0.0.1.'],
    })
  return err
}
