// Credential hygiene: each mistake by shape, named without ever showing the value.
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { checkCredentialHygiene } from './hygiene.js'

const pack = {
  id: 'acme',
  name: 'Acme Cloud',
  credentials: {
    keyId: {
      env: 'ACME_KEY_ID',
      secret: false,
      description: 'The key id.',
      length: 20,
      prefix: ['AKIA', 'ASIA'],
      charset: 'upper-alphanumeric',
    },
    secret: { env: 'ACME_SECRET', secret: true, description: 'The secret.', length: 40, charset: 'base64' },
    apiKey: {
      env: 'ACME_API_KEY',
      secret: true,
      description: 'An API key.',
      prefix: ['sk-'],
      charset: 'base64url',
    },
    hexKey: { env: 'ACME_HEX', secret: true, description: 'A hex key.', length: 32, charset: 'hex-lower' },
  },
} as unknown as ProviderPack

// Documentation example values (AWS's published example key pair), not real keys.
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
const HEX = 'd9f4aa7ea6d94faca62cd88a28fd5234'

const codes = (values: Record<string, string>) =>
  checkCredentialHygiene(pack, values).findings.map((f) => [f.code, f.data.credential ?? f.data.credentials])

describe('checkCredentialHygiene', () => {
  it('values of the declared shape pass', () => {
    expect(codes({ keyId: KEY_ID, secret: SECRET, apiKey: 'sk-proj-abc_DEF-123', hexKey: HEX })).toEqual([])
  })

  it.each([
    [`${SECRET}\n`, 'trailing-space'],
    [` ${SECRET}`, 'leading-space'],
    [`"${SECRET}"`, 'quoted'],
    [`'${SECRET}'`, 'quoted'],
  ])('a secret with stray characters (%j) is credentials/whitespace, %s', (value, problem) => {
    const r = checkCredentialHygiene(pack, { secret: value })
    expect(r.findings.map((f) => [f.code, f.data.problem])).toEqual([['credentials/whitespace', problem]])
  })

  it('a value one character short is credentials/wrong-length with both lengths', () => {
    const r = checkCredentialHygiene(pack, { hexKey: HEX.slice(1) })
    expect(r.findings.map((f) => [f.code, f.data.length, f.data.expected])).toEqual([
      ['credentials/wrong-length', 31, 32],
    ])
  })

  it("an OpenRouter key (sk-or-v1-) in an sk- slot is another vendor's shape, an error", () => {
    const r = checkCredentialHygiene(pack, { apiKey: 'sk-or-v1-0123456789abcdef0123456789abcdef' })
    expect(r.findings.map((f) => [f.code, f.severity, f.data.looksLike])).toEqual([
      ['credentials/wrong-shape', 'error', 'an OpenRouter API key'],
    ])
  })

  it('a character outside the charset is a wrong-shape warning naming its position', () => {
    const r = checkCredentialHygiene(pack, { hexKey: `${HEX.slice(0, 31)}Z` })
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['credentials/wrong-shape', 'warning']])
    expect(r.findings[0]!.message).toContain('position 32')
  })

  it('key id and secret exchanged are credentials/swapped, and both values become secrets to mask', () => {
    const r = checkCredentialHygiene(pack, { keyId: SECRET, secret: KEY_ID })
    expect(r.findings.map((f) => f.code)).toEqual(['credentials/swapped'])
    expect(r.alsoSecret.sort()).toEqual([KEY_ID, SECRET].sort())
  })

  it('no message or data holds a value, beyond the first two characters the report mask shows', () => {
    const values = {
      keyId: SECRET,
      secret: KEY_ID,
      apiKey: 'sk-or-v1-0123456789abcdef0123456789abcdef',
      hexKey: `${HEX}Z`,
    }
    const text = JSON.stringify(checkCredentialHygiene(pack, values).findings)
    for (const v of Object.values(values)) expect(text).not.toContain(v.slice(0, 8))
  })

  it('checks only the names given (the credentials a scheme uses)', () => {
    const r = checkCredentialHygiene(pack, { secret: ' x', hexKey: 'xyz' }, ['hexKey'])
    expect(r.findings.map((f) => f.code)).toEqual(['credentials/wrong-shape', 'credentials/wrong-length'])
  })
})
