// engineSigner plugs the signing engine into the probe engine's request preparation.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { resolveTarget } from '../pack/target.js'
import { engineSigner } from './signer.js'

const pack = JSON.parse(readFileSync(new URL('../../../../providers/iflytek/pack.json', import.meta.url), 'utf8')) as ProviderPack

describe('engineSigner', () => {
  it('signs the iat target at the run’s clock: the doc’s URL', async () => {
    const target = resolveTarget(pack, { service: 'iat' })
    const out = await engineSigner({ target, method: 'GET', url: new URL(target.url), headers: {}, credentials: { apiKey: 'keyxxxxxxxx8ee279348519exxxxxxxx', apiSecret: 'secretxxxxxxxx2df7900c09xxxxxxxx' }, now: Date.parse('Wed, 10 Jul 2019 07:35:43 GMT') })
    expect(out.url.toString()).toBe('wss://iat-api.xfyun.cn/v2/iat?authorization=YXBpX2tleT0ia2V5eHh4eHh4eHg4ZWUyNzkzNDg1MTlleHh4eHh4eHgiLCBhbGdvcml0aG09ImhtYWMtc2hhMjU2IiwgaGVhZGVycz0iaG9zdCBkYXRlIHJlcXVlc3QtbGluZSIsIHNpZ25hdHVyZT0iSHAzVHk0WmtTQm1MOGpLeU9McFFpdjlTcjVudm1lWUVIN1dzTC9aTzJKZz0i&date=Wed%2C%2010%20Jul%202019%2007%3A35%3A43%20GMT&host=iat-api.xfyun.cn')
    expect(out.headers).toEqual({})
  })
})
