// Which documented answer the emulator refuses with: a service's own error code (rtasr sends 10110
// "invalid authorization|illegal signa" after the upgrade, as its doc shows) comes before the
// pack-wide gateway rules, except for a request with no signature at all, which the gateway in front
// of every service answers.
import { afterEach, describe, expect, it } from 'vitest'
import { iflytek, observe, signRtasr } from '../test/helpers.js'
import { demoCredentials } from './credentials.js'
import { startMock } from './server.js'
import type { MockServer } from './types.js'

const demo = demoCredentials(iflytek)
let server: MockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('refusals: own codes before pack-wide rules', () => {
  it('rtasr refuses a wrong signa inside the session with its own 10110 frame, named by its message', async () => {
    server = await startMock({ pack: iflytek, service: 'rtasr' })
    const seen = await observe(signRtasr(server.url, demo.appId!, 'x'.repeat(32)), {
      send: ['{}'],
      waitMs: 300,
    })
    expect(seen.status).toBe(101)
    expect(JSON.parse(seen.frames[0]!)).toMatchObject({
      action: 'error',
      code: '10110',
      desc: 'invalid authorization|illegal signa',
    })
  })

  it("iat_llm answers an unsigned upgrade with the gateway's 401, not with its own 10313 frame", async () => {
    server = await startMock({ pack: iflytek, service: 'iat_llm' })
    const seen = await observe(server.url)
    expect(seen).toMatchObject({ status: 401, body: '{"message":"Unauthorized"}', opened: false })
  })
})
