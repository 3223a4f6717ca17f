// The scenario data, demo credentials and scheme reading: the parts other code relies on by name.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { iflytek } from '../test/helpers.js'
import { clientCredentials, demoCredentials } from './credentials.js'
import { findScenario, scenarios } from './scenarios.js'
import { parseTimestamp, schemeFacts } from './scheme.js'

describe('scenarios', () => {
  it('cover the fault matrix of issue 4 with the root cause each must produce', () => {
    expect(Object.fromEntries(scenarios.map((s) => [s.id, s.expect]))).toEqual({
      healthy: null,
      'wrong-path': 'url/not-found',
      'wrong-scheme': 'url/wrong-scheme',
      'wrong-scheme-http': 'url/wrong-scheme',
      'wrong-secret': 'auth/signature-mismatch',
      'unknown-key': 'auth/unknown-key',
      'missing-credentials': 'auth/missing-credentials',
      'clock-skew': 'clock/skew',
      'ip-not-allowed': 'auth/ip-not-allowed',
      'vendor-error': 'vendor/error',
      'legacy-format': 'response/legacy-format',
      'not-json': 'response/not-json',
      'schema-mismatch': 'response/schema-mismatch',
      'handshake-timeout': 'ws/handshake-timeout',
      'no-response': 'ws/no-response',
      'closed-early': 'ws/closed-early',
      refused: 'tcp/refused',
      'dns-not-found': 'dns/not-found',
      'tls-self-signed': 'tls/untrusted-certificate',
      'tls-expired': 'tls/expired-certificate',
      'tls-wrong-host': 'tls/hostname-mismatch',
      redirect: 'http/redirect',
      'server-error': 'http/server-error',
      'rate-limited': 'http/rate-limited',
    })
  })

  it('are all in the README with their root cause', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    for (const s of scenarios) expect(readme).toContain(`| \`${s.id}\` |`)
    for (const s of scenarios) if (s.expect) expect(readme).toContain(`\`${s.expect}\``)
  })

  it('findScenario: healthy by default, vendor-error:<code> keeps the base id and the code, unknown ids are ERR_USAGE', () => {
    expect(findScenario().id).toBe('healthy')
    expect(findScenario('vendor-error:10110')).toMatchObject({
      id: 'vendor-error',
      vendorCode: '10110',
      expect: 'vendor/error',
    })
    expect(() => findScenario('nope')).toThrow(expect.objectContaining({ code: 'ERR_USAGE' }))
    expect(() => findScenario('vendor-error:<script>')).toThrow(
      expect.objectContaining({ code: 'ERR_USAGE' }),
    )
  })

  it('findScenario: vendor-error:<code>#<n> names the byMessage meaning to send; anything else after # is ERR_USAGE', () => {
    expect(findScenario('vendor-error:BadRequestException#1')).toMatchObject({
      id: 'vendor-error',
      vendorCode: 'BadRequestException',
      vendorVariant: 1,
    })
    expect(findScenario('vendor-error:10110')).not.toHaveProperty('vendorVariant')
    expect(() => findScenario('vendor-error:BadRequestException#x')).toThrow(
      expect.objectContaining({
        code: 'ERR_USAGE',
        message: '"#x" does not name a message of BadRequestException.',
      }),
    )
  })
})

