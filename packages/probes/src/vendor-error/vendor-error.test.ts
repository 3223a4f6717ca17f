// The vendor-error link: codes read where the pack says, meanings from the service's own table.
import { afterEach, describe, expect, it } from 'vitest'
import { check, codes, iatTarget, startFixture, type Fixture } from '../../test/fixtures.js'

let fixture: Fixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

const errorFrame = (code: number, message: string) => JSON.stringify({ code, message, sid: 'iat000002@dx' })

describe('vendor-error probe', () => {
  it('an iat 10165 error frame is vendor/error with the iat meaning', async () => {
    fixture = await startFixture({
      kind: 'frames',
      frames: [errorFrame(10165, 'invalid handle')],
      close: { code: 1000, reason: '' },
    })
    const result = await check(iatTarget(fixture.url()))
    expect(codes(result)).toEqual(['vendor/error'])
    expect(result.findings[0]?.data).toMatchObject({
      vendorCode: '10165',
      service: 'iat',
      sessionId: 'iat000002@dx',
      vendorMessage: 'invalid handle',
    })
    expect(result.findings[0]?.data.meaning).toBeTruthy()
  })

  it('an error frame followed by a 1011 close is still the vendor error, not the close', async () => {
    fixture = await startFixture({
      kind: 'frames',
      frames: [errorFrame(10165, 'invalid handle')],
      close: { code: 1011, reason: 'x' },
    })
    expect(codes(await check(iatTarget(fixture.url())))).toEqual(['vendor/error'])
  })

  it('a code the pack does not know is vendor/error with a null meaning', async () => {
    fixture = await startFixture({ kind: 'frames', frames: [errorFrame(99999, 'odd')] })
    const result = await check(iatTarget(fixture.url()))
    expect(codes(result)).toEqual(['vendor/error'])
    expect(result.findings[0]?.data.meaning).toBeNull()
  })

  it('the same code means different things per service (10110 in rtasr)', async () => {
    fixture = await startFixture({
      kind: 'frames',
      frames: [
        JSON.stringify({ action: 'error', code: '10110', data: '', desc: 'no license', sid: 'rta0001' }),
      ],
    })
    const result = await check(iatTarget(fixture.url('/v1/ws'), undefined, 'rtasr'))
    const f = result.findings.find((x) => x.code === 'vendor/error')
    expect(f?.data.meaning).toMatch(/licence/)
    expect(f?.data.service).toBe('rtasr')
  })

  it('the message picks the meaning when the code has several: rtasr 10110 "illegal signa" is a bad signature, with its source and confidence', async () => {
    fixture = await startFixture({
      kind: 'frames',
      frames: [
        JSON.stringify({
          action: 'error',
          code: '10110',
          data: '',
          desc: 'invalid authorization|illegal signa',
          sid: 'rta0001',
        }),
      ],
    })
    const result = await check(iatTarget(fixture.url('/v1/ws'), undefined, 'rtasr'))
    const f = result.findings.find((x) => x.probe === 'vendor-error')
    expect(f?.code).toBe('auth/signature-mismatch')
    expect(f?.data).toMatchObject({
      vendorCode: '10110',
      vendorMessage: 'invalid authorization|illegal signa',
      meaning: expect.stringMatching(/^The signa did not verify/),
      source: 'https://www.xfyun.cn/doc/asr/rtasr/API.html',
      confidence: 'documented',
    })
  })
})
