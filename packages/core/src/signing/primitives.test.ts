// The building blocks, case by case: timestamp formats both ways, percent-encodings, templates read
// backwards, canonical path/query rules, and the request parser of --verify.
import { describe, expect, it } from 'vitest'
import type { CanonicalPathStep, CanonicalQueryStep } from '../generated/index.js'
import { canonicalPath, canonicalQuery } from './canonical.js'
import { percentDecode, percentEncode } from './encoding.js'
import { parseRequestText } from './parse-request.js'
import { parseQuery } from './request.js'
import { matchTemplate, parseTemplate } from './template.js'
import { formatTime, parseInstant, parseTime } from './time.js'

const at = Date.parse('2025-09-04T07:38:07.123Z')

describe('time formats', () => {
  it.each([
    ['unix-s', {}, '1756971487'],
    ['unix-ms', {}, '1756971487123'],
    ['rfc1123', {}, 'Thu, 04 Sep 2025 07:38:07 GMT'],
    ['rfc1123', { zone: 'UTC' as const }, 'Thu, 04 Sep 2025 07:38:07 UTC'],
    ['iso8601', {}, '2025-09-04T07:38:07Z'],
    ['iso8601', { offset: '+0800' }, '2025-09-04T15:38:07+0800'],
    ['iso8601', { offset: '-05:30' }, '2025-09-04T02:08:07-05:30'],
    ['iso8601-ms', {}, '2025-09-04T07:38:07.123Z'],
    ['iso8601-basic', {}, '20250904T073807Z'],
    ['yyyymmdd', {}, '20250904'],
    ['date', {}, '2025-09-04'],
  ] as const)('%s %j → %s, and back', (format, opts, text) => {
    expect(formatTime(at, format, opts)).toBe(text)
    const back = parseTime(text, format)
    expect(back).toBeDefined()
    expect(Math.abs(back! - at)).toBeLessThan(format === 'yyyymmdd' || format === 'date' ? 86_400_000 : 1000)
  })
  it('refuses values in another format', () => {
    expect(parseTime('1756971487123', 'unix-s')).toBeUndefined()
    expect(parseTime('2025-09-04', 'rfc1123')).toBeUndefined()
    expect(parseTime('20250904T073807', 'iso8601-basic')).toBeUndefined()
  })
  it('--date: ISO instants (no zone means UTC), unix seconds, HTTP dates; nothing else', () => {
    expect(parseInstant('2019-07-10T07:35:43Z')).toBe(Date.parse('2019-07-10T07:35:43Z'))
    expect(parseInstant('2019-07-10T07:35:43')).toBe(Date.parse('2019-07-10T07:35:43Z'))
    expect(parseInstant('2025-09-04T15:38:07+0800')).toBe(Date.parse('2025-09-04T07:38:07Z'))
    expect(parseInstant('1562744143')).toBe(1562744143000)
    expect(parseInstant('Wed, 10 Jul 2019 07:35:43 GMT')).toBe(Date.parse('2019-07-10T07:35:43Z'))
    expect(parseInstant('yesterday')).toBeUndefined()
  })
})

describe('percent-encodings', () => {
  const text = "a b+c/d~e*f!g'(h)é"
  it.each([
    ['rfc3986', 'a%20b%2Bc%2Fd~e%2Af%21g%27%28h%29%C3%A9'],
    ['rfc3986-except-slash', 'a%20b%2Bc/d~e%2Af%21g%27%28h%29%C3%A9'],
    ['form', 'a+b%2Bc%2Fd~e%2Af%21g%27%28h%29%C3%A9'],
    ['uri-component', "a%20b%2Bc%2Fd~e*f!g'(h)%C3%A9"],
    ['none', text],
  ] as const)('%s', (enc, expected) => expect(percentEncode(text, enc)).toBe(expected))
  it('decodes runs of escapes as UTF-8, + as space only when asked, bad escapes as text', () => {
    expect(percentDecode('%E1%88%B4+x%2', false)).toBe('ሴ+x%2')
    expect(percentDecode('a+b%20c', true)).toBe('a b c')
  })
})

describe('templates', () => {
  it('parses references; other braces are literal', () => {
    expect(parseTemplate('{"a":{x}} {1} {y.z-w}')).toEqual([
      { text: '{"a":' },
      { ref: 'x' },
      { text: '} {1} ' },
      { ref: 'y.z-w' },
    ])
  })
  it('reads values back; ambiguity settled by hints, then the earliest split', () => {
    expect(matchTemplate('k={a}/{b}', 'k=1/2/3')).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2/3'],
      ]),
    )
    expect(matchTemplate('k={a}/{b}', 'k=1/2/3', new Map([['b', '3']]))).toEqual(
      new Map([
        ['a', '1/2'],
        ['b', '3'],
      ]),
    )
    expect(matchTemplate('k={a}-{a}', 'k=1-2')).toBeUndefined()
    expect(matchTemplate('{a}{b}', 'xy')).toBeUndefined()
    expect(matchTemplate('x={a}', 'y=1')).toBeUndefined()
  })
})

