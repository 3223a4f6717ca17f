// The emulator against the core signing engine both ways: requests signed by core's signRequest are
// accepted by the gateway, whose verdicts come from core's verifyRequest.
import * as core from '@apidx/core'
import { afterEach, describe, expect, it } from 'vitest'
import { iatFrames, iflytek, observe } from '../test/helpers.js'
import { clientCredentials, demoCredentials } from './credentials.js'
import { findScenario } from './scenarios.js'
import { startMock } from './server.js'
import type { MockServer } from './types.js'

const demo = demoCredentials(iflytek)
let server: MockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Signs the emulator's URL with core's signRequest, as `apidx check` does. */
function coreSigned(
  s: MockServer,
  service: string,
  creds: Record<string, string>,
  clock: () => number = Date.now,
): string {
  const target = core.resolveTarget(iflytek, { service, endpoint: s.url })
  return core.signRequest(iflytek, target, { method: 'GET', url: s.url }, creds, clock).request.url
}

describe('with the core signing engine', () => {
  it('iat v2: a request signed by signRequest gets 101 and the session frames', async () => {
    server = await startMock({ pack: iflytek, service: 'iat' })
    const seen = await observe(coreSigned(server, 'iat', demo), { send: iatFrames, waitMs: 500 })
    expect(seen.status).toBe(101)
    expect(seen.frames).toHaveLength(2)
  })

  it('rtasr: a signa made by signRequest is accepted; the server closes after the end mark', async () => {
    server = await startMock({ pack: iflytek, service: 'rtasr' })
    const seen = await observe(coreSigned(server, 'rtasr', demo), {
      send: [Buffer.alloc(1280), '{"end": true}'],
    })
    expect(seen.status).toBe(101)
    expect(seen.close?.code).toBe(1000)
  })

  it.each([
    ['wrong-secret', 401, '{"message":"HMAC signature does not match"}'],
    ['unknown-key', 401, '{"message":"HMAC signature cannot be verified: fail to retrieve credential"}'],
  ])(
    "%s: the scenario client signed by signRequest is refused by verifyRequest's verdict (%i)",
    async (id, status, body) => {
      server = await startMock({ pack: iflytek, service: 'iat', scenario: id })
      const seen = await observe(
        coreSigned(server, 'iat', clientCredentials(iflytek, findScenario(id), demo, 'hmac-url')),
      )
      expect(seen).toMatchObject({ status, body })
    },
  )

  it('clock-skew: an honest signRequest date is refused with 403', async () => {
    server = await startMock({ pack: iflytek, service: 'iat', scenario: 'clock-skew' })
    expect((await observe(coreSigned(server, 'iat', demo))).status).toBe(403)
  })
})
