// explain() on a small fixture pack: each input kind, with the complete expected answer.
import { describe, expect, it } from 'vitest'
import { ApidxError } from '../errors.js'
import type { ProviderPack } from '../generated/index.js'
import { CAUSES } from './causes.js'
import { parseLoose } from './extract/index.js'
import { explain, MAX_INPUT_BYTES } from './explain.js'
import type { RankedCause } from './types.js'

const DOC = 'https://acme.example/docs'
const version = (url: string, response: object) => ({
  url,
  protocol: 'websocket',
  auth: 'sig',
  status: 'current',
  source: DOC,
  response,
})

/** Two services sharing codes 2001 and 2010 with different meanings, and frames of different shapes. */
const acme = {
  id: 'acme',
  name: 'Acme Speech',
  packVersion: '1.0.0',
  verified: '2026-11-01',
  docs: DOC,
  hosts: ['*.acme.example'],
  credentials: {},
  auth: {},
  services: {
    stream: {
      title: 'Streaming',
      docs: DOC,
      defaultVersion: 'v2',
      versions: {
        v2: version('wss://s.acme.example/v2', {
          format: 'json',
          errorCode: '/code',
          errorMessage: '/message',
          okCodes: [0],
          examples: { errorFrame: { code: '{code}', message: '{message}', sid: '{sid}' } },
        }),
      },
      errors: {
        '2001': {
          meaning: 'Engine licence missing.',
          cause: 'The streaming licence is not enabled for the app.',
          fix: 'Enable streaming in the console.',
          source: `${DOC}/stream`,
        },
        '2010': {
          meaning: 'Busy.',
          fix: 'Retry later.',
          retryable: true,
          source: `${DOC}/stream`,
          confidence: 'documented',
        },
      },
      handshakeErrors: [
        {
          status: 401,
          bodyContains: 'unknown key',
          diagnosis: 'auth/unknown-key',
          meaning: 'The key id is unknown.',
          fix: 'Copy the key id again.',
          source: `${DOC}/auth`,
        },
      ],
    },
    legacy: {
      title: 'Legacy',
      docs: DOC,
      defaultVersion: 'v1',
      versions: {
        v1: version('wss://l.acme.example/v1', {
          format: 'json',
          errorCode: '/code',
          errorMessage: '/desc',
          okCodes: ['0'],
          examples: { errorFrame: { action: 'error', code: '{code}', desc: '{message}', sid: '{sid}' } },
        }),
      },
      errors: {
        '2001': {
          meaning: 'Illegal access.',
          cause:
            'A wrong apiKey, a timestamp that is not unix seconds, or a client IP outside the IP whitelist.',
          fix: 'Check apiKey, ts and the whitelist.',
          source: `${DOC}/legacy`,
        },
        '2010': { meaning: 'Invalid parameter.', fix: 'Check the parameters.', source: `${DOC}/legacy` },
      },
    },
  },
  handshakeErrors: [
    {
      status: 401,
      bodyContains: 'signature mismatch',
      diagnosis: 'auth/signature-mismatch',
      meaning: 'Signature check failed.',
      cause: 'A wrong apiKey or apiSecret (or the two swapped), or the request-line signed wrongly.',
      fix: 'Sign again; the base64 signature is 44 characters.',
      source: `${DOC}/auth`,
    },
    {
      status: 403,
      bodyContains: 'clock',
      diagnosis: 'clock/skew',
      meaning: 'Clock skew.',
      cause: 'The local clock is off.',
      fix: 'Sync the clock.',
      source: `${DOC}/auth`,
    },
    {
      status: 403,
      bodyContains: 'IP not allowed',
      diagnosis: 'auth/ip-not-allowed',
      meaning: 'IP not allowed.',
      fix: 'Add the IP to the whitelist.',
      source: `${DOC}/auth`,
    },
  ],
} as unknown as ProviderPack

const generic = (id: string, rank: number, evidence?: string): RankedCause => ({
  rank,
  id,
  text: CAUSES.find((c) => c.id === id)!.text,
  source: 'generic',
  ...(evidence ? { evidence } : {}),
})
const base = { provider: 'acme', providerName: 'Acme Speech' }

