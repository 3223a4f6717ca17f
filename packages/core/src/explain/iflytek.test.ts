// explain() on the shipped iFlytek pack: the examples (issue 5, item 2) with the answers the reference (A4, A5) gives.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { explain } from './explain.js'

const iflytek = JSON.parse(
  readFileSync(new URL('../../../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const packs = [iflytek]

describe('explain on the iFlytek pack', () => {
  it('10165 --service iat: the iat meaning, its cause, fix and doc link', () => {
    const r = explain('10165', packs, { service: 'iat' })
    expect(r).toMatchObject({ kind: 'vendor-code', found: true, provider: 'iflytek', service: 'iat' })
    expect(r.matches).toHaveLength(1)
    expect(r.matches[0]).toMatchObject({
      code: '10165',
      vendorText: '客户端帧可能乱序，status非法',
      docs: 'https://www.xfyun.cn/doc/asr/voicedictation/API.html',
      preferred: true,
    })
    expect(r.matches[0]!.causes[0]).toMatchObject({
      rank: 1,
      source: 'pack',
      text: expect.stringContaining('status = 0'),
    })
  })

  it('403: the clock-skew and IP-whitelist rules in pack order, and the generic 403', () => {
    const r = explain('403', packs)
    expect(r.matches.map((m) => m.diagnosis)).toEqual(['clock/skew', 'auth/ip-not-allowed'])
    expect(r.generic?.httpStatus).toMatchObject({ code: 403, name: 'Forbidden' })
  })

  it('an HMAC mismatch body: iFlytek, auth/signature-mismatch, the four documented causes in order', () => {
    const r = explain('{"message":"HMAC signature does not match"}', packs)
    expect(r).toMatchObject({ kind: 'error-body', provider: 'iflytek', found: true })
    expect(r.matches).toHaveLength(1)
    expect(r.matches[0]).toMatchObject({ status: 401, diagnosis: 'auth/signature-mismatch' })
    expect(r.matches[0]!.causes.map((c) => c.id).slice(0, 4)).toEqual([
      'wrong-credentials',
      'swapped-credentials',
      'signed-string',
      'signature-encoding',
    ])
    expect(r.matches[0]!.fix).toContain('44')
  })

  it('an rtasr error frame with illegal client_ip: rtasr 10105, IP whitelist first', () => {
    const r = explain(
      '{"action":"error","code":"10105","desc":"illegal access|illegal client_ip: 1.2.3.4"}',
      packs,
    )
    expect(r).toMatchObject({ kind: 'error-body', provider: 'iflytek', service: 'rtasr' })
    expect(r.matches.map((m) => [m.service, m.code])).toEqual([['rtasr', '10105']])
    expect(r.matches[0]!.causes[0]).toMatchObject({
      id: 'ip-whitelist',
      evidence: 'the input contains "client_ip"',
    })
  })

  it('10110 without --service: every service meaning (iat licence, rtasr no licence or, by its message, a bad signa, Spark busy); --service first', () => {
    const all = explain('10110', packs)
    // rtasr's 10110 has a second meaning chosen by its message (desc "invalid authorization|illegal signa").
    expect(all.matches.map((m) => [m.service, m.messageContains])).toEqual([
      ['iat', undefined],
      ['rtasr', undefined],
      ['rtasr', 'illegal signa'],
      ['spark', undefined],
    ])
    expect(all.service).toBeUndefined()
    const spark = explain('10110', packs, { service: 'spark' })
    expect(spark.matches.map((m) => [m.service, m.retryable ?? false])).toEqual([
      ['spark', true],
      ['iat', false],
      ['rtasr', false],
      ['rtasr', false],
    ])
  })

  it('an unknown code: not found, with services of the same family', () => {
    const r = explain('10199', packs, { service: 'iat' })
    expect(r.found).toBe(false)
    expect(r.suggestions?.[0]).toMatchObject({
      provider: 'iflytek',
      service: 'iat',
      reason: expect.stringMatching(/^same family \(101xx\)/),
    })
  })

  it('a Spark error frame: the header code in every service that shares the frame and the code', () => {
    const r = explain(
      '{"header":{"code":11200,"message":"AppIdNoAuthError:(15:24:29.825) tokens.total","sid":"cht000bb55a@dx199c7db6b00b81c550","status":2}}',
      packs,
      { service: 'spark' },
    )
    expect(r.matches[0]).toMatchObject({
      service: 'spark',
      code: '11200',
      observedText: 'AppIdNoAuthError:(15:24:29.825) tokens.total',
    })
    expect(r.matches.map((m) => m.service)).toContain('iat_llm')
  })
})
