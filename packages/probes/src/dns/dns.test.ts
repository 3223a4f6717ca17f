// The dns link, with an injected resolver: no real DNS in tests.
import { describe, expect, it } from 'vitest'
import { CONTROL_HOST } from '@apidx/core'
import { check, codes, iatTarget } from '../../test/fixtures.js'

// NXDOMAIN for the vendor's name; the control name resolves (the resolver works).
const notFound = async (name: string) => {
  if (name === CONTROL_HOST) return { address: '192.0.2.1', family: 4 }
  throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
}
// No name resolves: the resolver answers nothing (glibc's EAI_AGAIN when no server answers).
const noResolver = async () => {
  throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' })
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

  it('when the control name fails too, the resolver is the problem: dns/no-resolver, not a typo', async () => {
    const result = await check(iatTarget('wss://iat-api.xfyun.cn/v2/iat'), { resolver: noResolver })
    expect(codes(result)).toEqual(['dns/no-resolver'])
    const f = result.findings.find((x) => x.code === 'dns/no-resolver')!
    expect(f.message).toContain(CONTROL_HOST)
    expect(f.fix).not.toContain('typo')
  })

  it('reports every address the host resolves to', async () => {
    const result = await check(iatTarget('wss://iat-api.xfyun.cn:1/v2/iat'), {
      resolver: async () => [
        { address: '127.0.0.1', family: 4 },
        { address: '127.0.0.2', family: 4 },
      ],
      timeoutMs: 300,
    })
    expect(result.findings.find((x) => x.code === 'dns/resolved')?.data).toEqual({
      addresses: [
        { ip: '127.0.0.1', family: 4 },
        { ip: '127.0.0.2', family: 4 },
      ],
    })
  })
})
