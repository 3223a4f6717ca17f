// The one-connection clients against hostile loopback servers: caps hold, deadlines name their phase,
// and a huge body or frame cannot exhaust apidx.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { deadlinesFor } from './deadlines.js'
import { httpExchange } from './http-client.js'
import { MAX_BODY_BYTES } from './limits.js'
import { wsExchange } from './ws-client.js'

const clock = { now: () => Date.now() }
const deadlines = deadlinesFor(500)
let server: http.Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  server = undefined
})

async function listen(s: http.Server): Promise<number> {
  server = s
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  return (s.address() as AddressInfo).port
}

describe('http client', () => {
  it('caps a huge body and keeps the status', async () => {
    const port = await listen(
      http.createServer((_, res) => {
        res.writeHead(200)
        res.end(Buffer.alloc(MAX_BODY_BYTES * 4, 'a'))
      }),
    )
    const ex = await httpExchange({
      url: new URL(`http://127.0.0.1:${port}/`),
      method: 'GET',
      deadlines,
      clock,
      signed: false,
    })
    expect(ex.response?.status).toBe(200)
    expect(ex.response?.body.length).toBe(MAX_BODY_BYTES)
    expect(ex.response?.bodyTruncated).toBe(true)
  })

  it('does not follow a redirect', async () => {
    let hits = 0
    const port = await listen(
      http.createServer((_, res) => {
        hits++
        res.writeHead(302, { location: '/again' })
        res.end()
      }),
    )
    const ex = await httpExchange({
      url: new URL(`http://127.0.0.1:${port}/`),
      method: 'GET',
      deadlines,
      clock,
      signed: false,
    })
    expect([ex.response?.status, hits]).toEqual([302, 1])
  })

  it('a POST without a probe body is sent (a got stream would otherwise wait for one)', async () => {
    const port = await listen(
      http.createServer((req, res) => {
        res.writeHead(200)
        res.end(req.method)
      }),
    )
    const ex = await httpExchange({
      url: new URL(`http://127.0.0.1:${port}/`),
      method: 'POST',
      deadlines,
      clock,
      signed: false,
    })
    expect([ex.response?.status, ex.response?.body]).toEqual([200, 'POST'])
  })

  it('a server that never answers is a handshake timeout', async () => {
    const port = await listen(http.createServer(() => {}))
    const ex = await httpExchange({
      url: new URL(`http://127.0.0.1:${port}/`),
      method: 'GET',
      deadlines,
      clock,
      signed: false,
    })
    expect(ex.failure).toMatchObject({ phase: 'handshake', kind: 'timeout' })
  })
})

describe('ws client', () => {
  it('closes on a frame over the cap (1009) instead of buffering it', async () => {
    const s = http.createServer()
    const wss = new WebSocketServer({ server: s })
    wss.on('connection', (ws) => ws.on('message', () => ws.send(Buffer.alloc(2 * 1024 * 1024))))
    const port = await listen(s)
    const ex = await wsExchange({
      url: new URL(`ws://127.0.0.1:${port}/`),
      frames: [{ data: 'hi' }],
      deadlines,
      clock,
      signed: false,
    })
    expect(ex.upgraded).toBe(true)
    expect(ex.frames).toHaveLength(0)
    expect(ex.failure?.phase === 'firstFrame' || ex.close !== undefined).toBe(true)
    wss.close()
  })

  it('records per-phase timings of the one connection', async () => {
    const s = http.createServer()
    const wss = new WebSocketServer({ server: s })
    wss.on('connection', (ws) => ws.on('message', () => ws.send('{"ok":true}')))
    const port = await listen(s)
    const ex = await wsExchange({
      url: new URL(`ws://127.0.0.1:${port}/`),
      frames: [{ data: 'hi' }],
      endWhen: () => true,
      deadlines,
      clock,
      signed: false,
    })
    expect(ex.frames.map((f) => f.text)).toEqual(['{"ok":true}'])
    for (const k of ['dns', 'tcp', 'handshake', 'firstFrame', 'total'] as const)
      expect(ex.timings[k]).toBeGreaterThanOrEqual(0)
    wss.close()
  })
})
