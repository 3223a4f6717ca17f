// Connection-level scenarios (nothing listening, unresolvable host, unanswered upgrade), TLS with the
// in-process certificates, wrong schemes, an `http` service, and close() leaving no handle behind.
import type { ProviderPack } from '@apidx/core'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
import { afterEach, describe, expect, it } from 'vitest'
import { iatFrames, iflytek, observe, signV2 } from '../test/helpers.js'
import { demoCredentials } from './credentials.js'
import { SERVERNAME, startMock, UNRESOLVABLE_HOST } from './index.js'
import type { MockOptions, MockServer } from './types.js'

const demo = demoCredentials(iflytek)
let server: MockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})
const start = async (opts: Partial<MockOptions> = {}) =>
  (server = await startMock({ pack: iflytek, service: 'iat', ...opts }))
const signed = (s: MockServer) => signV2(s.url, demo.apiKey!, demo.apiSecret!)

/** The sockets and servers of this process, to prove close() leaves none. */
const netHandles = () =>
  process
    .getActiveResourcesInfo()
    .filter((r) => r === 'TCPSocketWrap' || r === 'TCPServerWrap' || r === 'Timeout').length

describe('connection scenarios', () => {
  it('refused: the URL points at a port where nothing listens', async () => {
    const s = await start({ scenario: 'refused' })
    const seen = await observe(s.url)
    expect(seen.error).toBe('ECONNREFUSED')
    expect(s.scenario.client?.target).toBe('refused')
  })

  it('dns-not-found: the URL names an unresolvable .invalid host; the client injects the resolver', async () => {
    const s = await start({ scenario: 'dns-not-found' })
    expect(new URL(s.url).hostname).toBe(UNRESOLVABLE_HOST)
    expect(s.scenario.client?.resolver).toBe('not-found')
  })

  it('handshake-timeout: TCP accepted, the upgrade never answered, and close() ends the held socket', async () => {
    const s = await start({ scenario: 'handshake-timeout' })
    const seen = await observe(signed(s), { waitMs: 500 })
    expect(seen.status).toBeUndefined()
    expect(seen.opened).toBe(false)
    expect(s.requests).toHaveLength(1)
  })

  it('close() leaves no socket, server or timer of the emulator (held connections included)', async () => {
    const baseline = netHandles()
    const s = await startMock({ pack: iflytek, service: 'iat', scenario: 'handshake-timeout' })
    const held = net.connect(s.port, '127.0.0.1')
    held.on('error', () => {})
    await new Promise((r) => held.once('connect', r))
    held.write(
      'GET /v2/iat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    )
    await new Promise((r) => setTimeout(r, 100))
    const closedByServer = new Promise((r) => held.once('close', r))
    await s.close()
    await closedByServer
    await new Promise((r) => setTimeout(r, 50))
    expect(netHandles()).toBeLessThanOrEqual(baseline)
  })
})

describe('TLS', () => {
  it('tls: true serves wss with a certificate for servername from a CA the client is given', async () => {
    const s = await start({ tls: true })
    expect(s.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/v2\/iat$/)
    expect(s.servername).toBe(SERVERNAME)
    const seen = await observe(signed(s), {
      ca: s.ca!,
      servername: s.servername!,
      send: iatFrames,
      waitMs: 500,
    })
    expect(seen.status).toBe(101)
    expect(seen.frames).toHaveLength(2)
  })

  it.each([
    ['tls-self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['tls-expired', 'CERT_HAS_EXPIRED'],
    ['tls-wrong-host', 'ERR_TLS_CERT_ALTNAME_INVALID'],
  ])('%s fails the client certificate check with %s', async (scenario, code) => {
    const s = await start({ scenario })
    expect(s.url.startsWith('wss://')).toBe(true)
    if (scenario === 'tls-self-signed') expect(s.ca).toBeUndefined()
    else expect(s.ca).toContain('BEGIN CERTIFICATE')
    const seen = await observe(signed(s), { ...(s.ca ? { ca: s.ca } : {}), servername: s.servername! })
    expect(seen.error).toBe(code)
    expect(s.requests).toEqual([])
  })

  it('wrong-scheme: ws:// to the TLS port gets nginx\'s 400 "plain HTTP request was sent to HTTPS port"', async () => {
    const s = await start({ scenario: 'wrong-scheme' })
    expect(s.scenario.client?.scheme).toBe('ws')
    const seen = await observe(signed(s).replace(/^wss:/, 'ws:'))
    expect(seen.status).toBe(400)
    expect(seen.body).toContain('The plain HTTP request was sent to HTTPS port')
    expect(s.requests[0]).toMatchObject({ method: 'GET' })
  })

  it('wrong-scheme-http: a signed https GET without upgrade to the WebSocket service gets 426', async () => {
    const s = await start({ scenario: 'wrong-scheme-http' })
    const res = await new Promise<{ status?: number; upgrade?: string }>((resolve, reject) => {
      https
        .get(signed(s).replace(/^wss:/, 'https:'), { ca: s.ca!, servername: s.servername! }, (r) => {
          r.resume()
          resolve({ status: r.statusCode, upgrade: r.headers.upgrade })
        })
        .on('error', reject)
    })
    expect(res).toEqual({ status: 426, upgrade: 'websocket' })
  })

  it('a TLS client that gives up mid-handshake does not disturb the emulator', async () => {
    const s = await start({ tls: true })
    const c = tls.connect({
      host: '127.0.0.1',
      port: s.port,
      servername: SERVERNAME,
      rejectUnauthorized: false,
    })
    c.on('error', () => {})
    c.destroy()
    expect((await observe(signed(s), { ca: s.ca!, servername: s.servername!, waitMs: 300 })).status).toBe(101)
  })
})

/** A minimal pack with an unauthenticated `http` service, modelled on reference A1/A6. */
const httpPack = {
  id: 'fixture',
  name: 'Fixture',
  packVersion: '1.0.0',
  verified: '2026-01-01',
  docs: 'https://example.com/docs',
  hosts: ['api.example.com'],
  credentials: {},
  auth: {},
  services: {
    echo: {
      title: 'Echo',
      docs: 'https://example.com/docs/echo',
      defaultVersion: 'v1',
      errors: {
        '40001': {
          meaning: 'bad input',
          vendorText: 'invalid input',
          fix: 'fix it',
          source: 'https://example.com/docs/echo',
        },
      },
      versions: {
        v1: {
          url: 'https://api.example.com/v1/echo',
          protocol: 'http',
          method: 'POST',
          auth: null,
          status: 'current',
          source: 'https://example.com/docs/echo',
          session: { idFrom: 'server', pointer: '/sid' },
          response: {
            format: 'json',
            schema: { type: 'object', required: ['code', 'sid', 'data'] },
            errorCode: '/code',
            codeType: 'string',
            examples: {
              frames: [{ code: '0', sid: '{sid}', data: 'ok' }],
              errorFrame: { code: '{code}', desc: '{message}', sid: '{sid}' },
            },
          },
        },
      },
    },
  },
} as unknown as ProviderPack

describe('http services', () => {
  const post = (url: string, body = '{}') =>
    fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } }).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type'),
      body: await r.text(),
    }))

  it('answers the example body with a server sid', async () => {
    server = await startMock({ pack: httpPack })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/echo$/)
    const r = await post(server.url)
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({
      code: '0',
      data: 'ok',
      sid: expect.stringMatching(/^ech[0-9a-f]{8}@dx/),
    })
  })

  it('answers a wrong method or path with 404 and a vendor-error with the error body (code kept a string)', async () => {
    server = await startMock({ pack: httpPack, scenario: 'vendor-error' })
    expect((await fetch(server.url)).status).toBe(404)
    expect(JSON.parse((await post(server.url)).body)).toMatchObject({ code: '40001', desc: 'invalid input' })
  })

  it('answers 413 to a body over 1 MiB', async () => {
    server = await startMock({ pack: httpPack })
    expect((await post(server.url, 'x'.repeat(1024 * 1024 + 10)).catch(() => ({ status: 413 }))).status).toBe(
      413,
    )
  })

  it('wrong-scheme on an http service: the client part is plain http://, answered 400 on the TLS port', async () => {
    server = await startMock({ pack: httpPack, scenario: 'wrong-scheme' })
    expect(server.scenario.client?.scheme).toBe('http')
    expect(server.url).toMatch(/^https:/)
    const r = await fetch(server.url.replace(/^https:/, 'http:'), { method: 'POST', body: '{}' })
    expect(r.status).toBe(400)
    await expect(startMock({ pack: httpPack, scenario: 'wrong-scheme-http' })).rejects.toMatchObject({
      code: 'ERR_SCENARIO_NOT_APPLICABLE',
    })
  })

  it('no-response and handshake-timeout on an http service: the request is held, and the expected root cause is http/timeout', async () => {
    for (const scenario of ['no-response', 'handshake-timeout']) {
      const s = await startMock({ pack: httpPack, scenario })
      expect(s.scenario.expect).toBe('http/timeout')
      const aborted = await fetch(s.url, {
        method: 'POST',
        body: '{}',
        signal: AbortSignal.timeout(300),
      }).then(
        () => false,
        () => true,
      )
      expect(aborted).toBe(true)
      await s.close()
    }
  })

  it('a port in use is ERR_PORT_UNAVAILABLE, not a crash', async () => {
    server = await startMock({ pack: httpPack })
    await expect(startMock({ pack: httpPack, port: server.port })).rejects.toMatchObject({
      code: 'ERR_PORT_UNAVAILABLE',
      message: expect.stringContaining('already in use'),
    })
  })

  it('refuses a host that is not loopback', async () => {
    await expect(startMock({ pack: httpPack, host: '0.0.0.0' })).rejects.toMatchObject({ code: 'ERR_USAGE' })
  })
})
