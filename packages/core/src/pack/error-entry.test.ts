// resolveError: the message picks a code's meaning; the first matching fragment wins, and a variant's
// cause never mixes with the entry's.
import { describe, expect, it } from 'vitest'
import type { VendorError } from '../generated/index.js'
import { resolveError, variantMessage } from './error-entry.js'

const entry: VendorError = {
  meaning: 'A client error.',
  vendorText: 'There was a client error.',
  cause: 'Bad parameters.',
  fix: 'Check the parameters.',
  source: 'https://x.test/a',
  confidence: 'documented',
  retryable: false,
  byMessage: [
    {
      contains: 'signature we calculated does not match',
      vendorText: 'The request signature we calculated does not match the signature you provided.',
      meaning: 'Bad signature.',
      fix: 'Sign again.',
      diagnosis: 'auth/signature-mismatch',
      source: 'https://x.test/b',
      confidence: 'community',
    },
    {
      contains: 'Signature expired',
      meaning: 'Expired.',
      cause: 'An old URL.',
      fix: 'Presign later.',
      diagnosis: 'clock/skew',
      source: 'https://x.test/c',
    },
  ],
}

describe('resolveError', () => {
  it('returns the entry itself without a message, or when no fragment is in it', () => {
    const { byMessage: _b, ...base } = entry
    expect(resolveError(entry)).toEqual(base)
    expect(resolveError(entry, 'sample rate 7 is not supported')).toEqual(base)
    expect(resolveError(entry, 42)).toEqual(base)
  })

  it("takes the first variant whose fragment the message contains, dropping the entry's cause and text", () => {
    expect(
      resolveError(
        entry,
        'BadRequestException: The request signature we calculated does not match the signature you provided.',
      ),
    ).toEqual({
      meaning: 'Bad signature.',
      vendorText: 'The request signature we calculated does not match the signature you provided.',
      fix: 'Sign again.',
      diagnosis: 'auth/signature-mismatch',
      source: 'https://x.test/b',
      confidence: 'community',
      retryable: false,
      variant: 0,
      contains: 'signature we calculated does not match',
    })
    expect(resolveError(entry, 'Signature expired: 20240101T000000Z is now earlier than …')).toEqual({
      meaning: 'Expired.',
      cause: 'An old URL.',
      fix: 'Presign later.',
      diagnosis: 'clock/skew',
      source: 'https://x.test/c',
      confidence: 'documented',
      retryable: false,
      variant: 1,
      contains: 'Signature expired',
    })
  })

  it('matches case-sensitively, as a plain substring', () => {
    expect(resolveError(entry, 'signature expired').variant).toBeUndefined()
    expect(resolveError(entry, 'Signature expired.*').variant).toBe(1)
  })

  it("gives the emulator each variant's message: its full text, else its fragment", () => {
    expect([variantMessage(entry, 0), variantMessage(entry, 1), variantMessage(entry, 2)]).toEqual([
      'The request signature we calculated does not match the signature you provided.',
      'Signature expired',
      undefined,
    ])
  })
})
