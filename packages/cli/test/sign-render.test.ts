// The pure renderers of `apidx sign`: exact terminal text for a signed request, --explain, and the
// --verify verdicts; control characters from a user's file never reach the terminal.
import { describe, expect, it } from 'vitest'
import { renderSign, renderVerify, type SignOutput, type VerifyOutput } from '../src/render/sign.js'

const signed: SignOutput = {
  provider: 'iflytek',
  service: 'iat',
  version: 'v2',
  scheme: 'hmac-url',
  signature: 'Hp3T=',
  request: {
    method: 'GET',
    url: 'wss://iat-api.xfyun.cn/v2/iat?authorization=YX…&host=iat-api.xfyun.cn',
    headers: { 'x-a': '1' },
  },
  steps: [
    { name: 'origin', op: 'template', value: 'host: h\ndate: d' },
    { name: 'empty', op: 'set', value: '' },
  ],
  timestamp: '2019-07-10T07:35:43.000Z',
  params: {},
  revealed: false,
}

describe('renderSign', () => {
  it('prints the request, where it came from and the signature; notes the masking', () => {
    expect(renderSign(signed, false)).toBe(
      [
        'GET wss://iat-api.xfyun.cn/v2/iat?authorization=YX…&host=iat-api.xfyun.cn',
        'x-a: 1',
        '',
        'Signed with iflytek iat v2 scheme hmac-url for 2019-07-10T07:35:43.000Z.',
        'Signature: Hp3T=',
        'Secrets are masked; pass --reveal to print the usable signed request.',
      ].join('\n'),
    )
  })
  it('--explain adds every step, multi-line values indented; --reveal drops the note', () => {
    expect(
      renderSign({ ...signed, revealed: true }, true)
        .split('\n')
        .slice(5),
    ).toEqual([
      '',
      'Steps:',
      '  origin (template):',
      '    host: h',
      '    date: d',
      '  empty (set):',
      '    (empty)',
    ])
  })
  it('says which steps are masked', () => {
    expect(
      renderSign({ ...signed, steps: [{ name: 'kDate', op: 'hmac', value: '01…', masked: true }] }, true)
        .split('\n')
        .slice(-2),
    ).toEqual(['  kDate (hmac, secret: masked):', '    01…'])
  })
  it('escapes control characters', () => {
    expect(
      renderSign({ ...signed, request: { ...signed.request, headers: { 'x-a': 'a\u001b[31mb' } } }, false),
    ).toContain('x-a: a\\u001b[31mb')
  })
})

const verdict: VerifyOutput = {
  provider: 'iflytek',
  scheme: 'hmac-url',
  ok: false,
  reason: 'signature-mismatch',
  timestamp: { raw: 'Wed, 10 Jul 2019 07:35:43 GMT', ms: 0, format: 'rfc1123' },
  actualSignature: 'abc=',
  expectedSignature: 'Hp3T=',
  missing: [],
  firstDifference: { step: 'signature', expected: 'Hp3T=', actual: 'abc=' },
  mistakes: [{ kind: 'hash-algorithm', description: 'Step signature used SHA-1 instead of SHA-256.' }],
  searched: 9,
  steps: [],
  revealed: true,
}

describe('renderVerify', () => {
  it('a mismatch: both signatures, the first differing step, the mistake', () => {
    expect(renderVerify(verdict, false)).toBe(
      [
        '✗ The signature does not match: scheme hmac-url (timestamp Wed, 10 Jul 2019 07:35:43 GMT, read from the request).',
        '  Your signature:     abc=',
        '  Expected signature: Hp3T=',
        '  First step that differs: signature',
        '    expected: Hp3T=',
        '    yours:    abc=',
        '  This known mistake explains your request:',
        '    - Step signature used SHA-1 instead of SHA-256.',
      ].join('\n'),
    )
  })
  it('says so when no known mistake reproduces the signature', () => {
    expect(
      renderVerify({ ...verdict, mistakes: [] }, false)
        .split('\n')
        .at(-1),
    ).toBe(
      '  No known mistake reproduces your signature (9 tried, alone and in pairs): check the credential values themselves, and compare the steps with --explain.',
    )
  })
  it('an unknown key and a missing signature', () => {
    expect(
      renderVerify(
        {
          ...verdict,
          reason: 'unknown-key',
          unknownKey: { credential: 'apiKey', env: 'IFLYTEK_API_KEY', value: 'se…' },
          firstDifference: undefined,
          mistakes: [],
        } as VerifyOutput,
        false,
      )
        .split('\n')
        .slice(0, 2),
    ).toEqual([
      '✗ The request names a key that is not the one configured: scheme hmac-url (timestamp Wed, 10 Jul 2019 07:35:43 GMT, read from the request).',
      "  The request's apiKey is se…, not the value of IFLYTEK_API_KEY.",
    ])
    expect(
      renderVerify(
        {
          ...verdict,
          reason: 'missing-signature',
          missing: ['query:authorization'],
          actualSignature: undefined,
          firstDifference: undefined,
          mistakes: [],
        } as unknown as VerifyOutput,
        false,
      ),
    ).toBe(
      [
        '✗ The request does not carry the signature: scheme hmac-url (timestamp Wed, 10 Jul 2019 07:35:43 GMT, read from the request).',
        '  Missing: query:authorization.',
        '  Expected signature: Hp3T=',
      ].join('\n'),
    )
  })
  it('the same signature over a declaration that differs (a scope for another region)', () => {
    const out = renderVerify(
      {
        ...verdict,
        actualSignature: 'Hp3T=',
        firstDifference: { step: 'scope', expected: 'us-east-1', actual: 'eu-west-1' },
        mistakes: [],
      },
      false,
    )
    expect(out.split('\n')[0]).toBe(
      '✗ The signature is right, but the request declares something else: scheme hmac-url (timestamp Wed, 10 Jul 2019 07:35:43 GMT, read from the request).',
    )
    expect(out).not.toContain('No known mistake')
  })
  it('a match', () => {
    expect(
      renderVerify(
        { ...verdict, ok: true, reason: undefined, mistakes: [] } as unknown as VerifyOutput,
        false,
      ),
    ).toBe(
      '✓ The signature matches: scheme hmac-url (timestamp Wed, 10 Jul 2019 07:35:43 GMT, read from the request).\nSignature: Hp3T=',
    )
  })
  it('the timestamp age and window, and the note on a masked signature', () => {
    expect(
      renderVerify(
        {
          ...verdict,
          ok: true,
          reason: undefined,
          mistakes: [],
          expectedSignature: 'Hp…',
          revealed: false,
          window: { now: Date.parse('2019-07-10T07:36:43Z'), ageSeconds: 60, maxSkewSeconds: 300 },
        } as unknown as VerifyOutput,
        false,
      )
        .split('\n')
        .slice(1),
    ).toEqual([
      '  Timestamp age: 60 s old at 2019-07-10T07:36:43.000Z; the scheme accepts ±300 s.',
      'Signature: Hp… (masked; --reveal prints it)',
    ])
  })
})
