// The tcp link: nothing listening on a loopback port.
import { describe, expect, it } from 'vitest'
import { check, closedPort, codes, iatTarget } from '../../test/fixtures.js'

describe('tcp probe', () => {
  it('a port where nothing listens is tcp/refused', async () => {
    const port = await closedPort()
    const result = await check(iatTarget(`ws://127.0.0.1:${port}/v2/iat`))
    expect(codes(result)).toEqual(['tcp/refused'])
    expect(result.findings[0]?.message).toBe(`Connection to 127.0.0.1:${port} was refused: nothing listens there.`)
  })

  it('resolves through the injected resolver, then connects to the address it gave', async () => {
    const port = await closedPort()
    const result = await check(iatTarget(`ws://iat-api.xfyun.cn:${port}/v2/iat`), { resolver: async () => ({ address: '127.0.0.1', family: 4 }), allowInsecure: true })
    expect(codes(result)).toEqual(['url/wrong-scheme', 'tcp/refused'])
    expect(result.findings[0]?.severity).toBe('warning')
  })
})
