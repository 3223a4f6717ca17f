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

// TLS interception (issue 10): a leaf for the vendor's host signed by a local root, as an inspecting
// proxy presents it. The issuer is not one the pack lists, so the finding names it.
describe('tls probe, interception', () => {
  let root: { key: string; cert: string }, leaf: TlsCert
  beforeAll(async () => {
    const { generate } = await import('selfsigned')
    const now = Date.now()
    const ca = await generate(
      [
        { name: 'commonName', value: 'Contoso Inspection Root CA' },
        { name: 'organizationName', value: 'Contoso Security' },
      ],
      {
        keyType: 'ec',
        algorithm: 'sha256',
        notBeforeDate: new Date(now - 86_400_000),
        notAfterDate: new Date(now + 30 * 86_400_000),
        extensions: [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ],
      },
    )
    root = { key: ca.private, cert: ca.cert }
    const made = await generate([{ name: 'commonName', value: 'iat-api.xfyun.cn' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(now - 86_400_000),
      notAfterDate: new Date(now + 30 * 86_400_000),
      ca: root,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'iat-api.xfyun.cn' }] }],
    })
    leaf = { key: made.private, cert: made.cert }
  }, 30_000)

  it('an untrusted local root on a vendor host is tls/intercepted (an error), naming the issuer and the fix', async () => {
    const fixture = await startFixture(healthy, leaf)
    try {
      const result = await check(iatTarget(fixture.url()), { tls: { servername: 'iat-api.xfyun.cn' } })
      expect(codes(result)).toEqual(['tls/intercepted'])
      const f = result.findings.find((x) => x.code === 'tls/intercepted')!
      expect(f.severity).toBe('error')
      expect(f.message).toContain('Contoso Inspection Root CA')
      expect(f.fix).toContain('NODE_EXTRA_CA_CERTS')
      expect(f.data).toMatchObject({
        host: 'iat-api.xfyun.cn',
        subject: 'CN=iat-api.xfyun.cn',
        issuer: 'CN=Contoso Inspection Root CA, O=Contoso Security',
      })
      expect(f.data.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
      expect(typeof f.data.validTo).toBe('string')
    } finally {
      await fixture.close()
    }
  })

  it('a local root this machine trusts still shows as tls/intercepted, as a warning: the check goes on', async () => {
    const fixture = await startFixture(healthy, leaf)
    try {
      const result = await check(iatTarget(fixture.url()), {
        tls: { servername: 'iat-api.xfyun.cn', ca: root.cert },
      })
      expect(codes(result)).toEqual(['tls/intercepted'])
      expect(result.findings.find((x) => x.code === 'tls/intercepted')?.severity).toBe('warning')
      expect(result.links.find((l) => l.id === 'websocket')?.status).toBe('ok')
    } finally {
      await fixture.close()
    }
  })

  it('every TLS failure shows the certificate: subject, issuer, validity, SHA-256', async () => {
    const fixture = await startFixture(healthy, expired)
    try {
      const result = await check(iatTarget(fixture.url()), { tls: { ca: expired.cert } })
      const f = result.findings.find((x) => x.code === 'tls/expired-certificate')!
      expect(Object.keys(f.data)).toEqual(
        expect.arrayContaining(['subject', 'issuer', 'validFrom', 'validTo', 'fingerprint256']),
      )
      expect(f.message).toContain('SHA-256')
    } finally {
      await fixture.close()
    }
  })
})
