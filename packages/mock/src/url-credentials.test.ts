// A version URL whose path holds `{cred.<name>}` (Tencent real-time ASR's /asr/v2/{cred.appId}): the
// emulator serves the path with the vendor's own value filled in; another value is an unknown path.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProviderPack } from '@apidx/core'
import { demoCredentials } from './credentials.js'
import { startMock } from './server.js'
import type { MockServer } from './types.js'

const tencent = JSON.parse(
  readFileSync(new URL('../../../providers/tencentcloud/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
let server: MockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('URL path credentials', () => {
  it('serves the path with the demo AppID filled in, URL-encoded', async () => {
    server = await startMock({ pack: tencent, service: 'asr-realtime' })
    const appId = demoCredentials(tencent).appId!
    expect(new URL(server.url).pathname).toBe(`/asr/v2/${encodeURIComponent(appId)}`)
  })
  it('answers another AppID in the path as an unknown path', async () => {
    server = await startMock({ pack: tencent, service: 'asr-realtime', tls: false })
    const other = server.url.replace(/\/asr\/v2\/[^/?]+/, '/asr/v2/1259228442').replace(/^ws:/, 'http:')
    const res = await fetch(other)
    expect(res.status).toBe(404)
  })
})
