// Handshake rules: the more specific match always wins, and validation warns about a shadowed rule.
import { describe, expect, it } from 'vitest'
import type { HandshakeRule, ProviderPack } from '../generated/index.js'
import { rankedMatches, shadowWarnings } from './rules.js'

const rule = (bodyContains: string | undefined, diagnosis: string, example?: string): HandshakeRule => ({
  status: 401,
  ...(bodyContains !== undefined ? { bodyContains } : {}),
  diagnosis,
  meaning: diagnosis,
  fix: 'f',
  source: 'https://example.com/doc',
  ...(example !== undefined ? { example } : {}),
})

const HOST_BODY =
  '{"message":"HMAC signature cannot be verified:enforced header \'host\' not used for signature creation"}'

describe('rankedMatches', () => {
  it('a rule whose fragment contains another matching fragment wins, even listed after it', () => {
    const general = rule('HMAC signature cannot be verified', 'auth/signature-mismatch')
    const specific = rule(
      "HMAC signature cannot be verified:enforced header 'host' not used",
      'auth/unauthorized',
    )
    expect(rankedMatches([general, specific], 401, HOST_BODY)).toEqual([specific, general])
  })

  it('a rule for any body ranks after every rule with a fragment; unrelated fragments keep file order', () => {
    const any = rule(undefined, 'auth/unauthorized')
    const a = rule('HMAC', 'auth/signature-mismatch')
    const b = rule('host', 'auth/unknown-key')
    expect(rankedMatches([any, a, b], 401, HOST_BODY)).toEqual([a, b, any])
  })

  it('a bare "Unauthorized" fragment does not match a body that only has the status line word elsewhere', () => {
    const unauthorized = rule('"message":"Unauthorized"', 'auth/unauthorized')
    expect(
      rankedMatches([unauthorized], 401, '401 Unauthorized {"message":"HMAC signature does not match"}'),
    ).toEqual([])
    expect(rankedMatches([unauthorized], 401, '{"message":"Unauthorized"}')).toEqual([unauthorized])
  })
})

describe('shadowWarnings', () => {
  const pack = (rules: HandshakeRule[]) =>
    ({
      id: 'acme',
      services: { s: { versions: { v1: {} } } },
      handshakeErrors: rules,
    }) as unknown as ProviderPack

  it("warns when a general rule listed first takes a specific rule's own example", () => {
    const general = rule('HMAC signature cannot be verified', 'auth/signature-mismatch')
    const specific = rule("enforced header 'host' not used", 'auth/unauthorized', HOST_BODY)
    const warnings = shadowWarnings(pack([general, specific]), 'pack.json')
    expect(warnings.map((w) => w.pointer)).toEqual(['/handshakeErrors/1'])
    expect(warnings[0]!.message).toContain('shadowed')
  })

  it('is silent once the specific rule quotes the general fragment', () => {
    const general = rule('HMAC signature cannot be verified', 'auth/signature-mismatch')
    const specific = rule(
      "HMAC signature cannot be verified:enforced header 'host' not used",
      'auth/unauthorized',
      HOST_BODY,
    )
    expect(shadowWarnings(pack([general, specific]), 'pack.json')).toEqual([])
  })
})
