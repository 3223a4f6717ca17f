// Vendor-published known answers (our own copy of ../shared/vectors) through the packs' schemes:
// every intermediate the docs print is checked, not only the final signature.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { signRequest, type SignResult } from './sign.js'

const vectors = JSON.parse(readFileSync(new URL('./fixtures/vendor-vectors.json', import.meta.url), 'utf8'))
  .vectors as { id: string; inputs: Record<string, any>; expected: Record<string, string> }[]
const pack = (id: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../providers/${id}/pack.json`, import.meta.url), 'utf8'),
  ) as ProviderPack
const vector = (id: string) => vectors.find((v) => v.id === id)!
const step = (r: SignResult, name: string) => r.steps.find((s) => s.name === name)?.value

describe('iFlytek vectors', () => {
  const iflytek = pack('iflytek')
  it('iflytek-v2-iat: origin, signature, authorization and the full signed URL', () => {
    const { inputs: i, expected: e } = vector('iflytek-v2-iat')
    const r = signRequest(
      iflytek,
      'hmac-url',
      { url: i.url },
      { apiKey: i.apiKey, apiSecret: i.apiSecret },
      Date.parse(i.date),
    )
    expect(step(r, 'date')).toBe(i.date)
    expect(step(r, 'origin')).toBe(e.signatureOrigin)
    expect(r.signature).toBe(e.signature)
    expect(step(r, 'authOrigin')).toBe(e.authorizationOrigin)
    expect(step(r, 'authorization')).toBe(e.authorization)
    expect(r.request.url).toBe(e.signedUrl)
  })
  it('iflytek-v2-llm-iat: host and request line of the LLM endpoint', () => {
    const { inputs: i, expected: e } = vector('iflytek-v2-llm-iat')
    const r = signRequest(
      iflytek,
      'hmac-url',
      { url: i.url },
      { apiKey: i.apiKey, apiSecret: i.apiSecret },
      Date.parse(i.date),
    )
    expect(step(r, 'origin')).toBe(e.signatureOrigin)
    expect(r.signature).toBe(e.signature)
  })
  it('iflytek-rtasr-signa: base string, md5, signa and the query', () => {
    const { inputs: i, expected: e } = vector('iflytek-rtasr-signa')
    const r = signRequest(
      iflytek,
      'rtasr-signa',
      { url: i.url },
      { appId: i.appId, apiKey: i.apiKey },
      Number(i.ts) * 1000,
    )
    expect(step(r, 'baseString')).toBe(e.baseString)
    expect(step(r, 'md5')).toBe(e.md5)
    expect(r.signature).toBe(e.signa)
    expect(new URL(r.request.url).search).toBe(`?${e.query}`)
  })
})

describe('AWS SigV4 vectors', () => {
  const aws = pack('aws')
  for (const id of [
    'aws-sigv4-get-vanilla',
    'aws-sigv4-get-vanilla-query-order-key-case',
    'aws-sigv4-post-x-www-form-urlencoded',
  ]) {
    it(id, () => {
      const { inputs: i, expected: e } = vector(id)
      const r = signRequest(
        aws,
        'sigv4',
        { method: i.method, url: i.url, headers: i.headers, body: i.body },
        { accessKeyId: i.accessKeyId, secretAccessKey: i.secretAccessKey },
        Date.parse(i.date),
        { params: { region: i.region, service: i.service } },
      )
      if (e.canonicalRequest) expect(step(r, 'canonicalRequest')).toBe(e.canonicalRequest)
      if (e.stringToSign) expect(step(r, 'stringToSign')).toBe(e.stringToSign)
      if (e.signedHeaders)
        expect(step(r, 'headers.names') ?? r.request.headers.authorization).toContain(e.signedHeaders)
      expect(r.signature).toBe(e.signature)
      if (e.authorization) expect(r.request.headers.authorization).toBe(e.authorization)
    })
  }
})

describe('Tencent TC3 vector', () => {
  it('tencent-tc3-cvm: payload hash, canonical request hash, string to sign, signature, Authorization', () => {
    const { inputs: i, expected: e } = vector('tencent-tc3-cvm')
    const r = signRequest(
      pack('tencentcloud'),
      'tc3',
      { method: i.method, url: i.url, headers: i.headers, body: i.body },
      { secretId: i.secretId, secretKey: i.secretKey },
      Number(i.timestamp) * 1000,
      { params: { service: i.service } },
    )
    expect(step(r, 'bodyHash')).toBe(e.hashedPayload)
    expect(step(r, 'canonicalRequestHash')).toBe(e.hashedCanonicalRequest)
    expect(step(r, 'stringToSign')).toBe(e.stringToSign)
    expect(r.signature).toBe(e.signature)
    expect(r.request.headers.authorization).toBe(e.authorization)
  })
})

describe('Aliyun RPC v1 vector', () => {
  it('aliyun-rpc-v1: string to sign and signature, with the doc nonce and timestamp', () => {
    const { inputs: i, expected: e } = vector('aliyun-rpc-v1')
    const p = i.params as Record<string, string>
    const url = `https://ecs.aliyuncs.com/?Action=${p.Action}&Format=${p.Format}&Version=${p.Version}`
    const r = signRequest(
      pack('aliyun'),
      'rpc-v1',
      { method: i.method, url },
      { accessKeyId: p.AccessKeyId!, accessKeySecret: i.accessKeySecret },
      Date.parse(p.Timestamp!),
      { nonces: { nonce: p.SignatureNonce! } },
    )
    expect(step(r, 'stringToSign')).toBe(e.stringToSign)
    expect(r.signature).toBe(e.signature)
    expect(new URL(r.request.url).searchParams.get('Signature')).toBe(e.signature)
  })
})

describe('Baidu bce-auth-v1 vector', () => {
  const baidu = pack('baidu')
  const { inputs: i, expected: e } = vector('baidu-bce-auth-v1')
  const sign = (scheme: string) =>
    signRequest(
      baidu,
      scheme,
      { method: i.method, url: i.url, headers: i.headers },
      { accessKeyId: i.accessKeyId, secretAccessKey: i.secretAccessKey },
      Date.parse(i.timestamp),
      { params: { expiration: String(i.expirationSeconds) } },
    )
  it('default signed headers: prefix, signing key, canonical request, authorization', () => {
    const r = sign('bce-auth-v1-default-headers')
    expect(step(r, 'authStringPrefix')).toBe(e.authStringPrefix)
    expect(step(r, 'signingKey')).toBe(e.signingKey)
    expect(step(r, 'canonicalRequest')).toBe(e.canonicalRequestDefaultHeaders)
    expect(r.request.headers.authorization).toBe(e.authorizationDefaultHeaders)
  })
  it('host and x-bce-date signed: authorization', () => {
    expect(sign('bce-auth-v1').request.headers.authorization).toBe(e.authorizationHostAndDate)
  })
})
