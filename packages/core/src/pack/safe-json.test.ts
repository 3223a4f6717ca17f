// The safe JSON parser: same values as JSON.parse, and every hostile input rejected with line, column and pointer.
import { describe, expect, it } from 'vitest'
import { parseJson } from './safe-json.js'

const ok = (text: string) => {
  const r = parseJson(text)
  if (!r.ok) throw new Error(r.issues[0]!.message)
  return r.value
}
const issue = (text: string, limits?: Parameters<typeof parseJson>[1]) => {
  const r = parseJson(text, limits)
  if (r.ok) throw new Error('expected a failure')
  return r.issues[0]!
}

describe('parseJson', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    const samples = [
      '{}',
      '[]',
      '{"a":[1,2,{"b":null}],"c":"x\\u00e9\\n","d":-1.5e3,"e":true,"f":false}',
      ' [ [ [ ] ] ] ',
      '"s"',
      '0',
      '{"a":{}}',
    ]
    for (const s of samples) expect(ok(s)).toEqual(JSON.parse(s))
  })

  it('reports the line and column of a syntax error', () => {
    const e = issue('{\n  "a": 1,\n  "b": }\n')
    expect(e.line).toBe(3)
    expect(e.column).toBe(8)
    expect(e.pointer).toBe('/b')
  })

  it('rejects a trailing comma with the container pointer', () => {
    expect(issue('{"a": [1, 2,]}').message).toMatch(/expected a value/)
  })

  it('rejects duplicate keys with their pointer', () => {
    const e = issue('{"services": {"iat": 1, "iat": 2}}')
    expect(e.pointer).toBe('/services/iat')
    expect(e.message).toContain('appears twice')
  })

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the key %s anywhere', (key) => {
    const e = issue(`{"a": {"b": [{"${key}": {"polluted": true}}]}}`)
    expect(e.pointer).toBe(`/a/b/0/${key}`)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('rejects a prototype key written with escapes, as JSON.parse would decode it', () => {
    expect(issue('{"\\u005f_proto__": {"polluted": true}}').pointer).toBe('/__proto__')
  })

  it('escapes a pointer segment per RFC 6901', () => {
    expect(issue('{"a/b~c": {"d": 1, "d": 2}}').pointer).toBe('/a~1b~0c/d')
  })

  it.each([
    ['a raw newline in a string', '{"a": "x\ny"}', 'line 1, column 9: a control character'],
    ['a bad escape', '{"a": "\\q"}', 'invalid escape \\q'],
    ['a leading zero', '[01]', "line 1, column 3: expected ',' or ']' but found '1'"],
    ['a bare decimal point', '[1.]', 'a decimal point needs digits'],
    ['single quotes', "{'a': 1}", 'line 1, column 2: expected a property name in double quotes'],
    [
      'a control character outside strings, shown escaped',
      '{"a": \u001b}',
      "expected a value but found '\\u001b'",
    ],
    ['NaN', '[NaN]', 'line 1, column 2: expected a value'],
  ])('rejects %s', (_, text, message) => {
    expect(issue(text).message).toContain(message)
  })

  it('rejects nesting deeper than the limit without overflowing the stack', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000)
    expect(issue(deep).message).toContain('deeper than 64')
    expect(ok('['.repeat(60) + ']'.repeat(60))).toBeTruthy()
  })

  it('rejects an oversized text before parsing it', () => {
    expect(issue('{"a":"' + 'x'.repeat(100) + '"}', { maxBytes: 50, maxDepth: 64 }).message).toContain(
      'over the 50-byte limit',
    )
  })

  it('rejects text after the document and unclosed strings', () => {
    expect(issue('{} {}').message).toContain('after the end')
    expect(issue('{"a": "b').message).toContain('not closed')
  })
})
