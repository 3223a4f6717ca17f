// Fixture servers: a loopback HTTP/WebSocket server whose whole behaviour is one declarative reply,
// for testing a probe against an answer the emulator does not play (a body no pack declares, a
// frame in a new format, a server that goes quiet after the upgrade). TLS uses certificates made
// in process by @apidx/mock. Nothing here reaches a real host.
import http from 'node:http'
import https from 'node:https'
import type net from 'node:net'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { RunOptions } from '@apidx/core'
import { SERVERNAME, makeCertificates } from '@apidx/mock'

/** What the server does with each request (a WebSocket upgrade or a plain HTTP request). */
export type FixtureReply =
  /** Accept the upgrade; after the client's first message (or at once, `when: 'open'`), send the frames, then close if asked. */
  | {
      kind: 'frames'
      frames: (string | Buffer)[]
      when?: 'first-message' | 'open'
      close?: { code: number; reason: string }
      date?: string
    }
  /** Answer with this status, headers and body (an upgrade is refused with them). */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string>; date?: string }
  /** Read the request and never answer. */
  | { kind: 'never-answer' }
  /** Accept the upgrade and never send a frame. */
  | { kind: 'upgrade-then-silent' }
  /** Drop the connection as soon as the request arrives. */
  | { kind: 'close-early' }

/** The certificate a TLS fixture serves: valid for the test CA, expired, for another host, or self-signed. */
export type FixtureTls = 'good' | 'expired' | 'wrong-host' | 'self-signed'

export interface FixtureOptions {
  /** Serve TLS (wss://, https://) with this certificate; plain when absent. */
  tls?: FixtureTls
}

export interface FixtureServer {
  port: number
  /** The fixture's URL for a path: ws(s):// by default, or the scheme given (`http`, `https`). */
  url(path?: string, scheme?: string): string
  /** Engine options that trust the fixture's test CA under its server name (empty for plain fixtures). */
  engine: Partial<RunOptions>
  /** Every request seen: path with query, and headers. */
  seen: { method: string; url: string; headers: http.IncomingHttpHeaders }[]
  close(): Promise<void>
}

/** Starts a fixture server on a free loopback port. */
export async function startFixture(
  reply: FixtureReply,
  options: FixtureOptions = {},
): Promise<FixtureServer> {
  const seen: FixtureServer['seen'] = []
  const sockets = new Set<net.Socket>()
  const certs = options.tls ? await makeCertificates() : undefined
  const served =
    certs &&
    {
      good: certs.good,
      expired: certs.expired,
      'wrong-host': certs.wrongHost,
      'self-signed': certs.selfSigned,
    }[options.tls!]

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push({ method: req.method ?? 'GET', url: req.url ?? '', headers: req.headers })
    if (reply.kind === 'never-answer') return
    if (reply.kind === 'close-early') return void req.socket.destroy()
    if (reply.kind === 'status') {
      res.writeHead(reply.status, {
        'content-type': 'application/json',
        date: reply.date ?? new Date().toUTCString(),
        ...(reply.headers ?? {}),
      })
      return void res.end(reply.body ?? '')
    }
    // A WebSocket reply to a plain request: what a real gateway says.
    res.writeHead(426, { 'content-type': 'text/plain' })
    res.end('Upgrade Required')
  }
  const server = served
    ? https.createServer({ key: served.key, cert: served.cert }, onRequest)
    : http.createServer(onRequest)
  const track = (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  }
  server.on('connection', track)
  server.on('secureConnection', track)

  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    seen.push({ method: req.method ?? 'GET', url: req.url ?? '', headers: req.headers })
    if (reply.kind === 'never-answer') return
    if (reply.kind === 'close-early') return void socket.destroy()
    if (reply.kind === 'status') {
      const body = reply.body ?? ''
      const headers = {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        date: reply.date ?? new Date().toUTCString(),
        ...(reply.headers ?? {}),
      }
      socket.end(
        `HTTP/1.1 ${reply.status} ${http.STATUS_CODES[reply.status] ?? 'Status'}\r\n${Object.entries(headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\r\n')}\r\n\r\n${body}`,
      )
      return
    }
    const date = reply.kind === 'frames' && reply.date ? reply.date : new Date().toUTCString()
    wss.once('headers', (h: string[]) => h.push(`Date: ${date}`))
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      if (reply.kind !== 'frames') return
      const send = () => {
        for (const f of reply.frames) ws.send(f)
        if (reply.close) ws.close(reply.close.code, reply.close.reason)
      }
      if (reply.when === 'open') send()
      else ws.once('message', send)
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    seen,
    // The certificates are for SERVERNAME: the client connects to 127.0.0.1 and checks that name.
    engine: certs
      ? { tls: { ...(options.tls !== 'self-signed' ? { ca: certs.ca } : {}), servername: SERVERNAME } }
      : {},
    url: (path = '/', scheme = served ? 'wss' : 'ws') =>
      `${scheme}://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    close: async () => {
      for (const s of sockets) s.destroy()
      wss.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
