// The tls link: certificates generated in the test, each verification failure with its own code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  certificate,
  check,
  codes,
  iatFrame,
  iatTarget,
  startFixture,
  type TlsCert,
} from '../../test/fixtures.js'

let good: TlsCert, expired: TlsCert, other: TlsCert
beforeAll(async () => {
  ;[good, expired, other] = await Promise.all([
    certificate(),
    certificate(['localhost', '127.0.0.1'], true),
    certificate(['other.example']),
  ])
}, 30_000)

const healthy = { kind: 'frames' as const, frames: [iatFrame()] }

describe('tls probe', () => {
  const cases = [
    {
      name: 'a trusted certificate for the host passes',
      cert: () => good,
      ca: () => good.cert,
      expected: [] as string[],
    },
    {
      name: 'a self-signed certificate is tls/untrusted-certificate',
      cert: () => good,
      ca: () => undefined,
      expected: ['tls/untrusted-certificate'],
    },
    {
      name: 'an expired certificate is tls/expired-certificate',
      cert: () => expired,
      ca: () => expired.cert,
      expected: ['tls/expired-certificate'],
    },
    {
      name: 'a certificate for another host is tls/hostname-mismatch',
      cert: () => other,
      ca: () => other.cert,
      expected: ['tls/hostname-mismatch'],
    },
  ]
  for (const c of cases) {
    it(c.name, async () => {
      const fixture = await startFixture(healthy, c.cert())
      try {
        const ca = c.ca()
        const result = await check(iatTarget(fixture.url()), { ...(ca ? { tls: { ca } } : {}) })
        expect(codes(result)).toEqual(c.expected)
        expect(result.links.find((l) => l.id === 'tls')?.status).toBe(c.expected.length ? 'fail' : 'ok')
      } finally {
        await fixture.close()
      }
    })
  }

  it('a certificate that expires within 14 days is a tls/expiring-certificate warning', async () => {
    const soon = await certificate(['localhost', '127.0.0.1'], false, 3)
    const fixture = await startFixture(healthy, soon)
    try {
      const result = await check(iatTarget(fixture.url()), { tls: { ca: soon.cert } })
      expect(codes(result)).toEqual(['tls/expiring-certificate'])
      expect(result.findings[0]).toMatchObject({ severity: 'warning', data: { days: 2 } })
      expect(result.links.find((l) => l.id === 'tls')?.status).toBe('warn')
    } finally {
      await fixture.close()
    }
  })

  it('a plain ws:// request to a TLS-only server is url/wrong-scheme', async () => {
    const fixture = await startFixture(healthy, good)
    try {
      const result = await check(iatTarget(fixture.url('/v2/iat', 'ws')))
      expect(codes(result)).toEqual(['url/wrong-scheme'])
      expect(result.links.find((l) => l.id === 'tls')).toBeUndefined()
    } finally {
      await fixture.close()
    }
  })
})
