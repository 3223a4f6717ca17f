// retry: the one table from finding code and the pack's `retryable` to the advice a retry loop reads.
import { describe, expect, it } from 'vitest'
import { retryFor } from './retry.js'
import { diagnose } from './diagnose.js'

describe('retryFor', () => {
  it.each([
    ['http/rate-limited', undefined, 'after-backoff'],
    ['quota/exhausted', undefined, 'after-fix'],
    ['auth/not-entitled', undefined, 'after-fix'],
    ['auth/signature-mismatch', undefined, 'never'],
    ['url/not-found', undefined, 'never'],
    ['clock/skew', undefined, 'after-fix'],
    ['dns/not-found', undefined, 'after-fix'],
    ['tls/expired-certificate', undefined, 'after-fix'],
    ['credentials/whitespace', undefined, 'never'],
  ] as const)('%s is %s', (code, retryable, expected) => {
    expect(retryFor(code, retryable)).toBe(expected)
  })

  it('a vendor code the pack marks retryable is after-backoff whatever its finding code', () => {
    expect(retryFor('vendor/error', true)).toBe('after-backoff')
    expect(retryFor('vendor/error')).toBe('never')
  })

  it('a 429 the pack marks not retryable (an exhausted plan) is not a throttle', () => {
    expect(retryFor('http/rate-limited', false)).toBe('after-fix')
    expect(retryFor('auth/unknown-key', false)).toBe('never')
  })
})

describe('diagnose: every cause carries retry', () => {
  it('the root cause reads the pack flag in its data; alternatives their code', () => {
    const d = diagnose([
      {
        code: 'vendor/error',
        severity: 'error',
        probe: 'vendor-error',
        message: 'busy',
        fix: 'wait',
        data: { retryable: true, alternatives: [{ code: 'quota/exhausted', meaning: 'm', fix: null }] },
      },
    ])
    expect(d.causes.map((c) => [c.code, c.retry])).toEqual([
      ['vendor/error', 'after-backoff'],
      ['quota/exhausted', 'after-fix'],
    ])
  })
})
