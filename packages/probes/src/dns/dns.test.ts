// The dns link, with an injected resolver: no real DNS in tests.
import { describe, expect, it } from 'vitest'
import { check, codes, iatTarget } from '../../test/fixtures.js'

const notFound = async () => {
  throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
}
const hangs = () => new Promise<never>(() => {})

describe('dns probe', () => {
  it('an unresolvable host is dns/not-found and skips every later network link', async () => {
    const result = await check(iatTarget('wss://nowhere.xfyun.cn/v2/iat'), { resolver: notFound })
    expect(codes(result)).toEqual(['dns/not-found'])
    expect(result.links.filter((l) => l.status === 'skip').map((l) => l.id)).toEqual([
      'tcp',
      'tls',
      'websocket',
      'clock',
      'auth',
      'response',
      'vendor-error',
    ])
    expect(result.links.find((l) => l.id === 'tcp')?.reason).toBe('Not run: dns failed (dns/not-found).')
  })

  it('a resolver that hangs is dns/timeout within the DNS deadline', async () => {
    const result = await check(iatTarget('wss://slow.xfyun.cn/v2/iat'), { resolver: hangs, timeoutMs: 200 })
    expect(codes(result)).toEqual(['dns/timeout'])
  })

  it('measures the lookup time', async () => {
    const result = await check(iatTarget('wss://nowhere.xfyun.cn/v2/iat'), { resolver: notFound })
    expect(result.links[1]).toMatchObject({ id: 'dns', status: 'fail' })
    expect(typeof result.links[1]?.ms).toBe('number')
  })
})