describe('explain: vendor codes', () => {
  it('shows every service meaning of an ambiguous code, the --service one first', () => {
    const r = explain('2001', [acme], { service: 'legacy' })
    expect(r).toEqual({
      input: '2001',
      kind: 'vendor-code',
      found: true,
      provider: 'acme',
      matches: [
        {
          ...base,
          service: 'legacy',
          serviceTitle: 'Legacy',
          code: '2001',
          via: 'error-table',
          meaning: 'Illegal access.',
          causes: [generic('wrong-credentials', 1), generic('timestamp', 2), generic('ip-whitelist', 3)],
          cause:
            'A wrong apiKey, a timestamp that is not unix seconds, or a client IP outside the IP whitelist.',
          fix: 'Check apiKey, ts and the whitelist.',
          docs: `${DOC}/legacy`,
          diagnosis: 'vendor/error',
          retry: 'never',
          preferred: true,
        },
        {
          ...base,
          service: 'stream',
          serviceTitle: 'Streaming',
          code: '2001',
          via: 'error-table',
          meaning: 'Engine licence missing.',
          causes: [
            { rank: 1, text: 'The streaming licence is not enabled for the app.', source: 'pack' },
            generic('licence', 2),
          ],
          cause: 'The streaming licence is not enabled for the app.',
          fix: 'Enable streaming in the console.',
          docs: `${DOC}/stream`,
          diagnosis: 'vendor/error',
          retry: 'never',
        },
      ],
      best: {
        diagnosis: 'vendor/error',
        source: 'pack',
        provider: 'acme',
        service: 'legacy',
        code: '2001',
        why: ["the acme pack's entry matches the input"],
      },
    })
  })

  it('says an unknown code is unknown and suggests the same family and close codes', () => {
    const r = explain('2003', [acme], { service: 'stream' })
    expect(r).toEqual({
      input: '2003',
      kind: 'vendor-code',
      found: false,
      matches: [],
      suggestions: [
        { provider: 'acme', service: 'stream', reason: 'same family (20xx): 2 codes, 2001, 2010' },
        { provider: 'acme', service: 'legacy', reason: 'same family (20xx): 2 codes, 2001, 2010' },
        {
          provider: 'acme',
          service: 'stream',
          code: '2001',
          meaning: 'Engine licence missing.',
          reason: 'numerically close (-2)',
        },
        {
          provider: 'acme',
          service: 'legacy',
          code: '2001',
          meaning: 'Illegal access.',
          reason: 'numerically close (-2)',
        },
        {
          provider: 'acme',
          service: 'stream',
          code: '2010',
          meaning: 'Busy.',
          reason: 'numerically close (+7)',
        },
        {
          provider: 'acme',
          service: 'legacy',
          code: '2010',
          meaning: 'Invalid parameter.',
          reason: 'numerically close (+7)',
        },
      ],
    })
  })

  it('never reads Object.prototype for a code such as constructor', () => {
    expect(explain('constructor', [acme]).found).toBe(false)
  })

  it('rejects a service no pack has, naming the ones it has', () => {
    expect(() => explain('2001', [acme], { service: 'strem' })).toThrow(
      expect.objectContaining({ code: 'ERR_TARGET', suggestions: ['Did you mean "stream"?'] }),
    )
  })
})

describe('explain: HTTP statuses and close codes', () => {
  it('ranks the pack rules for a status in pack order and adds the generic meaning', () => {
    const r = explain('403', [acme])
    expect(r.kind).toBe('http-status')
    expect(r.matches.map((m) => [m.diagnosis, m.causes.map((c) => c.id ?? c.source)])).toEqual([
      ['clock/skew', ['pack', 'timestamp']],
      ['auth/ip-not-allowed', ['ip-whitelist']],
    ])
    expect(r.generic?.httpStatus?.name).toBe('Forbidden')
    expect(r.generic?.symptom).toEqual({ id: 'auth-rejected', name: 'Authentication rejected (401/403)' })
    expect(r.generic?.causes).toHaveLength(4)
  })

  it("lists pack-wide rules before one service's when no --service is named", () => {
    expect(explain('401', [acme]).matches.map((m) => [m.service ?? '*', m.diagnosis])).toEqual([
      ['*', 'auth/signature-mismatch'],
      ['stream', 'auth/unknown-key'],
    ])
    expect(
      explain('401', [acme], { service: 'stream' }).matches.map((m) => [m.service ?? '*', m.diagnosis]),
    ).toEqual([
      ['stream', 'auth/unknown-key'],
      ['*', 'auth/signature-mismatch'],
    ])
  })

  it('explains a status no pack has from the generic table alone', () => {
    const r = explain('504', [acme])
    expect(r).toMatchObject({
      kind: 'http-status',
      found: true,
      matches: [],
      generic: { httpStatus: { code: 504, name: 'Gateway Timeout' }, symptom: { id: 'server-error' } },
    })
  })

  it('explains WebSocket close codes 1000–1015', () => {
    for (let code = 1000; code <= 1015; code++)
      expect(explain(String(code), []).generic?.wsClose?.code).toBe(code)
    expect(explain('1006', [])).toMatchObject({
      kind: 'ws-close',
      found: true,
      generic: { wsClose: { name: 'Abnormal Closure' }, symptom: { id: 'ws-closed' } },
    })
    expect(explain('1008', []).generic?.symptom?.id).toBe('auth-rejected')
    expect(explain('1013', []).generic?.symptom?.id).toBe('rate-limited')
  })
})

