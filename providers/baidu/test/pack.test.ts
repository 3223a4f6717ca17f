// The baidu pack: validates, and bce-auth-v1 reproduces the authentication doc's examples.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { canonicalQueryFor, signRequest, validatePackFile, type ProviderPack } from './helpers.js'

const file = fileURLToPath(new URL('../pack.json', import.meta.url))
const pack = JSON.parse(readFileSync(file, 'utf8')) as ProviderPack
const request = {
  method: 'PUT',
  url: 'https://bj.bcebos.com/v1/test/myfolder/readme.txt?partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851',
  headers: {
    host: 'bj.bcebos.com',
    date: 'Mon, 27 Apr 2015 16:23:49 +0800',
    'content-type': 'text/plain',
    'content-length': '8',
    'content-md5': 'NFzcPqhviddjRNnSOGo4rw==',
    'x-bce-date': '2015-04-27T08:23:49Z',
  },
}
const creds = { accessKeyId: 'a'.repeat(32), secretAccessKey: 'b'.repeat(32) }
const at = Date.parse('2015-04-27T08:23:49Z')

describe('baidu pack', () => {
  it('validates', async () => {
    expect((await validatePackFile(file)).problems).toEqual([])
  })
  it('bce-auth-v1 signs host and x-bce-date', () => {
    expect(signRequest(pack, 'bce-auth-v1', request, creds, at).request.headers.authorization).toBe(
      `bce-auth-v1/${'a'.repeat(32)}/2015-04-27T08:23:49Z/1800/host;x-bce-date/1b8de5a23a56eef657c69f94c621e7acd227d049a4ba577f537d5e5cebf0cf32`,
    )
  })
  it('bce-auth-v1-default-headers leaves the signed-header list empty', () => {
    expect(
      signRequest(pack, 'bce-auth-v1-default-headers', request, creds, at).request.headers.authorization,
    ).toBe(
      `bce-auth-v1/${'a'.repeat(32)}/2015-04-27T08:23:49Z/1800//d74a04362e6a848f5b39b15421cb449427f419c95a480fd6b8cf9fc783e2999e`,
    )
  })
  it('the doc’s canonical query and path examples', () => {
    expect(
      canonicalQueryFor(pack, 'https://bj.bcebos.com/example/测试?text10=test&text1=测试&text='),
    ).toEqual({ query: 'text10=test&text1=%E6%B5%8B%E8%AF%95&text=', path: '/example/%E6%B5%8B%E8%AF%95' })
  })
  it('oauth: client_id and client_secret are placed in the query, grant_type comes from the version', () => {
    const r = signRequest(
      pack,
      'oauth-client-credentials',
      { method: 'POST', url: 'https://aip.baidubce.com/oauth/2.0/token?grant_type=client_credentials' },
      { apiKey: 'Va5yQRHlA4Fq5eR3LT0vuXV4', secretKey: '0rDSjzQ20XUj5itV6WRtznPQSzr5pVw2' },
      0,
    )
    const q = new URL(r.request.url).searchParams
    expect([q.get('grant_type'), q.get('client_id'), q.get('client_secret')]).toEqual([
      'client_credentials',
      'Va5yQRHlA4Fq5eR3LT0vuXV4',
      '0rDSjzQ20XUj5itV6WRtznPQSzr5pVw2',
    ])
    expect(pack.services.oauth?.versions['2.0']?.query).toEqual({ grant_type: 'client_credentials' })
  })
  it('vop-token: the access token travels in the token query parameter', () => {
    const r = signRequest(
      pack,
      'vop-token',
      { method: 'POST', url: 'https://vop.baidu.com/server_api' },
      { accessToken: '24.6c5e1ff107f0e8bcef8c46d3424a0e78.2592000.1485516651.282335-8574074' },
      0,
    )
    expect(new URL(r.request.url).searchParams.get('token')).toBe(
      '24.6c5e1ff107f0e8bcef8c46d3424a0e78.2592000.1485516651.282335-8574074',
    )
  })
})
