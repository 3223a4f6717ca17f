// The response link: frames against the pack's schema, legacy shapes recognised.
import { afterEach, describe, expect, it } from 'vitest'
import type { ProviderPack } from '@apidx/core'
import {
  check,
  codes,
  iatFrame,
  iatTarget,
  iflytek,
  startFixture,
  type Fixture,
} from '../../test/fixtures.js'
import { versionLabel } from './index.js'

let fixture: Fixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

/** The iFlytek pack with a legacy shape declared on iat v2 (the rtasr v1 frame). */
function withLegacy(): ProviderPack {
  const pack = structuredClone(iflytek)
  const v2 = pack.services.iat!.versions.v2!
  v2.response!.legacy = [
    {
      name: 'rtasr standard (v1) result frame',
      service: 'rtasr',
      schema: { type: 'object', required: ['action', 'desc'] },
      fix: 'Use the rtasr endpoint for this version.',
    },
  ]
  return pack
}

describe('response probe', () => {
  it('a frame that is not JSON is response/not-json', async () => {
    fixture = await startFixture({ kind: 'frames', frames: ['<html>proxy</html>'] })
    expect(codes(await check(iatTarget(fixture.url())))).toEqual(['response/not-json'])
  })

  it('a frame missing a required field is response/schema-mismatch naming the pointer', async () => {
    fixture = await startFixture({
      kind: 'frames',
      frames: [JSON.stringify({ code: 0, message: 'success', data: { status: 2 } })],
    })
    const result = await check(iatTarget(fixture.url()))
    expect(codes(result)).toEqual(['response/schema-mismatch'])
    expect(result.findings[0]?.data.pointer).toBe('/sid')
  })

  it('a legacy frame the pack declares is response/legacy-format', async () => {
    fixture = await startFixture({
      kind: 'frames',
      frames: [JSON.stringify({ action: 'started', code: '0', data: '', desc: 'success', sid: 'rta1' })],
    })
    const result = await check(iatTarget(fixture.url(), withLegacy()))
    expect(codes(result)).toEqual(['response/legacy-format'])
    expect(result.findings[0]?.fix).toBe('Use the rtasr endpoint for this version.')
  })

  it('a first frame without the session id is a session/missing-id warning', async () => {
    fixture = await startFixture({ kind: 'frames', frames: [iatFrame({ sid: '' })] })
    const result = await check(iatTarget(fixture.url()))
    expect(codes(result)).toEqual(['session/missing-id'])
    expect(result.findings[0]?.severity).toBe('warning')
  })
})

describe('versionLabel', () => {
  it('names a version by its title alone, so "(iat v2 (iat-api host, recommended))" cannot happen', () => {
    const v = { serviceId: 'iat', versionId: 'v2' }
    expect(versionLabel({ ...v, version: { title: 'iat v2 (iat-api host, recommended)' } })).toBe(
      'iat v2 (iat-api host, recommended)',
    )
    expect(versionLabel({ ...v, version: {} })).toBe('iat v2')
  })
})