describe('explain: error bodies', () => {
  it('identifies the service from the frame shape and ranks the cause the body names first', () => {
    const r = explain('{"action":"error","code":"2001","desc":"illegal access|illegal client_ip: 1.2.3.4"}', [
      acme,
    ])
    expect(r).toMatchObject({ kind: 'error-body', found: true, provider: 'acme', service: 'legacy' })
    expect(r.matches).toHaveLength(1)
    expect(r.matches[0]!.observedText).toBe('illegal access|illegal client_ip: 1.2.3.4')
    expect(r.matches[0]!.causes).toEqual([
      generic('ip-whitelist', 1, 'the input contains "client_ip"'),
      generic('wrong-credentials', 2),
      generic('timestamp', 3),
    ])
  })

  it('takes the other service when the frame has its shape', () => {
    const r = explain('{"code":2010,"message":"busy","sid":"x"}', [acme])
    expect(r.matches.map((m) => [m.service, m.meaning, m.retryable])).toEqual([['stream', 'Busy.', true]])
  })

  it('matches a body against handshake rules, the most specific first, with the generic status', () => {
    const r = explain('{"message":"signature mismatch"}', [acme])
    expect(r.matches).toHaveLength(1)
    expect(r.matches[0]).toMatchObject({
      provider: 'acme',
      status: 401,
      via: 'handshake-rule',
      diagnosis: 'auth/signature-mismatch',
    })
    expect(r.matches[0]!.causes.map((c) => c.id)).toEqual([
      'wrong-credentials',
      'swapped-credentials',
      'signed-string',
      'signature-encoding',
      'algorithm',
    ])
    expect(r.generic?.httpStatus?.code).toBe(401)
  })

  it("leaves other services' rules out under --service", () => {
    expect(explain('{"message":"unknown key"}', [acme], { service: 'legacy' }).matches).toEqual([])
    expect(
      explain('{"message":"unknown key"}', [acme], { service: 'stream' }).matches.map((m) => m.diagnosis),
    ).toEqual(['auth/unknown-key'])
  })

  it('uses a leading status to pick among rules', () => {
    expect(explain('401 clock and signature mismatch', [acme]).matches.map((m) => m.diagnosis)).toEqual([
      'auth/signature-mismatch',
    ])
  })

  it('masks signed-URL secrets in the echoed input', () => {
    const r = explain(
      '{"message":"signature mismatch","url":"wss://s.acme.example/v2?authorization=c2VjcmV0&date=now&signa=abc%3D&X-Amz-Signature=ff&apiKey=k1"}',
      [acme],
    )
    expect(r.input).toBe(
      '{"message":"signature mismatch","url":"wss://s.acme.example/v2?authorization=***&date=now&signa=***&X-Amz-Signature=***&apiKey=***"}',
    )
  })

  it('notes invalid JSON and searches it as text', () => {
    const r = explain('{"message":"IP not allowed"', [acme])
    expect(r.matches.map((m) => m.diagnosis)).toEqual(['auth/ip-not-allowed'])
    expect(r.notes?.[0]).toMatch(/^The input is not valid JSON/)
  })

  it('reads a body with prototype keys without polluting anything; the object reader drops those keys', () => {
    const r = explain('{"__proto__":{"polluted":true},"constructor":{"polluted":true},"code":"2001"}', [acme])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(r.matches[0]?.code).toBe('2001')
    const read = parseLoose('{"__proto__":{"polluted":true},"constructor":1,"a":1}') as object
    expect(Object.keys(read)).toEqual(['a'])
    expect(Object.getPrototypeOf(read)).toBeNull()
  })
})

describe('explain: symptoms and input limits', () => {
  it.each([
    ['timeout', 'timeout'],
    ['parse error', 'parse-error'],
    ['SyntaxError: Unexpected token < in JSON at position 0', 'parse-error'],
    ['silent failure', 'silent-failure'],
    ['feature unavailable', 'feature-unavailable'],
    ['404', 'not-found'],
  ])('%s → symptom %s', (input, id) => {
    expect(explain(input, [acme]).generic?.symptom?.id).toBe(id)
  })

  it('calls words that only the symptom table knows a symptom', () => {
    expect(explain('parse error', [acme]).kind).toBe('symptom')
    expect(explain('timeout', [acme]).kind).toBe('symptom')
  })

  it('says nothing explains plain text it does not know, exit-worthy', () => {
    expect(explain('the moon is made of cheese', [acme])).toMatchObject({
      found: false,
      matches: [],
      suggestions: [{ reason: expect.stringContaining('acme') }],
    })
  })

  it('rejects an input over 64 KiB and an empty one as usage errors', () => {
    expect(() => explain('x'.repeat(MAX_INPUT_BYTES + 1), [acme])).toThrow(ApidxError)
    expect(() => explain('   ', [acme])).toThrow(expect.objectContaining({ code: 'ERR_USAGE' }))
  })

  // A backtracking pattern would hold these calls for minutes: the test's own timeout catches it.
  it('answers a hostile 64 KiB body (no backtracking)', () => {
    explain('{"a":"' + '=:'.repeat(32_000) + '"}', [acme])
    explain('a='.repeat(32_000), [acme])
  })
})
