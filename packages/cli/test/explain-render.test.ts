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
