// The auth link: missing credentials, and 401/403 answers mapped through the pack's handshake rules.
import { afterEach, describe, expect, it } from 'vitest'
import { check, codes, iatTarget, startFixture, type Fixture } from '../../test/fixtures.js'

let fixture: Fixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

const rejection = (status: number, message: string) => ({
  kind: 'status' as const,
  status,
  body: JSON.stringify({ message }),
})

const cases = [
  {
    name: '401 "HMAC signature does not match" is auth/signature-mismatch',
    status: 401,
    body: 'HMAC signature does not match',
    expected: ['auth/signature-mismatch'],
  },
  {
    name: '401 "fail to retrieve credential" is auth/unknown-key',
    status: 401,
    body: 'HMAC signature cannot be verified: fail to retrieve credential',
    expected: ['auth/unknown-key'],
  },
  {
    name: '403 "Your IP address is not allowed" is auth/ip-not-allowed',
    status: 403,
    body: 'Your IP address is not allowed',
    expected: ['auth/ip-not-allowed'],
  },
  {
    name: '401 with an unknown body is auth/unauthorized',
    status: 401,
    body: 'nope',
    expected: ['auth/unauthorized'],
  },
  {
    name: '403 with an unknown body is auth/forbidden',
    status: 403,
    body: 'nope',
    expected: ['auth/forbidden'],
  },
]

describe('auth probe', () => {
  for (const c of cases) {
    it(c.name, async () => {
      fixture = await startFixture(rejection(c.status, c.body))
      const result = await check(iatTarget(fixture.url()))
      expect(codes(result)).toEqual(c.expected)
    })
  }

  it('ranks the other matching rule of an unknown key as an alternative', async () => {
    fixture = await startFixture(
      rejection(401, 'HMAC signature cannot be verified: fail to retrieve credential'),
    )
    const result = await check(iatTarget(fixture.url()))
    const alternatives = result.findings[0]?.data.alternatives as { code: string }[]
    expect(alternatives.map((a) => a.code)).toEqual(['auth/signature-mismatch'])
  })

  it('without credentials, runs the unauthenticated links and names the variables to set', async () => {
    fixture = await startFixture(rejection(401, 'Unauthorized'))
    const result = await check(iatTarget(fixture.url()), { credentials: {} })
    expect(codes(result)).toEqual(['auth/missing-credentials'])
    expect(result.links.filter((l) => l.status === 'ok').map((l) => l.id)).toEqual([
      'version',
      'dns',
      'tcp',
      'websocket',
      'clock',
    ])
    expect(result.findings[0]?.message).toContain('IFLYTEK_APP_ID, IFLYTEK_API_KEY, IFLYTEK_API_SECRET')
    expect(fixture.seen[0]?.url).toBe('/v2/iat')
  })

  it('never sends credentials over plain ws:// to a non-loopback host', async () => {
    fixture = await startFixture(rejection(401, 'Unauthorized'))
    const result = await check(iatTarget(`ws://iat-api.xfyun.cn:${fixture.port}/v2/iat`), {
      resolver: async () => ({ address: '127.0.0.1', family: 4 }),
    })
    expect(codes(result)).toEqual(['url/wrong-scheme', 'auth/credentials-withheld'])
    expect(fixture.seen[0]?.url).toBe('/v2/iat')
  })
})

// Static findings first (issue 10): what apidx knows before any packet is reported even when the network fails first.
describe('auth probe, static findings', () => {
  it('no credentials against a host that does not resolve: dns/not-found is the root cause, auth/missing-credentials a co-cause', async () => {
    const { buildReport } = await import('@apidx/core')
    const nxdomain = async (name: string) => {
      if (name === 'example.com') return { address: '192.0.2.1', family: 4 }
      throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' })
    }
    const run = await check(iatTarget('wss://iat-api.xfyun.cn/v2/iat'), {
      credentials: {},
      resolver: nxdomain,
    })
    const report = buildReport(run, { redact: (t) => t })
    expect(report.rootCause?.code).toBe('dns/not-found')
    expect(report.causes.map((c) => c.code)).toEqual(['dns/not-found', 'auth/missing-credentials'])
    expect(report.chain.find((l) => l.id === 'auth')).toMatchObject({
      status: 'fail',
      codes: ['auth/missing-credentials'],
      reason: 'Not run: dns failed (dns/not-found).',
    })
    expect(report.chain.find((l) => l.id === 'response')?.reason).toBe('Not run: dns failed (dns/not-found).')
  })
})
