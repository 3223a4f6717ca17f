// The gateway's answers to the handshake, per scenario: status, headers and the vendor's body, each
// produced by what the client sends (wrong path, wrong key, honest date vs a skewed server clock).
import { afterEach, describe, expect, it } from 'vitest'
import { iatFrames, iflytek, observe, signV2 } from '../test/helpers.js'
import { clientCredentials, demoCredentials } from './credentials.js'
import { findScenario } from './scenarios.js'
import { CLOCK_SKEW_MS, startMock } from './server.js'
import type { MockServer } from './types.js'

const demo = demoCredentials(iflytek)
let server: MockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const start = async (scenario?: string) =>
  (server = await startMock({ pack: iflytek, service: 'iat', ...(scenario ? { scenario } : {}) }))
const signedUrl = (s: MockServer, creds = demo, date?: string) =>
  signV2(s.url, creds.apiKey!, creds.apiSecret!, date)

describe('handshake rejections come from what the client sends', () => {
  it('serves iat v2 at the pack path on loopback and accepts a correctly signed upgrade with 101 and the server Date', async () => {
    const s = await start()
    expect(s.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v2\/iat$/)
    const seen = await observe(signedUrl(s), { send: iatFrames, waitMs: 300 })
    expect(seen.status).toBe(101)
    expect(seen.opened).toBe(true)
    expect(typeof seen.headers?.date).toBe('string')
  })

  it('answers 404 the gateway way when the path lacks /v2', async () => {
    const s = await start('wrong-path')
    const url = signedUrl(s).replace('/v2/iat', '/iat')
    const seen = await observe(url)
    expect(seen.status).toBe(404)
    expect(seen.body).toBe('{"message":"no Route matched with those values"}')
  })

  it('answers 401 Unauthorized with text/plain when the URL carries no signature', async () => {
    const s = await start('missing-credentials')
    const seen = await observe(s.url)
    expect(seen).toMatchObject({ status: 401, body: '{"message":"Unauthorized"}' })
    expect(seen.headers?.['content-type']).toBe('text/plain; charset=utf-8')
  })

  it('answers 401 "HMAC signature does not match" to a wrong secret, because verification fails', async () => {
    const s = await start('wrong-secret')
    const creds = clientCredentials(iflytek, findScenario('wrong-secret'), demo, 'hmac-url')
    expect(creds.apiSecret).not.toBe(demo.apiSecret)
    expect(creds.apiKey).toBe(demo.apiKey)
    const seen = await observe(signedUrl(s, creds))
    expect(seen).toMatchObject({ status: 401, body: '{"message":"HMAC signature does not match"}' })
  })

  it('answers the same 401 to a correct secret on a healthy server only when the signature is wrong', async () => {
    const s = await start()
    const seen = await observe(signedUrl(s, { ...demo, apiSecret: 'x'.repeat(32) }))
    expect(seen).toMatchObject({ status: 401, body: '{"message":"HMAC signature does not match"}' })
  })

  it('answers 401 "fail to retrieve credential" to a key id the server does not know', async () => {
    const s = await start('unknown-key')
    const creds = clientCredentials(iflytek, findScenario('unknown-key'), demo, 'hmac-url')
    expect(creds.apiKey).not.toBe(demo.apiKey)
    expect(creds.apiKey).toHaveLength(32)
    const seen = await observe(signedUrl(s, creds))
    expect(seen).toMatchObject({
      status: 401,
      body: '{"message":"HMAC signature cannot be verified: fail to retrieve credential"}',
    })
  })

  it('rejects an honestly dated request with 403 when the server clock runs 10 minutes ahead, and shows its time in Date', async () => {
    const s = await start('clock-skew')
    const sent = Date.now()
    const seen = await observe(signedUrl(s))
    expect(seen).toMatchObject({
      status: 403,
      body: '{"message":"HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication"}',
    })
    const offset = Date.parse(String(seen.headers?.date)) - sent
    expect(offset).toBeGreaterThan(CLOCK_SKEW_MS - 5000)
    expect(offset).toBeLessThan(CLOCK_SKEW_MS + 5000)
  })

  it('accepts a request dated by the skewed server clock itself (the skew is the only fault)', async () => {
    const s = await start('clock-skew')
    const seen = await observe(signedUrl(s, demo, new Date(Date.now() + CLOCK_SKEW_MS).toUTCString()), {
      waitMs: 300,
    })
    expect(seen.status).toBe(101)
  })

  it('takes the emulated clock from options.clock (a date 301 s off is refused, 299 s accepted)', async () => {
    const fixed = Date.parse('Wed, 10 Jul 2019 07:35:43 GMT')
    server = await startMock({ pack: iflytek, service: 'iat', clock: () => fixed })
    expect((await observe(signedUrl(server, demo, new Date(fixed - 301_000).toUTCString()))).status).toBe(403)
    expect(
      (await observe(signedUrl(server, demo, new Date(fixed + 299_000).toUTCString()), { waitMs: 300 }))
        .status,
    ).toBe(101)
  })

  it('answers 403 "Your IP address is not allowed" to a correctly signed request', async () => {
    const s = await start('ip-not-allowed')
    expect(await observe(signedUrl(s))).toMatchObject({
      status: 403,
      body: '{"message":"Your IP address is not allowed"}',
    })
  })

  it('answers 500 and 429 with Retry-After for the server-error and rate-limited scenarios', async () => {
    const s = await start('server-error')
    expect((await observe(signedUrl(s))).status).toBe(500)
    await s.close()
    const r = await start('rate-limited')
    const seen = await observe(signedUrl(r))
    expect(seen.status).toBe(429)
    expect(seen.headers?.['retry-after']).toBe('1')
  })

  it('redirects with 302 to another listener that records requests and never receives the credential', async () => {
    const s = await start('redirect')
    const seen = await observe(signedUrl(s))
    expect(seen.status).toBe(302)
    const location = new URL(String(seen.headers?.location))
    expect(location.port).not.toBe(String(s.port))
    expect(location.search).toBe('')
    expect(s.requests.filter((r) => r.listener === 'redirect-target')).toEqual([])
    // Following it (what apidx must not do) is recorded, without any credential.
    await observe(location.toString())
    const reached = s.requests.filter((r) => r.listener === 'redirect-target')
    expect(reached).toHaveLength(1)
    expect(JSON.stringify(reached)).not.toContain(Buffer.from(demo.apiKey!).toString('base64').slice(0, 20))
  })

  it('records every request with method, target and headers', async () => {
    const s = await start()
    await observe(signedUrl(s), { send: iatFrames, waitMs: 300 })
    expect(s.requests).toHaveLength(1)
    expect(s.requests[0]).toMatchObject({ listener: 'main', method: 'GET' })
    expect(s.requests[0]!.url).toMatch(/^\/v2\/iat\?authorization=/)
    expect(s.requests[0]!.headers.upgrade).toBe('websocket')
    expect(s.requests[0]!.status).toBe(101)
  })

  it('notes each answer on the record and reports it through onRequest', async () => {
    const seen: string[] = []
    server = await startMock({
      pack: iflytek,
      service: 'iat',
      onRequest: (r) => seen.push(`${r.status} ${r.answer ?? ''}`),
    })
    await observe(server.url.replace('/v2/iat', '/iat'))
    await observe(server.url)
    expect(seen).toEqual([
      '404 {"message":"no Route matched with those values"}',
      '401 {"message":"Unauthorized"}',
    ])
    expect(server.requests.map((r) => r.status)).toEqual([404, 401])
  })
})
