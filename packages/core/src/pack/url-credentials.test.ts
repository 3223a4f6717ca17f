// `{cred.<name>}` in a version URL's path: filled from credentials, matched as a wildcard, kept out of
// hosts, queries and secret credentials by the validator; the time step's addSeconds and digit nonces.
import { describe, expect, it } from 'vitest'
import type { AuthScheme, ProviderPack } from '../generated/index.js'
import { evaluate } from '../signing/evaluate.js'
import { workingRequest } from '../signing/request.js'
import { signRequest } from '../signing/sign.js'
import { verifyRequest } from '../signing/verify.js'
import { prepareRequest } from '../engine/prepare.js'
import { checkMeaning } from './meaning.js'
import { matchUrl, resolveTarget } from './target.js'
import { fillUrlCredentials, pathMatcher, urlCredentialNames } from './url-credentials.js'

const scheme: AuthScheme = {
  description: 'url signature',
  timestamp: 'unix-s',
  steps: [
    { id: 'timestamp', op: 'time', format: 'unix-s' },
    { id: 'expired', op: 'time', format: 'unix-s', addSeconds: 86400 },
    { id: 'nonce', op: 'nonce', format: 'digits', digits: 9 },
    {
      op: 'set',
      query: {
        secretid: '{cred.secretId}',
        timestamp: '{timestamp}',
        expired: '{expired}',
        nonce: '{nonce}',
      },
      ifAbsent: true,
    },
    { id: 'canonicalQuery', op: 'canonicalQuery', encode: 'none', sort: 'bytes', exclude: ['signature'] },
    {
      id: 'signature',
      op: 'hmac',
      alg: 'sha1',
      key: '{cred.secretKey}',
      data: '{url.host}{url.path}?{canonicalQuery}',
      out: 'base64',
    },
  ],
  place: { query: { signature: '{signature}' } },
}

function pack(url = 'wss://asr.example.com/asr/v2/{cred.appId}'): ProviderPack {
  return {
    id: 'demo',
    name: 'Demo',
    description: 'demo',
    packVersion: '0.0.1',
    verified: '2026-01-01',
    docs: 'https://example.com',
    hosts: ['asr.example.com'],
    credentials: {
      appId: { env: 'DEMO_APP_ID', secret: false, description: 'app id' },
      secretId: { env: 'DEMO_SECRET_ID', secret: false, description: 'key id' },
      secretKey: { env: 'DEMO_SECRET_KEY', secret: true, description: 'secret' },
    },
    auth: { url: scheme },
    services: {
      rt: {
        title: 'rt',
        description: 'rt',
        docs: 'https://example.com',
        defaultVersion: 'v2',
        versions: {
          v2: { url, protocol: 'websocket', auth: 'url', status: 'current', source: 'https://example.com' },
        },
      },
    },
  } as unknown as ProviderPack
}
const creds = { appId: '1259228442', secretId: 'AKIDexample', secretKey: 'example-secret' }

describe('URL path credentials', () => {
  it('names the placeholders, raw or parsed', () => {
    expect(urlCredentialNames('wss://h/asr/v2/{cred.appId}?x={cred.q}')).toEqual(['appId'])
    expect(urlCredentialNames(new URL('wss://h/asr/v2/{cred.appId}'))).toEqual(['appId'])
    expect(urlCredentialNames('wss://h/asr/v2/iat')).toEqual([])
  })
  it('fills them URL-encoded, and names the variable when one is missing', () => {
    const p = pack()
    expect(fillUrlCredentials(p, new URL(p.services.rt!.versions.v2!.url), { appId: 'a/b c' }).pathname).toBe(
      '/asr/v2/a%2Fb%20c',
    )
    expect(() => fillUrlCredentials(p, new URL(p.services.rt!.versions.v2!.url), {})).toThrow(/DEMO_APP_ID/)
  })
  it('matches any one segment there', () => {
    const m = pathMatcher('/asr/v2/%7Bcred.appId%7D')
    expect(m('/asr/v2/1259228442')).toBe(true)
    expect(m('/asr/v2/1259228442/')).toBe(true)
    expect(m('/asr/v2/')).toBe(false)
    expect(m('/asr/v2/1/2')).toBe(false)
    expect(matchUrl(pack(), 'wss://asr.example.com/asr/v2/1259228442?secretid=x')?.serviceId).toBe('rt')
    expect(matchUrl(pack(), 'wss://asr.example.com/asr/v3/1259228442')).toBeUndefined()
  })
  it('signs the filled path when signing for the version', () => {
    const p = pack()
    const target = resolveTarget(p, { service: 'rt' })
    const r = signRequest(p, target, { url: target.url }, creds, 1592294092_000, {
      nonces: { nonce: '123456789' },
    })
    expect(r.request.url.startsWith('wss://asr.example.com/asr/v2/1259228442?')).toBe(true)
    expect(r.steps.find((s) => s.name === 'expired')?.value).toBe('1592380492')
    expect(() => signRequest(p, target, { url: target.url }, { secretId: 'x', secretKey: 'y' }, 0)).toThrow(
      /DEMO_APP_ID/,
    )
  })
  it('prepares the request with the path filled only when credentials may be sent', async () => {
    const p = pack()
    const target = resolveTarget(p, { service: 'rt' })
    const sent = await prepareRequest(target, creds, { allowInsecure: false, now: 0 })
    expect(sent.url.pathname).toBe('/asr/v2/1259228442')
    const without = await prepareRequest(
      target,
      { secretId: 'x', secretKey: 'y' },
      { allowInsecure: false, now: 0 },
    )
    expect(without.credentials.missing.map((m) => m.env)).toEqual(['DEMO_APP_ID'])
    expect(without.url.pathname).toBe('/asr/v2/%7Bcred.appId%7D')
  })
  it('the validator keeps placeholders in the path, declared and not secret', () => {
    const codes = (url: string) => checkMeaning(pack(url), 'pack.json').map((x) => x.message)
    expect(codes('wss://asr.example.com/asr/v2/{cred.appId}')).toEqual([])
    expect(codes('wss://asr.example.com/asr/v2?app={cred.appId}').join()).toMatch(/outside the URL path/)
    expect(codes('wss://{cred.appId}.asr.example.com/asr').length).toBeGreaterThan(0)
    expect(codes('wss://asr.example.com/asr/{cred.secretKey}').join()).toMatch(/secret credential/)
    expect(codes('wss://asr.example.com/asr/{cred.nope}').join()).toMatch(/does not declare/)
  })
})

describe('time addSeconds and digit nonces', () => {
  it('shifts one time step and keeps the instant of the others', () => {
    const r = evaluate({
      scheme,
      request: workingRequest({ url: 'wss://asr.example.com/asr/v2/1' }),
      credentials: creds,
      secretCredentials: new Set(['secretKey']),
      params: {},
      instant: 1592294092_000,
    })
    expect(r.values.get('timestamp')).toBe('1592294092')
    expect(r.values.get('expired')).toBe('1592380492')
    expect(r.values.get('nonce')).toMatch(/^[1-9]\d{8}$/)
  })
  it('verifies with the instant of the unshifted step', () => {
    const p = pack()
    const target = resolveTarget(p, { service: 'rt' })
    const signed = signRequest(p, target, { url: target.url }, creds, 1592294092_000)
    const v = verifyRequest({
      pack: p,
      target,
      request: { url: signed.request.url },
      credentials: creds,
      now: 1592294100_000,
    })
    expect(v.ok).toBe(true)
    expect(v.timestamp?.raw).toBe('1592294092')
    expect(v.skewSeconds).toBe(-8)
  })
})
