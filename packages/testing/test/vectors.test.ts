// Signing vectors in a cases file: the vendor's published example (our copy of iFlytek's, from the
// core signing fixtures) must be reproduced by the pack's scheme; a wrong expected value must fail.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '@apidx/core'
import { checkVector } from '../src/vectors.js'

const pack = JSON.parse(
  readFileSync(new URL('../../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const published = (
  JSON.parse(
    readFileSync(new URL('../../core/src/signing/fixtures/vendor-vectors.json', import.meta.url), 'utf8'),
  ).vectors as any[]
).find((v) => v.id === 'iflytek-v2-iat')

const vector = (expect: Record<string, unknown>) => ({
  name: 'iat auth example',
  auth: 'hmac-url',
  source: published.source.split(' ')[0],
  request: { method: 'GET' as const, url: published.inputs.url },
  credentials: { apiKey: published.inputs.apiKey, apiSecret: published.inputs.apiSecret },
  time: published.inputs.date,
  expect,
})

describe('checkVector', () => {
  it("reproduces iFlytek's published iat example: signature, steps and the signed URL", () => {
    expect(
      checkVector(
        pack,
        vector({
          signature: published.expected.signature,
          url: published.expected.signedUrl,
          steps: {
            origin: published.expected.signatureOrigin,
            authorization: published.expected.authorization,
          },
        }),
      ),
    ).toEqual([])
  })

  it('names each value that differs, and steps the scheme does not have', () => {
    const problems = checkVector(pack, vector({ signature: 'AAAA', steps: { nope: 'x' } }))
    expect(problems[0]).toBe(`signature: expected AAAA, got ${published.expected.signature}`)
    expect(problems[1]).toMatch(/^step nope: the scheme has no such step \(steps: .*origin/)
  })

  it('rejects an unknown scheme and an unreadable time', () => {
    expect(checkVector(pack, { ...vector({ signature: 'x' }), auth: 'nope' })[0]).toMatch(
      /the pack has no auth scheme "nope"/,
    )
    expect(checkVector(pack, { ...vector({ signature: 'x' }), time: 'yesterday' })).toEqual([
      'time "yesterday" is not ISO 8601, an HTTP date or Unix seconds',
    ])
  })
})
