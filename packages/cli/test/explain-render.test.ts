// renderExplain is a pure function: exact text without colour, and no control character from the input reaches the terminal.
import type { Explanation } from '@apidx/core'
import { describe, expect, it } from 'vitest'
import { printable, renderExplain } from '../src/render/explain.js'

const answer: Explanation = {
  input: '{"action":"error","code":"2001","desc":"illegal client_ip"}',
  kind: 'error-body',
  found: true,
  provider: 'acme',
  service: 'legacy',
  matches: [
    {
      provider: 'acme',
      providerName: 'Acme Speech',
      service: 'legacy',
      serviceTitle: 'Legacy',
      code: '2001',
      via: 'error-table',
      meaning: 'Illegal access.',
      vendorText: '非法访问',
      observedText: 'illegal client_ip',
      causes: [
        {
          rank: 1,
          id: 'ip-whitelist',
          text: 'The IP is not whitelisted.',
          source: 'generic',
          evidence: 'the input contains "client_ip"',
        },
        { rank: 2, id: 'wrong-credentials', text: 'A wrong key.', source: 'generic' },
      ],
      cause: 'A wrong apiKey or a client IP outside the whitelist.',
      fix: 'Check apiKey and the whitelist.',
      docs: 'https://acme.example/docs',
      diagnosis: 'vendor/error',
      confidence: 'documented',
    },
  ],
}

describe('renderExplain', () => {
  it('prints the match with ranked causes, the evidence, the pack sentence, fix and docs', () => {
    expect(renderExplain(answer, false)).toBe(
      [
        '{"action":"error","code":"2001","desc":"illegal client_ip"}  (error body · acme · legacy)',
        '',
        'Acme Speech › legacy · code 2001',
        '  Illegal access.',
        '  Vendor text: 非法访问',
        '  Your message: illegal client_ip',
        '  Likely causes, most likely first:',
        '    1. The IP is not whitelisted.',
        '       ↳ ranked first: the input contains "client_ip"',
        '    2. A wrong key.',
        "    In the pack's words: A wrong apiKey or a client IP outside the whitelist.",
        '  Fix: Check apiKey and the whitelist.',
        '  Docs: https://acme.example/docs',
        '  Diagnosis vendor/error · documented',
      ].join('\n'),
    )
  })

  it('says when nothing explains the input and lists the nearest codes', () => {
    const text = renderExplain(
      {
        input: '2003',
        kind: 'vendor-code',
        found: false,
        matches: [],
        suggestions: [
          {
            provider: 'acme',
            service: 'stream',
            code: '2001',
            meaning: 'Busy.',
            reason: 'numerically close (-2)',
          },
        ],
      },
      false,
    )
    expect(text).toBe(
      [
        '2003  (vendor code)',
        '',
        'No pack searched knows the code 2003.',
        '',
        'Nearest:',
        '  • acme › stream: 2001 Busy. — numerically close (-2)',
      ].join('\n'),
    )
  })

  it('strips escape sequences and control characters from echoed text', () => {
    expect(printable('a\u001B[31mred\u001B[0m\u0007\u009B2Jz\nb')).toBe('aredz b')
    const hostile = {
      ...answer,
      input: '\u001B]0;pwned\u0007',
      matches: [{ ...answer.matches[0]!, observedText: '\u001B[2J' }],
    }
    expect(renderExplain(hostile, false)).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/)
  })
})

/** Three entries of two vendors for a status, as `explain 401` without --provider returns them. */
const rule = (provider: string, meaning: string, diagnosis: string) => ({
  provider,
  providerName: `${provider} cloud`,
  status: 401,
  via: 'handshake-rule' as const,
  meaning,
  causes: [{ rank: 1, text: 'A wrong key.', source: 'generic' as const }],
  fix: 'Fix the key.',
  docs: 'https://docs.example/',
  diagnosis,
})
const many: Explanation = {
  input: '401',
  kind: 'http-status',
  found: true,
  matches: [
    rule('acme', 'The key is unknown.', 'auth/unknown-key'),
    rule('acme', 'The signature does not match.', 'auth/signature-mismatch'),
    rule('acme', 'The host header was not signed.', 'auth/signature-mismatch'),
    rule('acme', 'Unauthorized.', 'auth/unauthorized'),
    rule('other', 'The API key is not valid.', 'auth/unknown-key'),
  ],
  generic: {
    httpStatus: { code: 401, name: 'Unauthorized', meaning: 'No credentials, or wrong ones.' },
    symptom: { id: 'auth-rejected', name: 'Authentication rejected (401/403)' },
    causes: [{ rank: 1, text: 'The credentials are wrong.', source: 'generic' }],
  },
}

describe('renderExplain: many matches', () => {
  it('puts the generic causes first and groups the pack entries by vendor, one line each, three per vendor', () => {
    expect(renderExplain(many, false)).toBe(
      [
        '401  (HTTP status)',
        '',
        'Meaning: HTTP 401 Unauthorized',
        '  No credentials, or wrong ones.',
        '  Usual causes (Authentication rejected (401/403)):',
        '    1. The credentials are wrong.',
        '',
        'Pack entries, by vendor (5; apidx explain … --all shows each in full, --provider <id> one vendor):',
        '  acme cloud · 4 entries',
        '    • HTTP 401: The key is unknown. → auth/unknown-key',
        '    • HTTP 401: The signature does not match. → auth/signature-mismatch',
        '    • HTTP 401: The host header was not signed. → auth/signature-mismatch',
        '      … 1 more (--all)',
        '  other cloud · 1 entry',
        '    • HTTP 401: The API key is not valid. → auth/unknown-key',
      ].join('\n'),
    )
  })

  it('shows every entry in full with --all', () => {
    const text = renderExplain(many, false, { all: true })
    expect(text.match(/Fix: Fix the key\./g)).toHaveLength(5)
    expect(text).not.toContain('by vendor')
  })

  it('leads with the answer and the evidence that chose its vendor', () => {
    const withAnswer: Explanation = {
      ...answer,
      best: {
        diagnosis: 'vendor/error',
        source: 'pack',
        provider: 'acme',
        code: '2001',
        why: ['acme: the Acme SDK ("AcmeSDKError")', 'acme: host acme.test'],
      },
      vendors: [
        { provider: 'acme', score: 7, evidence: ['the Acme SDK ("AcmeSDKError")', 'host acme.test'] },
      ],
    }
    const lines = renderExplain(withAnswer, false).split('\n')
    expect(lines.slice(1, 4)).toEqual([
      'Answer: vendor/error · acme · code 2001',
      '  ↳ acme: the Acme SDK ("AcmeSDKError")',
      '  ↳ acme: host acme.test',
    ])
  })
})
