// --verify judges the timestamp as the server will: a consistent signature over a date that is stale,
// in the future, in CST, or in a library's own form is still a named mistake. Requests are signed by a
// small independent signer here (iFlytek's v2 URL auth as its doc describes it), not by the engine.
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { verifyRequest } from './verify.js'
import { describeSeconds } from './verify-time.js'

const pack = JSON.parse(
  readFileSync(new URL('../../../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const apiKey = 'keyxxxxxxxx8ee279348519exxxxxxxx'
const apiSecret = 'secretxxxxxxxx2df7900c09xxxxxxxx'
const creds = { apiKey, apiSecret, appId: '595f23df' }

/** A v2 URL signed over `date` exactly as written: the signature is consistent whatever the date says. */
function signedUrl(date: string): string {
  const origin = `host: iat-api.xfyun.cn\ndate: ${date}\nGET /v2/iat HTTP/1.1`
  const signature = createHmac('sha256', apiSecret).update(origin).digest('base64')
  const auth = Buffer.from(
    `api_key="${apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`,
  ).toString('base64')
  return `wss://iat-api.xfyun.cn/v2/iat?authorization=${encodeURIComponent(auth)}&date=${encodeURIComponent(date)}&host=iat-api.xfyun.cn`
}
const verify = (url: string, now?: number) =>
  verifyRequest({
    pack,
    scheme: 'hmac-url',
    request: { url },
    credentials: creds,
    ...(now !== undefined ? { now } : {}),
  })
const now = Date.parse('2026-12-05T09:00:00Z')

describe('verify judges the timestamp as the server does', () => {
  it('a URL dated in 2019 fails at a 2026 clock, with its age and the 300 s window', () => {
    const r = verify(signedUrl('Wed, 10 Jul 2019 07:35:43 GMT'), now)
    expect(r).toMatchObject({
      ok: false,
      reason: 'clock-skew',
      actualSignature: r.expectedSignature,
      window: {
        now,
        maxSkewSeconds: 300,
        ageSeconds: Math.round((now - Date.parse('2019-07-10T07:35:43Z')) / 1000),
      },
    })
    expect(r.mistakes.map((m) => m.kind)).toEqual(['timestamp-outside-window'])
    expect(r.mistakes[0]!.description).toContain('is 7 years old')
    expect(r.mistakes[0]!.description).toContain('±300 s')
  })
  it('a date 10 minutes ahead is in the future; 4 minutes either side is inside the window', () => {
    const ahead = verify(signedUrl(new Date(now + 600_000).toUTCString()), now)
    expect(ahead.mistakes[0]!.description).toContain('10 min 0 s in the future')
    expect(verify(signedUrl(new Date(now + 240_000).toUTCString()), now).ok).toBe(true)
    expect(verify(signedUrl(new Date(now - 240_000).toUTCString()), now)).toMatchObject({
      ok: true,
      window: { ageSeconds: 240, maxSkewSeconds: 300 },
    })
  })
  it('an RFC 1123 date in CST (Java SimpleDateFormat on a machine in China) fails even with no clock given', () => {
    // 17:00 CST is 09:00 GMT: the right instant, in the zone the server does not read.
    const r = verify(signedUrl('Sat, 05 Dec 2026 17:00:00 CST'))
    expect(r).toMatchObject({
      ok: false,
      reason: 'clock-skew',
      timestamp: { raw: 'Sat, 05 Dec 2026 17:00:00 CST', ms: now },
    })
    expect(r.mistakes.map((m) => m.kind)).toEqual(['timestamp-zone'])
    expect(r.mistakes[0]!.description).toContain('China Standard Time, +08:00')
    expect(r.mistakes[0]!.description).toContain('an RFC 1123 date in GMT')
  })
  it('a numeric offset other than +0000 is a zone mistake too; UTC and +0000 are read as GMT', () => {
    expect(verify(signedUrl('Sat, 05 Dec 2026 17:00:00 +0800'), now).mistakes.map((m) => m.kind)).toEqual([
      'timestamp-zone',
    ])
    expect(verify(signedUrl('Sat, 05 Dec 2026 09:00:00 UTC'), now).ok).toBe(true)
  })
  it("a date in JavaScript's Date#toString() form is named, with the form the scheme wants", () => {
    const r = verify(signedUrl('Sat Dec 05 2026 17:00:00 GMT+0800 (China Standard Time)'), now)
    expect(r).toMatchObject({ ok: false, reason: 'clock-skew', timestamp: { ms: now } })
    expect(r.mistakes.map((m) => m.kind)).toEqual(['timestamp-format'])
    expect(r.mistakes[0]!.description).toContain('Write it as Sat, 05 Dec 2026 09:00:00 GMT.')
  })
  it('a stale date with a wrong signature is still a clock fault, and the signature search still runs', () => {
    const url = signedUrl('Wed, 10 Jul 2019 07:35:43 GMT').replace(/authorization=[^&]+/, (a) =>
      a.replace(/.{6}$/, 'AAAAAA'),
    )
    const r = verify(url, now)
    expect(r.reason).toBe('clock-skew')
    expect(r.mistakes.map((m) => m.kind)[0]).toBe('timestamp-outside-window')
  })
  it('ages read as people say them', () => {
    expect([41, 600, 4 * 3600 + 120, 5 * 86400, 90 * 86400, 3 * 365.25 * 86400].map(describeSeconds)).toEqual(
      ['41 s', '10 min 0 s', '4 h 2 min', '5 days', '2 months', '3 years'],
    )
  })
})
