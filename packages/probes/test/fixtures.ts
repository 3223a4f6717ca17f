// Loopback fixture servers and targets for probe tests: a WebSocket/HTTP server whose behaviour is
// one small declarative "mode", certificates generated in the test, and the iFlytek pack as a target.
// No real host, no real DNS.
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { generate } from 'selfsigned'
import {
  createRegistry,
  resolveTarget,
  runChecks,
  type ProviderPack,
  type RunOptions,
  type RunResult,
  type Target,
} from '@apidx/core'
import { builtinProbes } from '../src/index.js'

export const iflytek = JSON.parse(
  readFileSync(new URL('../../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack

/** What the fixture does with an upgrade request. */
export type Mode =
  | { kind: 'frames'; frames: (string | Buffer)[]; close?: { code: number; reason: string }; date?: string }
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'never-answer' }
  | { kind: 'upgrade-then-silent' }
  | { kind: 'http'; status: number; body: string; headers?: Record<string, string> }

export interface Fixture {
  port: number
  url: (path?: string, scheme?: string) => string
  /** Every request the fixture saw: path with query, and headers. */
  seen: { url: string; headers: http.IncomingHttpHeaders }[]
  close: () => Promise<void>
}

export interface TlsCert {
  key: string
  cert: string
}

/** Generates a certificate for `names` (DNS and IP SANs), valid now unless `expired`. */
export async function certificate(
  names: string[] = ['localhost', '127.0.0.1'],
  expired = false,
  validDays = 30,
): Promise<TlsCert> {
  const now = Date.now()
  const pems = await generate([{ name: 'commonName', value: names[0]! }], {
    keySize: 2048,
    notBeforeDate: new Date(now - (expired ? 3 : 1) * 86_400_000),
    notAfterDate: new Date(now + (expired ? -1 : validDays) * 86_400_000),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: names.map((n) =>
          net.isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n },
        ),
      },
    ],
  })
  return { key: pems.private, cert: pems.cert }
}

/** Starts a fixture on a free loopback port. */
export async function startFixture(mode: Mode, tls?: TlsCert): Promise<Fixture> {
  const seen: Fixture['seen'] = []
  const sockets = new Set<net.Socket>()
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    if (mode.kind === 'http') {
      res.writeHead(mode.status, { 'content-type': 'application/json', ...(mode.headers ?? {}) })
      res.end(mode.body)
    } else {
      res.writeHead(426)
      res.end()
    }
  }
  const server = tls
    ? https.createServer({ key: tls.key, cert: tls.cert }, onRequest)
    : http.createServer(onRequest)
  server.on('connection', (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  server.on('secureConnection', (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    if (mode.kind === 'never-answer') return
    if (mode.kind === 'status' || mode.kind === 'http') {
      const status = mode.status
      const body = mode.kind === 'status' ? (mode.body ?? '') : mode.body
      const headers = {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        date: new Date().toUTCString(),
        ...(mode.headers ?? {}),
      }
      socket.end(
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'X'}\r\n${Object.entries(headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\r\n')}\r\n\r\n${body}`,
      )
      return
    }
    if (mode.kind === 'frames' && mode.date)
      wss.once('headers', (h: string[]) => h.push(`Date: ${mode.date}`))
    else wss.once('headers', (h: string[]) => h.push(`Date: ${new Date().toUTCString()}`))
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      if (mode.kind !== 'frames') return
      ws.once('message', () => {
        for (const f of mode.frames) ws.send(f)
        if (mode.close) ws.close(mode.close.code, mode.close.reason)
      })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    seen,
    url: (path = '/v2/iat', scheme = tls ? 'wss' : 'ws') => `${scheme}://127.0.0.1:${port}${path}`,
    close: async () => {
      for (const s of sockets) s.destroy()
      wss.close()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}

/** A free port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as AddressInfo).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

/** The iat v2 target at `endpoint`. */
export function iatTarget(
  endpoint: string,
  pack: ProviderPack = iflytek,
  service = 'iat',
  version?: string,
): Target {
  return resolveTarget(pack, { service, ...(version ? { version } : {}), endpoint })
}

export const demoCredentials = { appId: 'app12345', apiKey: 'k'.repeat(32), apiSecret: 's'.repeat(32) }

/** A stand-in signer: tests of probes exercise the chain, not the signature (the signing engine has its own). */
const testSigner: RunOptions['signer'] = async ({ url }) => {
  const u = new URL(url)
  u.searchParams.set('authorization', 'c2lnbmVk')
  return { url: u, headers: {} }
}

/** Runs the built-in chain against a target with short deadlines. */
export function check(target: Target, opts: Partial<RunOptions> = {}): Promise<RunResult> {
  return runChecks({
    target,
    registry: createRegistry(builtinProbes),
    credentials: demoCredentials,
    timeoutMs: 400,
    signer: testSigner,
    ...opts,
  })
}

/** The codes of the errors and warnings of a run, in chain order. */
export const codes = (r: RunResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => f.code)

/** A healthy iat v2 frame. */
export const iatFrame = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    code: 0,
    message: 'success',
    sid: 'iat000001@dx',
    data: { status: 2, result: { sn: 1, ls: true, ws: [] } },
    ...extra,
  })
