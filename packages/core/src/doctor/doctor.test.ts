// runDoctor on loopback: the clock against a server's Date (direct and through a dead proxy), the
// control lookup, the proxy table with NO_PROXY, and the credential hygiene — no real host.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { runDoctor } from './doctor.js'

const pack = {
  id: 'demo',
  name: 'Demo',
  packVersion: '1.0.0',
  verified: '2026-01-01',
  docs: 'https://docs.demo.test/',
  hosts: ['api.demo.test'],
  credentials: {
    apiKey: { env: 'DEMO_KEY', secret: false, description: 'key', length: 8 },
    apiSecret: { env: 'DEMO_SECRET', secret: true, description: 'secret' },
  },
  auth: { hmac: { maxSkewSeconds: 300, steps: [], place: {} } },
  services: {
    s: {
      title: 'S',
      docs: 'https://docs.demo.test/s',
      defaultVersion: 'v1',
      versions: { v1: { url: 'https://api.demo.test/v1', protocol: 'http', status: 'current' } },
    },
  },
} as unknown as ProviderPack

let server: http.Server
let url = ''
const skewMs = { value: 0 }
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { date: new Date(Date.now() + skewMs.value).toUTCString() })
    res.end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

const resolves = async () => ({ address: '192.0.2.1', family: 4 })
const nothingResolves = async () => {
  throw Object.assign(new Error('x'), { code: 'EAI_AGAIN' })
}

describe('apidx doctor (core)', () => {
  it('a healthy environment: clock within the limit, DNS answering, credentials clean', async () => {
    const r = await runDoctor({
      packs: [pack],
      env: { DEMO_KEY: 'abcd1234', DEMO_SECRET: 's3cr3t-value' },
      clockUrl: url,
      resolver: resolves,
      timeoutMs: 300,
      nodeVersion: 'v20.19.0',
    })
    expect(r.findings).toEqual([])
    expect(r.ok).toBe(true)
    expect(Math.abs(r.clock!.offsetSeconds)).toBeLessThanOrEqual(1)
    expect(r.providers[0]!.credentials).toEqual([
      { name: 'apiKey', env: 'DEMO_KEY', set: true, secret: false, masked: 'abcd1234' },
      { name: 'apiSecret', env: 'DEMO_SECRET', set: true, secret: true, masked: '•••• (12 chars)' },
    ])
  })

  it('a clock 10 minutes behind the server is clock/skew; no resolver is dns/no-resolver; an old Node is named', async () => {
    skewMs.value = 600_000
    try {
      const r = await runDoctor({
        packs: [pack],
        env: {},
        clockUrl: url,
        resolver: nothingResolves,
        timeoutMs: 300,
        nodeVersion: 'v18.20.0',
      })
      expect(r.findings.map((f) => f.code)).toEqual([
        'env/node-unsupported',
        'dns/no-resolver',
        'clock/skew',
        'auth/missing-credentials',
      ])
      expect(r.clock!.offsetSeconds).toBeLessThanOrEqual(-599)
      expect(r.ok).toBe(false)
    } finally {
      skewMs.value = 0
    }
  })

  it('the proxy each host would use, NO_PROXY honoured, and a dead proxy reported with its password masked', async () => {
    const env = { HTTPS_PROXY: 'http://u:pw-secret@127.0.0.1:9', NO_PROXY: '.other.test' }
    const r = await runDoctor({
      packs: [pack],
      env,
      offline: false,
      clockUrl: url,
      resolver: resolves,
      timeoutMs: 300,
      nodeVersion: 'v22.0.0',
    })
    expect(r.proxies).toEqual([
      {
        provider: 'demo',
        url: 'https://api.demo.test',
        proxy: 'http://u:***@127.0.0.1:9',
        source: 'HTTPS_PROXY',
      },
    ])
    expect(r.findings[0]).toMatchObject({ code: 'proxy/refused', area: 'proxy' })
    expect(JSON.stringify(r)).not.toContain('pw-secret')
    const bypassed = await runDoctor({ packs: [pack], env: { ...env, NO_PROXY: 'demo.test' }, offline: true })
    expect(bypassed.proxies[0]!.proxy).toBeNull()
  })

  it('hygiene: a trailing space and a wrong length, masked', async () => {
    const r = await runDoctor({
      packs: [pack],
      env: { DEMO_KEY: 'abc', DEMO_SECRET: 'value-with-space ' },
      offline: true,
      nodeVersion: 'v22.0.0',
    })
    expect(r.findings.map((f) => [f.code, f.data.env])).toEqual([
      ['credentials/wrong-length', 'DEMO_KEY'],
      ['credentials/whitespace', 'DEMO_SECRET'],
    ])
    expect(r.findings[1]!.message).toContain('a trailing space')
    expect(JSON.stringify(r)).not.toContain('value-with-space')
  })
})
