// maskSecrets: every secret-named value masked in URLs, JSON, headers and auth strings; nothing else touched.
import { describe, expect, it } from 'vitest'
import { isSecretName, maskSecrets } from './mask.js'

describe('maskSecrets', () => {
  it.each([
    [
      'a signed iFlytek URL',
      'wss://iat-api.xfyun.cn/v2/iat?authorization=YXBp&date=Wed%2C%2010&host=iat-api.xfyun.cn',
      'wss://iat-api.xfyun.cn/v2/iat?authorization=***&date=Wed%2C%2010&host=iat-api.xfyun.cn',
    ],
    [
      'an rtasr URL',
      'ws://rtasr.xfyun.cn/v1/ws?appid=595f23df&ts=1512041814&signa=IrrzsJeOFk1NGfJHW6SkHUoN9CU%3D&pd=edu',
      'ws://rtasr.xfyun.cn/v1/ws?appid=595f23df&ts=1512041814&signa=***&pd=edu',
    ],
    [
      'an AWS presigned URL',
      '?X-Amz-Credential=AKIA%2F2026&X-Amz-Signature=ab12&X-Amz-Security-Token=tok',
      '?X-Amz-Credential=***&X-Amz-Signature=***&X-Amz-Security-Token=***',
    ],
    [
      'an iflyaisol URL',
      '?accessKeyId=bb15&appId=27cc&signature=4PuT%3D&uuid=66',
      '?accessKeyId=***&appId=27cc&signature=***&uuid=66',
    ],
    [
      'JSON fields',
      '{"apiKey": "k1", "api_secret":"s1", "code": 10105, "token": 42}',
      '{"apiKey": "***", "api_secret":"***", "code": 10105, "token": ***}',
    ],
    [
      'an authorization origin',
      'api_key="key1", algorithm="hmac-sha256", headers="host date request-line", signature="c2ln"',
      'api_key="***", algorithm="hmac-sha256", headers="host date request-line", signature="***"',
    ],
    ['a header line', 'Authorization: Bearer sk-abc def\nDate: now', 'Authorization: ***\nDate: now'],
    ['a bare bearer token', 'curl said: bearer sk-live-123 rejected', 'curl said: bearer *** rejected'],
    [
      'a Google key',
      'https://x.googleapis.com/v1?key=AIzaSy&alt=json',
      'https://x.googleapis.com/v1?key=***&alt=json',
    ],
  ])('masks %s', (_, input, expected) => {
    expect(maskSecrets(input)).toBe(expected)
  })

  it('leaves vendor messages, codes and plain URLs alone', () => {
    const texts = [
      '{"message":"HMAC signature does not match"}',
      '{"action":"error","code":"10105","desc":"illegal access|illegal client_ip: 1.2.3.4"}',
      'https://www.xfyun.cn/doc/asr/rtasr/API.html',
      'HMAC signature cannot be verified: fail to retrieve credential',
    ]
    for (const t of texts) expect(maskSecrets(t)).toBe(t)
  })

  it('names secrets by fragment or whole short name, not by accident', () => {
    expect(
      [
        'apiKey',
        'API-KEY',
        'x-amz-signature',
        'accessKeySecret',
        'client_secret',
        'signa',
        'key',
        'sessionToken',
      ].every(isSecretName),
    ).toBe(true)
    expect(
      ['monkey', 'keyboard', 'desc', 'message', 'host', 'date', 'signal', 'appid'].some(isSecretName),
    ).toBe(false)
  })
})
