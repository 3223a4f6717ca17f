// The redactor masks a secret in every form a request or a log can carry it, and nothing else.
import { describe, expect, it } from 'vitest'
import { createRedactor, maskSecret } from './redact.js'

const secret = 'keyxxxxxxxx8ee279348519exxxxxxxx'
const r = createRedactor([secret, 'a/b+c d=e~f*g!h'])

describe('maskSecret', () => {
  it('keeps two characters of long values and none of short ones', () => {
    expect(maskSecret(secret)).toBe('ke…')
    expect(maskSecret('short-secret')).toBe('sh…')
    expect(maskSecret('elevenchars')).toBe('****')
  })
})

describe('createRedactor', () => {
  const b64 = Buffer.from(secret).toString('base64')
  it.each([
    ['raw', `key=${secret}`, 'key=ke…'],
    ['base64 (as a token: its own first two characters)', `x ${b64} y`, 'x a2… y'],
    ['hex', Buffer.from(secret).toString('hex'), 'ke…'],
    ['HEX', Buffer.from(secret).toString('hex').toUpperCase(), 'ke…'],
    ['url-encoded', `p=${encodeURIComponent('a/b+c d=e~f*g!h')}`, 'p=a/…'],
    ['form-encoded', `p=${encodeURIComponent('a/b+c d=e~f*g!h').replace(/%20/g, '+')}`, 'p=a/…'],
    ['json-escaped', JSON.stringify({ k: secret }), '{"k":"ke…"}'],
  ])('masks the %s form', (_, input, expected) => {
    expect(r.redact(input)).toBe(expected)
  })
  it("masks a whole token that is base64 of a string holding the secret (iFlytek's authorization)", () => {
    const auth = Buffer.from(`api_key="${secret}", algorithm="hmac-sha256", signature="abc"`).toString(
      'base64',
    )
    const url = `wss://iat-api.xfyun.cn/v2/iat?authorization=${encodeURIComponent(auth)}&date=Wed%2C%2010%20Jul%202019&host=iat-api.xfyun.cn`
    const out = r.redact(url)
    expect(out).toBe(
      'wss://iat-api.xfyun.cn/v2/iat?authorization=YX…&date=Wed%2C%2010%20Jul%202019&host=iat-api.xfyun.cn',
    )
  })
  it('leaves text without secrets unchanged and reports leaks', () => {
    expect(r.redact('nothing secret here, 20150830T123600Z')).toBe('nothing secret here, 20150830T123600Z')
    expect(r.leaks(`x${secret}`)).toBe(true)
    expect(r.leaks('clean')).toBe(false)
  })
  it('redacts deep JSON values and keys', () => {
    expect(r.redactValue({ a: [secret, { [secret]: 1 }], n: 2 })).toEqual({ a: ['ke…', { 'ke…': 1 }], n: 2 })
  })
  it('ignores secrets too short to search for', () => {
    expect(createRedactor(['abc']).redact('abc abc')).toBe('abc abc')
  })
})
