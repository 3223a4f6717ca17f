// Library errors become safe failures: code and phase kept, message written by apidx.
import { describe, expect, it } from 'vitest'
import { toNetFailure } from './safe-error.js'

describe('toNetFailure', () => {
  const cases: [string, string, object][] = [
    ['ENOTFOUND', 'dns', { phase: 'dns', kind: 'not-found' }],
    ['ECONNREFUSED', 'tcp', { phase: 'tcp', kind: 'refused' }],
    ['CERT_HAS_EXPIRED', 'tls', { phase: 'tls', tlsReason: 'expired' }],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', { phase: 'tls', tlsReason: 'untrusted' }],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', { phase: 'tls', tlsReason: 'hostname' }],
    ['ECONNRESET', 'handshake', { phase: 'handshake', kind: 'reset' }],
  ]
  for (const [code, phase, expected] of cases) {
    it(`${code} during ${phase}`, () => {
      expect(toNetFailure(phase as 'tls', Object.assign(new Error('x'), { code }))).toMatchObject({
        code,
        ...expected,
      })
    })
  }

  it('never copies the library message (got puts the signed URL in it)', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED wss://h/v2/iat?authorization=SECRET'), {
      code: 'ECONNREFUSED',
      options: { url: 'SECRET' },
    })
    expect(JSON.stringify(toNetFailure('tcp', err))).not.toContain('SECRET')
  })

  it('a code that is not a plain code is dropped', () => {
    expect(toNetFailure('tcp', { code: 'x y <script>' }).code).toBeNull()
  })
})
