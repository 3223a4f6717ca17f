// The aliyun pack: validates, and RPC v1 reproduces the signature doc's worked example.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { resolveTarget, signRequest, validatePackFile, type ProviderPack } from '@apidx/core'

const file = fileURLToPath(new URL('../pack.json', import.meta.url))
const pack = JSON.parse(readFileSync(file, 'utf8')) as ProviderPack

describe('aliyun pack', () => {
  it('validates', async () => {
    expect((await validatePackFile(file)).problems).toEqual([])
  })
  it('rpc-v1: the doc’s DescribeRegions example (GET) and its POST variant', () => {
    const url = 'https://ecs.aliyuncs.com/?Action=DescribeRegions&Format=XML&Version=2014-05-26'
    const sign = (method: string) =>
      signRequest(
        pack,
        'rpc-v1',
        { method, url },
        { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
        Date.parse('2016-02-23T12:46:24Z'),
        { nonces: { nonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf' } },
      )
    expect(sign('GET').signature).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=')
    expect(sign('POST').signature).toBe('MxbnVAM4w6sft9xjVpe/GCKueuk=')
  })
  it('NLS CreateToken carries the common parameters and a fresh nonce', () => {
    const target = resolveTarget(pack, { service: 'nls-token' })
    const u = new URL(target.url)
    for (const [k, v] of Object.entries(target.version.query ?? {})) u.searchParams.set(k, v)
    const r = signRequest(
      pack,
      target,
      { url: u },
      { accessKeyId: 'LTAI', accessKeySecret: 's' },
      Date.parse('2026-11-25T08:00:00Z'),
    )
    const q = new URL(r.request.url).searchParams
    expect(q.get('Action')).toBe('CreateToken')
    expect(q.get('Timestamp')).toBe('2026-11-25T08:00:00Z')
    expect(q.get('SignatureNonce')).toMatch(/^[0-9a-f-]{36}$/)
    expect(q.get('Signature')).toMatch(/^[A-Za-z0-9+/]{27}=$/)
  })
  it('nls-token: the NLS token travels in the X-NLS-Token header of the speech WebSocket', () => {
    const target = resolveTarget(pack, { service: 'speech-transcriber' })
    const r = signRequest(
      pack,
      target,
      { url: target.url },
      { nlsToken: 'apidx-demo-token' },
      Date.parse('2026-11-25T08:00:00Z'),
    )
    expect(r.request.headers['x-nls-token']).toBe('apidx-demo-token')
    expect(target.url.toString()).toBe('wss://nls-gateway-cn-shanghai.aliyuncs.com/ws/v1')
  })
})
