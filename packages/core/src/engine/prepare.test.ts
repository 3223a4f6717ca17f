// Building the one request: which credentials are needed, when they are withheld, placeholders filled.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { resolveTarget } from '../pack/target.js'
import { credentialsOf, prepareRequest, withholdReason, type Signer } from './prepare.js'

const pack = JSON.parse(
  readFileSync(new URL('../../../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const creds = { appId: 'app1', apiKey: 'k'.repeat(32), apiSecret: 's'.repeat(32) }
const signer: Signer = async ({ url }) => {
  const u = new URL(url)
  u.searchParams.set('authorization', 'A'.repeat(40))
  u.searchParams.set('date', 'Wed, 25 Nov 2026 08:00:00 GMT')
  u.searchParams.set('host', u.hostname)
  return { url: u, headers: {} }
}

describe('prepareRequest', () => {
  it('needs the credentials of the auth scheme and of the probe frames, in the pack order', () => {
    expect(credentialsOf(pack, 'hmac-url', pack.services.iat!.versions.v2!.probe)).toEqual([
      'appId',
      'apiKey',
      'apiSecret',
    ])
  })

  it('signs, fills {cred.appId} in the frames and keeps the signature as a secret to mask', async () => {
    const target = resolveTarget(pack, { service: 'iat' })
    const req = await prepareRequest(target, creds, { allowInsecure: false, signer, now: 0 })
    expect(req.signed).toBe(true)
    expect(String(req.frames[0]?.data)).toContain('"app_id":"app1"')
    expect(req.secrets).toEqual(['A'.repeat(40)])
  })

  it('withholds credentials from a host outside the pack unless the user named it', () => {
    const named = resolveTarget(pack, { service: 'iat', endpoint: 'wss://proxy.example/v2/iat' })
    expect(withholdReason(named, false)).toBeUndefined()
    expect(withholdReason({ ...named, explicitEndpoint: false }, false)).toMatch(/not one of the iFlytek/)
  })

  it('withholds credentials over plain ws:// to a non-loopback host without --allow-insecure', async () => {
    const plain = resolveTarget(pack, { service: 'iat', endpoint: 'ws://iat-api.xfyun.cn/v2/iat' })
    const req = await prepareRequest(plain, creds, { allowInsecure: false, signer, now: 0 })
    expect(req.signed).toBe(false)
    expect(req.credentials.withheld).toMatch(/not encrypted/)
    expect(String(req.frames[0]?.data)).not.toContain('app1')
    expect((await prepareRequest(plain, creds, { allowInsecure: true, signer, now: 0 })).signed).toBe(true)
  })

  it('loopback ws:// is allowed (the emulator, a local proxy)', () => {
    expect(
      withholdReason(resolveTarget(pack, { service: 'iat', endpoint: 'ws://127.0.0.1:8080/v2/iat' }), false),
    ).toBeUndefined()
  })

  it('reports missing credentials with their variables', async () => {
    const req = await prepareRequest(
      resolveTarget(pack, { service: 'iat' }),
      { appId: 'x' },
      { allowInsecure: false, signer, now: 0 },
    )
    expect(req.credentials).toEqual({
      complete: false,
      missing: [
        { name: 'apiKey', env: 'IFLYTEK_API_KEY' },
        { name: 'apiSecret', env: 'IFLYTEK_API_SECRET' },
      ],
    })
    expect(req.signed).toBe(false)
  })
})
