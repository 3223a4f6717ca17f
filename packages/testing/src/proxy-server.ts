// A real forward proxy on loopback for tests: the `proxy` npm package (CONNECT tunnels, Basic
// Proxy-Authorization), recording the CONNECT targets it was asked for.
import http from 'node:http'
import type net from 'node:net'
import { createProxy } from 'proxy'

export interface ProxyServerOptions {
  /** Require these Basic credentials (407 otherwise). */
  credentials?: { user: string; password: string }
}

export interface TestProxy {
  port: number
  /** `http://127.0.0.1:<port>`, without credentials. */
  url: string
  /** The `host:port` of every CONNECT the proxy received. */
  connects: string[]
  close(): Promise<void>
}

/** Starts the proxy on a free loopback port. */
export async function startProxy(options: ProxyServerOptions = {}): Promise<TestProxy> {
  const connects: string[] = []
  const sockets = new Set<net.Socket>()
  const server = http.createServer()
  // Recorded before the proxy's own handler runs (listeners run in order).
  server.on('connect', (req: http.IncomingMessage) => connects.push(req.url ?? ''))
  const proxy = createProxy(server)
  const { credentials } = options
  if (credentials) {
    const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`
    proxy.authenticate = (req) => req.headers['proxy-authorization'] === expected
  }
  server.on('connection', (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
