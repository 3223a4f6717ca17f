// Vendor detection and ranking without --provider, on two small made-up packs: evidence is scored and
// said in words, a code only one pack knows never yields the other pack's meaning first, a vendor the
// text names comes first even when only another pack knows the code, and a specific pack entry always
// outranks a generic symptom.
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { explain } from './explain.js'
import { extract } from './extract/index.js'
import { namedVendor, vendorEvidence } from './vendor.js'

const DOC = 'https://docs.example.test'
const entry = (meaning: string, diagnosis: string) => ({ meaning, fix: 'Fix it.', source: DOC, diagnosis })

function pack(id: string, extra: Partial<ProviderPack>, errors: Record<string, ReturnType<typeof entry>>) {
  return {
    id,
    name: `${id} cloud`,
    packVersion: '1.0.0',
    verified: '2026-12-01',
    docs: DOC,
    hosts: [`*.${id}.test`],
    credentials: {},
    auth: {},
    services: {
      api: {
        title: 'API',
        docs: DOC,
        defaultVersion: 'v1',
        versions: {
          v1: {
            url: `https://api.${id}.test/v1`,
            protocol: 'http',
            auth: null,
            status: 'current',
            source: DOC,
            response: { format: 'json', errorCode: '/code', errorMessage: '/message' },
          },
        },
        errors,
      },
    },
    ...extra,
  } as unknown as ProviderPack
}

const acme = pack(
  'acme',
  { fingerprints: [{ contains: 'AcmeSDKError', what: 'the Acme SDK' }] },
  {
    'Quota.Exceeded': entry('The monthly allowance is used up.', 'quota/exhausted'),
    NotFound: entry('No such resource in Acme.', 'url/not-found'),
  },
)
const other = pack(
  'other',
  { fingerprints: [{ requestIdShape: 'uuid-upper', what: 'an upper-case UUID request id' }] },
  {
    NotFound: entry('No such resource in Other.', 'url/not-found'),
    Throttling: entry('Other throttles you.', 'http/rate-limited'),
  },
)
const packs = [other, acme]

describe('vendorEvidence', () => {
  it('scores hosts, fingerprints, request-id shapes and codes, and says each in words', () => {
    const text =
      'AcmeSDKError at https://api.acme.test/v1: code: Quota.Exceeded RequestId: 0E0AC82F-B026-5C39-91F4-B7E63A2D1332'
    const v = vendorEvidence(packs, text, extract(text))
    expect(v.map((x) => [x.provider, x.score])).toEqual([
      ['acme', 4 + 3 + 3],
      ['other', 1],
    ])
    expect(v[0]!.evidence).toEqual([
      'host acme.test',
      'the Acme SDK ("AcmeSDKError")',
      'code Quota.Exceeded, which only this pack knows',
    ])
    expect(v[1]!.evidence).toEqual(['an upper-case UUID request id'])
    expect(namedVendor(v)).toBe('acme')
  })

  it('names no vendor from codes alone, nor when two vendors tie on text evidence', () => {
    const byCode = 'code: Quota.Exceeded'
    expect(namedVendor(vendorEvidence(packs, byCode, extract(byCode)))).toBeUndefined()
    const tie = 'called https://a.acme.test and https://b.other.test'
    expect(vendorEvidence(packs, tie, extract(tie)).map((x) => x.textScore)).toEqual([4, 4])
    expect(namedVendor(vendorEvidence(packs, tie, extract(tie)))).toBeUndefined()
  })
})

describe('explain without --provider: ranking across vendors', () => {
  it('a code only one pack knows yields that pack, and the answer says which evidence chose it', () => {
    const r = explain('Error: Quota.Exceeded: you used it all', packs)
    expect(r.best).toMatchObject({
      diagnosis: 'quota/exhausted',
      provider: 'acme',
      code: 'Quota.Exceeded',
      source: 'pack',
    })
    expect(r.best!.why).toEqual(['acme: code Quota.Exceeded, which only this pack knows'])
    expect(r.matches.map((m) => m.provider)).toEqual(['acme'])
  })

  it("a code two packs know: the text's evidence picks the vendor, and only its entry is shown", () => {
    const r = explain('AcmeSDKError: {"code":"NotFound","message":"no such thing"}', packs)
    expect(r.matches.map((m) => [m.provider, m.code])).toEqual([['acme', 'NotFound']])
    expect(r.vendors?.[0]).toMatchObject({
      provider: 'acme',
      evidence: expect.arrayContaining(['the Acme SDK ("AcmeSDKError")']),
    })
  })

  it('a vendor the text names leads with the generic meaning when only another pack knows the code', () => {
    const r = explain('AcmeSDKError: Throttling: slow down, you are throttled', packs)
    expect(r.best).toMatchObject({ source: 'generic', provider: 'acme', diagnosis: 'http/rate-limited' })
    expect(r.best!.why.at(-1)).toContain('the acme pack has no entry')
    expect(r.matches.map((m) => m.provider)).toEqual(['other'])
  })

  it('the specific pack entry outranks the generic symptom the status shows', () => {
    const r = explain('Error: 404 Not Found {"code":"Quota.Exceeded"}', packs)
    expect(r.generic?.symptom?.id).toBe('not-found')
    expect(r.best).toMatchObject({ source: 'pack', diagnosis: 'quota/exhausted' })
  })
})
