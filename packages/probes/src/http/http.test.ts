// The http link, on an HTTP service declared in a test pack (the iFlytek pack's services are WebSocket).
import { afterEach, describe, expect, it } from 'vitest'
import type { ProviderPack } from '@apidx/core'
import { check, codes, iatTarget, iflytek, startFixture, type Fixture } from '../../test/fixtures.js'

let fixture: Fixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

function httpPack(): ProviderPack {
  const pack = structuredClone(iflytek)
  pack.services.ocr = {
    title: 'Test OCR',
    docs: 'https://www.xfyun.cn/doc/',
    defaultVersion: 'v1',
    versions: {
      v1: {
        url: 'https://api.xf-yun.com/v1/ocr',
        protocol: 'http',
        method: 'POST',
        auth: 'hmac-url',
        status: 'current',
        source: 'https://www.xfyun.cn/doc/',
        probe: { body: { header: { app_id: '{cred.appId}' } } },
        response: {
          format: 'json',
          errorCode: '/header/code',
          errorMessage: '/header/message',
          okCodes: [0],
          schema: { type: 'object', required: ['header'] },
        },
      },
    },
    errors: {
      '10163': {
        meaning: 'A parameter failed validation.',
        fix: 'Check the request body.',
        source: 'https://www.xfyun.cn/doc/',
      },
    },
  }
  return pack
}

describe('http probe', () => {
  const cases = [
    {
      name: 'a 200 with a success code passes',
      status: 200,
      body: '{"header":{"code":0,"message":"success"}}',
      expected: [] as string[],
    },
    {
      name: 'a 200 with an error code is vendor/error',
      status: 200,
      body: '{"header":{"code":10163,"message":"bad"}}',
      expected: ['vendor/error'],
    },
    {
      name: 'a 302 is http/redirect',
      status: 302,
      body: '',
      headers: { location: 'http://other.example/' },
      expected: ['http/redirect'],
    },
    { name: 'a 429 is http/rate-limited', status: 429, body: '{}', expected: ['http/rate-limited'] },
    { name: 'a 500 is http/server-error', status: 500, body: '{}', expected: ['http/server-error'] },
    {
      name: 'a 200 body that is not JSON is response/not-json',
      status: 200,
      body: 'OK',
      expected: ['response/not-json'],
    },
  ]
  for (const c of cases) {
    it(c.name, async () => {
      fixture = await startFixture({
        kind: 'http',
        status: c.status,
        body: c.body,
        ...(c.headers ? { headers: c.headers } : {}),
      })
      const result = await check(iatTarget(fixture.url('/v1/ocr', 'http'), httpPack(), 'ocr'))
      expect(codes(result)).toEqual(c.expected)
      expect(fixture.seen).toHaveLength(1)
    })
  }

  it('records got timings of the one request', async () => {
    fixture = await startFixture({ kind: 'http', status: 200, body: '{"header":{"code":0}}' })
    const result = await check(iatTarget(fixture.url('/v1/ocr', 'http'), httpPack(), 'ocr'))
    expect(result.exchange?.timings.tcp).toBeGreaterThanOrEqual(0)
    expect(result.exchange?.response?.status).toBe(200)
  })
})
