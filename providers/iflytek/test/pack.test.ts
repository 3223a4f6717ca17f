// The iFlytek pack against its source of facts: every code of every per-service table of the
// reference (../shared/reference/iflytek.md, A5) is present with a source, uncertain facts are
// marked, and the example frames agree with the declared response formats.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { decodeNested, validatePackFile } from '@apidx/core'

const file = fileURLToPath(new URL('../pack.json', import.meta.url))
const pack = JSON.parse(readFileSync(file, 'utf8'))

// Copied from the reference's per-service tables (A5). "10010/10110" in the iat table is two codes.
const REFERENCE_CODES: Record<string, string[]> = {
  iat: [
    '10005',
    '10006',
    '10007',
    '10009',
    '10010',
    '10110',
    '10014',
    '10019',
    '10043',
    '10044',
    '10047',
    '10050',
    '10101',
    '10109',
    '10114',
    '10139',
    '10160',
    '10161',
    '10163',
    '10164',
    '10165',
    '10200',
    '10222',
    '10303',
    '10313',
    '10317',
    '10404',
    '10500',
    '10600',
    '10700',
    '11200',
    '11201',
    '11202',
    '11203',
  ],
  iat_llm: [
    '10009',
    '10010',
    '10019',
    '10043',
    '10114',
    '10139',
    '10160',
    '10161',
    '10163',
    '10200',
    '10222',
    '10223',
    '10313',
    '10317',
    '10700',
    '11200',
    '11201',
    '11503',
    '11502',
  ],
  rtasr: ['10105', '10106', '10107', '10110', '10700', '10202', '10204', '10205', '16003', '10800'],
  spark: [
    '10000',
    '10001',
    '10002',
    '10003',
    '10004',
    '10005',
    '10006',
    '10007',
    '10008',
    '10009',
    '10010',
    '10011',
    '10012',
    '10013',
    '10014',
    '10015',
    '10016',
    '10017',
    '10018',
    '10019',
    '10110',
    '10163',
    '10222',
    '10223',
    '10907',
    '11200',
    '11201',
    '11202',
    '11203',
    '10021',
    '10022',
  ],
}

// The per-service differences the reference calls out: the same number, another meaning.
const SCOPED_MEANINGS: [service: string, code: string, vendorText: string][] = [
  ['iat', '10110', '引擎授权不足'],
  ['rtasr', '10110', 'no license'],
  ['spark', '10110', '服务忙'],
  ['iat', '10313', 'appid为空'],
  ['iat_llm', '10313', 'appid和apikey不匹配'],
  ['iat', '10019', 'session超时'],
  ['spark', '10019', '疑似敏感'],
  ['iat', '10163', '缺少必传参数'],
  ['spark', '10163', 'schema'],
]

type Version = Record<string, any>
const versions = (): [string, string, Version][] =>
  Object.entries<any>(pack.services).flatMap(([s, svc]) =>
    Object.entries<Version>(svc.versions).map(([v, ver]) => [s, v, ver] as [string, string, Version]),
  )

const fill = (value: unknown, vars: Record<string, unknown>): unknown =>
  JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' && v in vars ? vars[v] : v))

