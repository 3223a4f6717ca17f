// The clock link: the server's Date against the pack's skew limit (iFlytek: 300 s).
import { afterEach, describe, expect, it } from 'vitest'
import { check, codes, iatFrame, iatTarget, startFixture, type Fixture } from '../../test/fixtures.js'

let fixture: Fixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

const ahead = (s: number) => new Date(Date.now() + s * 1000).toUTCString()

describe('clock probe', () => {
  it('a server 10 min ahead that rejects the date is clock/skew with the measured offset', async () => {
    fixture = await startFixture({
      kind: 'status',
      status: 403,
      body: '{"message":"HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication"}',
      headers: { date: ahead(600) },
    })
    const result = await check(iatTarget(fixture.url()))
    expect(codes(result)).toEqual(['clock/skew'])
    expect(result.findings[0]?.message).toMatch(
      /^Local clock is (599|600|601) s behind the server \(iFlytek allows 300 s\)\.$/,
    )
    expect(result.findings[0]?.data.offsetSeconds).toBeLessThan(-590)
  })

  it('a skew beyond the limit is reported even when the server accepted the request', async () => {
    fixture = await startFixture({ kind: 'frames', frames: [iatFrame()], date: ahead(-400) })
    const result = await check(iatTarget(fixture.url()))
    expect(codes(result)).toEqual(['clock/skew'])
    expect(result.findings[0]?.message).toMatch(/ahead of the server/)
  })

  it('a skew within the limit passes', async () => {
    fixture = await startFixture({ kind: 'frames', frames: [iatFrame()], date: ahead(100) })
    expect(codes(await check(iatTarget(fixture.url())))).toEqual([])
  })

  it('a date rejection without a Date header is still clock/skew', async () => {
    fixture = await startFixture({
      kind: 'status',
      status: 403,
      body: '{"message":"HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication"}',
      headers: { date: 'garbage' },
    })
    const result = await check(iatTarget(fixture.url()))
    expect(codes(result)).toEqual(['clock/skew'])
    expect(result.findings[0]?.message).toMatch(/^The server rejected the request's date/)
  })
})