describe('credentials', () => {
  it('demo values are fixed, obviously fake, and as long as the pack says', () => {
    const demo = demoCredentials(iflytek)
    expect(demo).toEqual(demoCredentials(iflytek))
    expect(demo.apiKey).toBe('apidx-demo-apikey-00000000000000')
    expect(demo.apiSecret).toHaveLength(32)
    expect(demo.appId).toMatch(/^apidx-demo-appid-/)
  })

  it('a scenario client changes the secret (wrong-secret), the key id (unknown-key) or has none', () => {
    const demo = demoCredentials(iflytek)
    const wrong = clientCredentials(iflytek, findScenario('wrong-secret'), demo, 'hmac-url')
    expect(wrong).toEqual({ ...demo, apiSecret: expect.not.stringMatching(demo.apiSecret!) })
    expect(wrong.apiSecret).toHaveLength(32)
    expect(clientCredentials(iflytek, findScenario('unknown-key'), demo, 'hmac-url')).toEqual({
      ...demo,
      apiKey: 'apidx-unknown-key-00000000000000',
    })
    // rtasr keys the HMAC with the API key and carries the app id.
    expect(clientCredentials(iflytek, findScenario('wrong-secret'), demo, 'rtasr-signa').apiKey).not.toBe(
      demo.apiKey,
    )
    expect(clientCredentials(iflytek, findScenario('unknown-key'), demo, 'rtasr-signa').appId).not.toBe(
      demo.appId,
    )
    expect(clientCredentials(iflytek, findScenario('missing-credentials'), demo, 'hmac-url')).toEqual({})
  })
})

describe('scheme facts', () => {
  it('reads where the v2 timestamp travels, the skew limit, the secret and the key id', () => {
    expect(schemeFacts(iflytek, 'hmac-url')).toMatchObject({
      timestamp: { in: 'query', name: 'date', format: 'rfc1123' },
      maxSkewSeconds: 300,
      secrets: ['apiSecret'],
      keyIds: ['apiKey'],
    })
    expect(schemeFacts(iflytek, 'rtasr-signa')).toMatchObject({
      timestamp: { in: 'query', name: 'ts', format: 'unix-s' },
      secrets: ['apiKey'],
      keyIds: ['appId'],
    })
    expect(schemeFacts(iflytek, 'hmac-url')!.signatureCarriers).toEqual(['query:authorization'])
    expect(schemeFacts(iflytek, 'rtasr-signa')!.signatureCarriers).toEqual(['query:signa'])
    expect(schemeFacts(iflytek, null)).toBeUndefined()
  })

  it('reads set steps and header placement (iflyaisol, old REST checksum, v2 HTTP digest)', () => {
    expect(schemeFacts(iflytek, 'iflyaisol-hmac')).toMatchObject({
      timestamp: { in: 'query', name: 'utc', format: 'iso8601' },
      secrets: ['apiSecret'],
      signatureCarriers: ['query:signature'],
    })
    expect(schemeFacts(iflytek, 'iflyaisol-hmac')!.keyIds.sort()).toEqual(['apiKey', 'appId'])
    expect(schemeFacts(iflytek, 'checksum-md5')).toMatchObject({
      timestamp: { in: 'header', name: 'x-curtime', format: 'unix-s' },
      secrets: ['apiKey'],
      keyIds: ['appId'],
      signatureCarriers: ['header:x-checksum'],
    })
    expect(schemeFacts(iflytek, 'hmac-digest')).toMatchObject({
      timestamp: { in: 'header', name: 'date' },
      secrets: ['apiSecret'],
      keyIds: ['apiKey'],
      signatureCarriers: ['header:authorization'],
    })
  })

  it("parses RFC 1123 dates with GMT or UTC (Go's RFC1123), unix seconds, the +0800 form, and AWS's basic ISO 8601", () => {
    const t = Date.parse('Wed, 10 Jul 2019 07:35:43 GMT')
    expect(parseTimestamp('Wed, 10 Jul 2019 07:35:43 GMT', 'rfc1123')).toBe(t)
    expect(parseTimestamp('Wed, 10 Jul 2019 07:35:43 UTC', 'rfc1123')).toBe(t)
    expect(parseTimestamp(String(t / 1000), 'unix-s')).toBe(t)
    expect(parseTimestamp('2019-07-10T15:35:43+0800', 'iso8601')).toBe(t)
    expect(parseTimestamp('20190710T073543Z', 'iso8601-basic')).toBe(t)
    expect(parseTimestamp('2019-07-10T07:35:43Z', 'iso8601-basic')).toBeUndefined()
    expect(parseTimestamp('yesterday', 'rfc1123')).toBeUndefined()
    expect(parseTimestamp('1e3', 'unix-s')).toBeUndefined()
  })
})