describe('canonical forms', () => {
  const q = (step: Partial<CanonicalQueryStep>, search: string) =>
    canonicalQuery(parseQuery(search), { id: 'q', op: 'canonicalQuery', encode: 'rfc3986', ...step })
  it('query: sorted by name then value, by joined pair, or kept in order; empty values skipped on request', () => {
    expect(q({}, 'text10=test&text1=%E6%B5%8B&text=&b=2&b=1')).toBe(
      'b=1&b=2&text=&text1=%E6%B5%8B&text10=test',
    )
    expect(q({ sort: 'pairs' }, 'text10=test&text1=%E6%B5%8B&text=')).toBe(
      'text10=test&text1=%E6%B5%8B&text=',
    )
    expect(q({ sort: 'none', skipEmpty: true, exclude: ['sig'] }, 'z=1&a=&sig=x&m=a+b')).toBe('z=1&m=a%20b')
    expect(q({ include: ['a'], add: undefined }, 'a=1&b=2')).toBe('a=1')
    expect(
      canonicalQuery(parseQuery('a=1'), { id: 'q', op: 'canonicalQuery', encode: 'rfc3986' }, [
        ['X-Extra', 'v'],
      ]),
    ).toBe('X-Extra=v&a=1')
  })
  const p = (step: Partial<CanonicalPathStep>, path: string) =>
    canonicalPath(path, { id: 'p', op: 'canonicalPath', encode: 'rfc3986', ...step })
  it.each([
    [{ times: 2, normalize: true }, '//a//b/../c/', '/a/c/'],
    [{ times: 2, normalize: true }, '/%E1%88%B4', '/%25E1%2588%25B4'],
    [{ times: 1 }, '/%E1%88%B4', '/%E1%88%B4'],
    [{ times: 1, encode: 'rfc3986-except-slash' as const }, '/a%2Fb', '/a/b'],
    [{ times: 1 }, '/a%2fb/!', '/a%2Fb/%21'],
    [{ times: 2, normalize: true }, '/', '/'],
    [{ times: 1 }, '', '/'],
  ])('path %j %s → %s', (step, path, expected) => expect(p(step, path)).toBe(expected))
})

describe('parseRequestText', () => {
  it('a signed URL', () =>
    expect(parseRequestText(' wss://h/p?a=1 ')).toEqual({ method: 'GET', url: 'wss://h/p?a=1' }))
  it('a JSON request', () => {
    expect(
      parseRequestText('{"method":"POST","url":"https://h/","headers":{"a":"1","n":2},"body":"x"}'),
    ).toEqual({ method: 'POST', url: 'https://h/', headers: { a: '1' }, body: 'x' })
  })
  it('an HTTP message, the scheme from --url', () => {
    expect(
      parseRequestText('POST /p?q=1 HTTP/1.1\r\nHost: h.example\r\nX-A:  b \r\n\r\n{"k":1}', 'wss://other/'),
    ).toEqual({
      method: 'POST',
      url: 'wss://h.example/p?q=1',
      headers: [
        ['Host', 'h.example'],
        ['X-A', 'b'],
      ],
      body: '{"k":1}',
    })
  })
  it.each(['not a request', '{"method":"GET"}', 'GET /p HTTP/1.1\nno colon'])(
    'refuses %j with a usage error',
    (text) => {
      expect(() => parseRequestText(text)).toThrow(expect.objectContaining({ code: 'ERR_USAGE' }))
    },
  )
})

describe('evaluation guards', () => {
  it('{cred.constructor} and {param.toString} are missing values, not Object.prototype members', async () => {
    const { evaluate } = await import('./evaluate.js')
    const { workingRequest } = await import('./request.js')
    const run = (text: string) =>
      evaluate({
        scheme: {
          description: 'x',
          steps: [{ id: 't', op: 'template', text }],
          place: { query: { t: '{t}' } },
        },
        request: workingRequest({ url: 'https://h/' }),
        credentials: {},
        secretCredentials: new Set(),
        params: {},
        instant: 0,
      })
    expect(() => run('{cred.constructor}')).toThrow(expect.objectContaining({ code: 'ERR_CREDENTIALS' }))
    expect(() => run('{param.toString}')).toThrow(expect.objectContaining({ code: 'ERR_SIGNING' }))
    expect(() => run('{nope}')).toThrow('refers to {nope}')
  })
})
