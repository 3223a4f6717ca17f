// Diagnosis: the first error in chain order is the root cause; alternatives and later errors rank after it.
import { describe, expect, it } from 'vitest'
import type { EngineFinding } from '../engine/types.js'
import { diagnose } from './diagnose.js'

const f = (
  code: string,
  severity: EngineFinding['severity'] = 'error',
  data: Record<string, unknown> = {},
): EngineFinding => ({
  code,
  severity,
  probe: code.split('/')[0]!,
  message: `${code} seen`,
  fix: `fix ${code}`,
  data,
})

describe('diagnose', () => {
  it('no error: no root cause, no causes (warnings allowed)', () => {
    expect(diagnose([f('url/deprecated-version', 'warning'), f('session/missing-id', 'warning')])).toEqual({
      rootCause: null,
      causes: [],
    })
  })

  it('the first error is the root cause, whatever comes after', () => {
    const d = diagnose([f('url/unknown-endpoint', 'warning'), f('url/not-found'), f('auth/unauthorized')])
    expect(d.rootCause?.code).toBe('url/not-found')
    expect(d.causes.map((c) => [c.rank, c.code, c.likelihood])).toEqual([
      [1, 'url/not-found', 'observed'],
      [2, 'auth/unauthorized', 'likely'],
    ])
  })

  it("ranks the root cause's alternatives before later errors, without duplicates", () => {
    const alternatives = [
      { code: 'auth/signature-mismatch', meaning: 'sig', fix: 'f' },
      { code: 'auth/signature-mismatch', meaning: 'sig', fix: 'f' },
    ]
    const d = diagnose([f('auth/unknown-key', 'error', { alternatives }), f('engine/probe-crashed')])
    expect(d.causes.map((c) => c.code)).toEqual([
      'auth/unknown-key',
      'auth/signature-mismatch',
      'engine/probe-crashed',
    ])
  })

  it('ignores malformed alternatives', () => {
    expect(
      diagnose([f('auth/forbidden', 'error', { alternatives: [null, 3, { code: 1 }] })]).causes,
    ).toHaveLength(1)
  })
})
