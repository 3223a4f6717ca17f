// A 302 to another host never carries credentials there: the emulator's redirect scenario records
// every request its other listener receives, and the built CLI, pointed at it, must leave it empty.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMock, type MockServer } from '@apidx/mock'
import type { ProviderPack } from '@apidx/core'
import { apidx, CANARY, leaked } from './harness.js'

const pack = JSON.parse(
  readFileSync(new URL('../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
let mock: MockServer
beforeAll(async () => {
  mock = await startMock({ pack, service: 'iat', scenario: 'redirect', tls: false })
})
afterAll(async () => {
  await mock.close()
})

describe('302 to another host (emulator, built CLI)', () => {
  it('is http/redirect, and no request reaches the other host', async () => {
    const r = await apidx(['check', '-p', 'iflytek', '-s', 'iat', '-e', mock.url, '--json'], CANARY)
    const report = JSON.parse(r.stdout)
    expect([r.code, report.rootCause.code]).toEqual([1, 'http/redirect'])
    expect(mock.requests.filter((q) => q.listener === 'main')).toHaveLength(1)
    expect(mock.requests.filter((q) => q.listener === 'redirect-target')).toEqual([])
    expect(leaked(r)).toEqual([])
  })
})
