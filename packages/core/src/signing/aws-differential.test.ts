// Property-based differential test: the aws pack's SigV4 schemes against aws4 (an independent
// implementation from npm) over random methods, paths, queries, headers, bodies and session tokens.
import aws4 from 'aws4'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { signRequest } from './sign.js'

const pack = JSON.parse(
  readFileSync(new URL('../../../../providers/aws/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }
const host = 'service.us-west-2.amazonaws.com'

// Path text: unreserved, sub-delims, spaces and non-ASCII (the URL parser percent-encodes those).
// Dot segments are resolved by the URL parser before either signer sees the path.
const segment = fc.string({ unit: fc.constantFrom(..."aZ09-._~!$&'()*+,;=:@ é€ሴ".split('')), maxLength: 8 })
const path = fc
  .array(segment, { maxLength: 4 })
  .map((segs) => new URL(`https://${host}/${segs.join('/')}`).pathname)
const queryText = fc.string({ unit: fc.constantFrom(..."aZ09-._~!*'() +=&/?%é€".split('')), maxLength: 6 })
const query = fc.array(fc.tuple(queryText, queryText), { maxLength: 5 }).map((pairs) =>
  pairs
    .filter(([k]) => k !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&'),
)
const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,10}$/)
const headerValue = fc.string({ unit: fc.constantFrom(...'aZ09 \t-_.:;,/"=()'.split('')), maxLength: 12 })
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 4 })
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD')
const body = fc.string({ maxLength: 40 })
const token = fc.option(
  fc.string({ unit: fc.constantFrom(...'AZaz09+/='.split('')), minLength: 8, maxLength: 20 }),
  { nil: undefined },
)
// Instants from 2000 to 2100, to the second.
const instant = fc.integer({ min: 946_684_800, max: 4_102_444_800 }).map((s) => s * 1000)

const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[:-]|\.\d{3}/g, '')

describe('SigV4 against aws4 (fast-check)', () => {
  it('header form: the same Authorization for any request', () => {
    fc.assert(
      fc.property(method, path, query, headers, body, token, instant, (m, p, q, h, b, t, at) => {
        const target = q ? `${p}?${q}` : p
        const opts = {
          host,
          path: target,
          method: m,
          service: 'service',
          region: 'us-west-2',
          headers: { ...h, 'X-Amz-Date': amzDate(at) } as Record<string, string>,
          ...(m === 'GET' || m === 'HEAD' ? {} : { body: b }),
        }
        const signed = aws4.sign(opts, { ...creds, ...(t ? { sessionToken: t } : {}) })
        const sent = Object.entries(signed.headers as Record<string, string | number>)
          .filter(([k]) => k.toLowerCase() !== 'authorization')
          .map(([k, v]) => [k, String(v)] as [string, string])
        const ours = signRequest(
          pack,
          'sigv4',
          {
            method: m,
            url: `https://${host}${target}`,
            headers: sent,
            ...(opts.body !== undefined ? { body: opts.body } : {}),
          },
          { ...creds, ...(t ? { sessionToken: t } : {}) },
          at,
          { params: { region: 'us-west-2', service: 'service' } },
        )
        expect(ours.request.headers.authorization).toBe(
          (signed.headers as Record<string, string>).Authorization,
        )
      }),
      { numRuns: 300 },
    )
  })

  it('presigned query form: the same X-Amz-Signature for any URL', () => {
    fc.assert(
      fc.property(path, query, token, instant, (p, q, t, at) => {
        const extra = `X-Amz-Date=${amzDate(at)}&X-Amz-Expires=300`
        const target = `${p}?${q ? `${q}&` : ''}${extra}`
        const signed = aws4.sign(
          { host, path: target, method: 'GET', service: 'transcribe', region: 'us-west-2', signQuery: true },
          { ...creds, ...(t ? { sessionToken: t } : {}) },
        )
        const theirs = new URLSearchParams(String(signed.path).split('?')[1]).get('X-Amz-Signature')
        const ours = signRequest(
          pack,
          'sigv4-query',
          { method: 'GET', url: `https://${host}${target}` },
          { ...creds, ...(t ? { sessionToken: t } : {}) },
          at,
          { params: { region: 'us-west-2', service: 'transcribe' } },
        )
        expect(ours.signature).toBe(theirs)
      }),
      { numRuns: 300 },
    )
  })

  it('S3 presigned URL: the S3 documentation example (also what aws4 computes)', () => {
    const s3creds = {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    }
    const at = Date.parse('2013-05-24T00:00:00Z')
    const ours = signRequest(
      pack,
      'sigv4-s3-query',
      { url: 'https://examplebucket.s3.amazonaws.com/test.txt' },
      s3creds,
      at,
      { params: { region: 'us-east-1' } },
    )
    const signed = aws4.sign(
      {
        host: 'examplebucket.s3.amazonaws.com',
        path: '/test.txt?X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400',
        service: 's3',
        region: 'us-east-1',
        signQuery: true,
      },
      s3creds,
    )
    expect(ours.signature).toBe(new URLSearchParams(String(signed.path).split('?')[1]).get('X-Amz-Signature'))
    expect(ours.signature).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404')
  })
})