describe('iflytek pack', () => {
  it('passes the same validation as `apidx packs validate` (shape and meaning)', async () => {
    const result = await validatePackFile(file)
    expect(result.problems).toEqual([])
  })

  for (const [service, codes] of Object.entries(REFERENCE_CODES)) {
    it(`holds every code of the reference's ${service} table, keyed as the vendor sends it, each with meaning, fix and source`, () => {
      const table = pack.services[service].errors ?? {}
      expect(codes.filter((c) => !(c in table))).toEqual([])
      for (const code of codes) {
        expect(table[code].meaning, code).toBeTruthy()
        expect(table[code].vendorText, code).toBeTruthy()
        expect(table[code].fix, code).toBeTruthy()
        expect(table[code].source, code).toMatch(/^https:\/\//)
      }
    })
  }

  it("scopes codes per service: the same number keeps each service's own meaning", () => {
    for (const [service, code, text] of SCOPED_MEANINGS)
      expect(pack.services[service].errors[code].vendorText, `${service} ${code}`).toContain(text)
  })

  it('leaves out 10113, for which no source exists', () => {
    for (const svc of Object.values<any>(pack.services))
      expect(Object.keys(svc.errors ?? {})).not.toContain('10113')
  })

  it('gives every error entry and handshake rule a source', () => {
    for (const [id, svc] of Object.entries<any>(pack.services)) {
      for (const [code, e] of Object.entries<any>(svc.errors ?? {}))
        expect(e.source, `${id} ${code}`).toMatch(/^https:\/\//)
    }
    for (const [s, v, ver] of versions())
      for (const [code, e] of Object.entries<any>(ver.errors ?? {}))
        expect(e.source, `${s} ${v} ${code}`).toMatch(/^https:\/\//)
    for (const rule of pack.handshakeErrors) expect(rule.source).toMatch(/^https:\/\//)
  })

  it("marks the reference's [UNCERTAIN] facts as uncertain", () => {
    const spark = pack.services.spark.versions
    expect(spark.x1.confidence).toBe('uncertain')
    expect(spark.x2.confidence).toBe('uncertain')
    expect(spark.x2.probe.frames[0].json.parameter.chat.domain).toBe('spark-x')
    expect(pack.services.dts.versions.v1.confidence).toBe('uncertain')
    expect(pack.services.rest_gateway.versions.v2.confidence).toBe('uncertain')
    expect(pack.services.rest_gateway.note).toContain('[UNCERTAIN]')
    expect(pack.services.rtasr_llm.versions.v1.note).toContain('[UNCERTAIN]')
    const notes = pack.notes.join('\n')
    expect(notes).toMatch(/\[UNCERTAIN\][^\n]*UTC/)
    expect(notes).toMatch(/\[UNCERTAIN\][^\n]*single quotes/)
    // Codes found only in secondary lists are not presented as documented.
    expect(pack.services.spark.errors['10021'].confidence).toBe('community')
    expect(pack.services.rtasr_llm.errors['100001'].confidence).toBe('uncertain')
  })

  it('gives every Spark version its own domain, in the probe and the title', () => {
    const domains: Record<string, string> = {
      'v4.0': '4.0Ultra',
      'max-32k': 'max-32k',
      'v3.5': 'generalv3.5',
      'pro-128k': 'pro-128k',
      'v3.1': 'generalv3',
      'v1.1': 'lite',
      kjwx: 'kjwx',
      x1: 'x1',
      x2: 'spark-x',
      'v2.1': 'generalv2',
    }
    const spark = pack.services.spark.versions
    expect(Object.keys(spark).sort()).toEqual(Object.keys(domains).sort())
    for (const [v, domain] of Object.entries(domains)) {
      expect(spark[v].probe.frames[0].json.parameter.chat.domain, v).toBe(domain)
      expect(spark[v].title, v).toContain(domain)
    }
    expect(spark['v2.1']).toMatchObject({ status: 'legacy', successor: { version: 'v3.1' } })
  })

  it('selects the documented default of each service', () => {
    expect(pack.services.iat.defaultVersion).toBe('v2')
    expect(pack.services.iat.versions.v2.url).toBe('wss://iat-api.xfyun.cn/v2/iat')
    expect(pack.services.rtasr.versions.v1.url).toBe('wss://rtasr.xfyun.cn/v1/ws')
  })

  it('tries the unknown-key and enforced-host rules before the generic "cannot be verified" rule', () => {
    const order = pack.handshakeErrors.map((r: any) => r.bodyContains)
    const generic = order.indexOf('HMAC signature cannot be verified')
    expect(order.indexOf('fail to retrieve credential')).toBeLessThan(generic)
    expect(order.indexOf("enforced header 'host' not used")).toBeLessThan(generic)
    for (const rule of pack.handshakeErrors) {
      const first = pack.handshakeErrors.find(
        (r: any) => r.status === rule.status && rule.example.includes(r.bodyContains),
      )
      expect(first, rule.example).toBe(rule)
    }
  })

  const ajv = new Ajv({ strict: false, allowUnionTypes: true })
  for (const [s, v, ver] of versions()) {
    const r = ver.response
    if (!r?.schema) continue
    it(`${s} ${v}: example frames (decoded as declared) match the response schema, the error frame carries a failing code, the legacy frame is recognised`, () => {
      const check = ajv.compile(r.schema)
      for (const frame of r.examples?.frames ?? [])
        expect(
          check(decodeNested(fill(frame, { '{sid}': 'sid0001' }), r.decode)),
          JSON.stringify(check.errors),
        ).toBe(true)
      if (r.examples?.errorFrame && r.errorCode) {
        const code = Object.keys(pack.services[s].errors ?? { '10000': {} })[0]!
        const doc = fill(r.examples.errorFrame, {
          '{sid}': 'sid0001',
          '{message}': 'x',
          '{code}': r.codeType === 'string' ? code : Number(code),
        })
        const at = r.errorCode
          .split('/')
          .slice(1)
          .reduce((o: any, k: string) => o?.[k], doc)
        expect(String(at)).toBe(code)
        expect((r.okCodes ?? [0, '0']).map(String)).not.toContain(code)
      }
      if (r.examples?.legacyFrame) {
        expect(check(r.examples.legacyFrame)).toBe(false)
        expect(r.legacy.some((l: any) => ajv.validate(l.schema, r.examples.legacyFrame))).toBe(true)
      }
    })
  }
})
