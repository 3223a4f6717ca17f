// --verify on iFlytek requests built by an independent little signer in this test (from the doc's
// description, not the engine): the right request matches, each known mistake is named.
import { createHash, createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { verifyRequest } from './verify.js'

const pack = JSON.parse(
  readFileSync(new URL('../../../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const apiKey = 'keyxxxxxxxx8ee279348519exxxxxxxx'
const apiSecret = 'secretxxxxxxxx2df7900c09xxxxxxxx'
const date = 'Wed, 10 Jul 2019 07:35:43 GMT'
const creds = { apiKey, apiSecret, appId: '595f23df' }

interface V2Options {
  keyField?: string
  hmacKey?: string
  alg?: string
  out?: 'base64' | 'hex'
  origin?: string
  host?: string
  spacesAsPlus?: boolean
}
/** The v2 URL auth as the iat doc describes it, with knobs to reproduce user mistakes. */
function v2Url(o: V2Options = {}): string {
  const origin = o.origin ?? `host: iat-api.xfyun.cn\ndate: ${date}\nGET /v2/iat HTTP/1.1`
  const signature = createHmac(o.alg ?? 'sha256', o.hmacKey ?? apiSecret)
    .update(origin)
    .digest(o.out ?? 'base64')
  const auth = Buffer.from(
    `api_key="${o.keyField ?? apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`,
  ).toString('base64')
  const enc = (s: string) =>
    o.spacesAsPlus ? encodeURIComponent(s).replace(/%20/g, '+') : encodeURIComponent(s)
  return `wss://iat-api.xfyun.cn/v2/iat?authorization=${enc(auth)}&date=${enc(date)}&host=${o.host ?? 'iat-api.xfyun.cn'}`
}
const verify = (url: string, extra: { now?: number; credentials?: Record<string, string> } = {}) =>
  verifyRequest({
    pack,
    scheme: 'hmac-url',
    request: { url },
    credentials: extra.credentials ?? creds,
    ...(extra.now !== undefined ? { now: extra.now } : {}),
  })
const kinds = (r: ReturnType<typeof verify>) => r.mistakes.map((m) => m.description)

describe('verify: iFlytek v2 URL auth', () => {
  it('the doc’s signed URL matches, with the timestamp read from the URL', () => {
    const r = verify(v2Url())
    expect(r.ok).toBe(true)
    expect(r.timestamp).toEqual({ raw: date, ms: Date.parse(date), format: 'rfc1123' })
    expect(r.actualSignature).toBe('Hp3Ty4ZkSBmL8jKyOLpQiv9Sr5nvmeYEH7WsL/ZO2Jg=')
  })
  it('accepts + for spaces in the date as well as %20 (both are in iFlytek’s docs)', () => {
    expect(verify(v2Url({ spacesAsPlus: true })).ok).toBe(true)
  })
  it('key and secret swapped: the key is unknown, and the swap is named', () => {
    const r = verify(v2Url({ keyField: apiSecret, hmacKey: apiKey }))
    expect(r).toMatchObject({
      ok: false,
      reason: 'unknown-key',
      unknownKey: { credential: 'apiKey', value: apiSecret },
    })
    expect(kinds(r)).toEqual(['IFLYTEK_API_KEY and IFLYTEK_API_SECRET were swapped.'])
  })
  it.each<[string, V2Options, string]>([
    ['hex instead of base64', { out: 'hex' }, 'Step signature was encoded as hex instead of base64.'],
    ['SHA-1 instead of SHA-256', { alg: 'sha1' }, 'Step signature used SHA-1 instead of SHA-256.'],
    [
      'a trailing slash on the path',
      { origin: `host: iat-api.xfyun.cn\ndate: ${date}\nGET /v2/iat/ HTTP/1.1` },
      'The signed path was "/v2/iat/" instead of "/v2/iat".',
    ],
    [
      'the host with its port',
      { origin: `host: iat-api.xfyun.cn:443\ndate: ${date}\nGET /v2/iat HTTP/1.1` },
      'The signed host was iat-api.xfyun.cn:443 instead of iat-api.xfyun.cn.',
    ],
    [
      'the host with its scheme',
      { origin: `host: wss://iat-api.xfyun.cn\ndate: ${date}\nGET /v2/iat HTTP/1.1` },
      'The signed host was wss://iat-api.xfyun.cn (with the scheme) instead of iat-api.xfyun.cn.',
    ],
    [
      'no space after the colons',
      { origin: `host:iat-api.xfyun.cn\ndate:${date}\nGET /v2/iat HTTP/1.1` },
      'Step origin has no space after the colons (the scheme writes "name: value").',
    ],
  ])('%s: signature mismatch, first differing step named, mistake found', (_, options, mistake) => {
    const r = verify(v2Url(options))
    expect(r).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
      firstDifference: { step: 'signature', expected: 'Hp3Ty4ZkSBmL8jKyOLpQiv9Sr5nvmeYEH7WsL/ZO2Jg=' },
    })
    expect(kinds(r)).toEqual([mistake])
  })
  it('says honestly when no known mistake reproduces the value', () => {
    const r = verify(v2Url({ hmacKey: 'some-other-secret-entirely' }))
    expect(r).toMatchObject({ ok: false, reason: 'signature-mismatch', mistakes: [] })
    expect(r.searched).toBeGreaterThan(5)
  })
  it('an unknown api_key is told apart from a wrong signature (what the emulator needs)', () => {
    const r = verify(v2Url(), { credentials: { ...creds, apiKey: 'another-key-the-gateway-knows-xx' } })
    expect(r).toMatchObject({
      ok: false,
      reason: 'unknown-key',
      unknownKey: { credential: 'apiKey', value: apiKey },
    })
  })
  it('clock skew beyond 300 s is reported with its size, even with a correct signature', () => {
    const r = verify(v2Url(), { now: Date.parse(date) + 301_000 })
    expect(r).toMatchObject({ ok: false, reason: 'clock-skew', skewSeconds: -301 })
    expect(verify(v2Url(), { now: Date.parse(date) + 299_000 }).ok).toBe(true)
  })
  it('a URL without the authorization parameter is missing its signature', () => {
    expect(
      verify(`wss://iat-api.xfyun.cn/v2/iat?date=${encodeURIComponent(date)}&host=iat-api.xfyun.cn`),
    ).toMatchObject({ ok: false, reason: 'missing-signature', missing: ['query:authorization'] })
  })
})

/** rtasr signa as the doc describes it. */
function rtasrUrl(o: { appid?: string; ts?: string; hmacKey?: string; base?: string } = {}): string {
  const ts = o.ts ?? '1512041814'
  const md5 = createHash('md5')
    .update(o.base ?? `${o.appid ?? '595f23df'}${ts}`)
    .digest('hex')
  const signa = createHmac('sha1', o.hmacKey ?? 'd9f4aa7ea6d94faca62cd88a28fd5234')
    .update(md5)
    .digest('base64')
  return `wss://rtasr.xfyun.cn/v1/ws?appid=${o.appid ?? '595f23df'}&ts=${ts}&signa=${encodeURIComponent(signa)}`
}
const rtasr = (url: string, now?: number) =>
  verifyRequest({
    pack,
    scheme: 'rtasr-signa',
    request: { url },
    credentials: { appId: '595f23df', apiKey: 'd9f4aa7ea6d94faca62cd88a28fd5234' },
    ...(now !== undefined ? { now } : {}),
  })

describe('verify: iFlytek rtasr signa', () => {
  it('the doc’s values match', () => {
    expect(rtasr(rtasrUrl())).toMatchObject({ ok: true, actualSignature: 'IrrzsJeOFk1NGfJHW6SkHUoN9CU=' })
  })
  it('a signa written unencoded, as the doc’s example URL does, even with a + in it', () => {
    // ts 1512041819 gives a signa with a "+": unencoded, a form decoder would read it as a space.
    const md5 = createHash('md5').update('595f23df1512041819').digest('hex')
    const signa = createHmac('sha1', 'd9f4aa7ea6d94faca62cd88a28fd5234').update(md5).digest('base64')
    expect(signa).toContain('+')
    expect(rtasr(`wss://rtasr.xfyun.cn/v1/ws?appid=595f23df&ts=1512041819&signa=${signa}`)).toMatchObject({
      ok: true,
    })
  })
  it('milliseconds instead of seconds in ts', () => {
    const r = rtasr(rtasrUrl({ ts: '1512041814000' }), 1512041814000)
    expect(r).toMatchObject({ ok: false, reason: 'clock-skew' })
    expect(r.mistakes.map((m) => m.kind)).toEqual(['timestamp-format'])
  })
  it('seconds sent but milliseconds signed', () => {
    const md5 = createHash('md5').update('595f23df1512041814000').digest('hex')
    const signa = createHmac('sha1', 'd9f4aa7ea6d94faca62cd88a28fd5234').update(md5).digest('base64')
    const r = rtasr(
      `wss://rtasr.xfyun.cn/v1/ws?appid=595f23df&ts=1512041814&signa=${encodeURIComponent(signa)}`,
    )
    expect(r.mistakes.map((m) => m.description)).toEqual([
      'The signed ts was written as unix-ms instead of unix-s.',
    ])
  })
  it('two mistakes at once: HMAC-SHA256 straight over appid + ts (a community client), with no MD5', () => {
    const signa = createHmac('sha256', 'd9f4aa7ea6d94faca62cd88a28fd5234')
      .update('595f23df1512041814')
      .digest('base64')
    const r = rtasr(
      `wss://rtasr.xfyun.cn/v1/ws?appid=595f23df&ts=1512041814&signa=${encodeURIComponent(signa)}`,
    )
    expect(r.mistakes).toEqual([
      {
        kind: 'skipped-step+hash-algorithm',
        description:
          'Step md5 (MD5) was left out: its input was used as is. Step signa used SHA-256 instead of SHA-1.',
      },
    ])
  })
  it('app id and key swapped in the signature', () => {
    const r = rtasr(rtasrUrl({ base: 'd9f4aa7ea6d94faca62cd88a28fd52341512041814', hmacKey: '595f23df' }))
    expect(r.mistakes.map((m) => m.description)).toEqual(['IFLYTEK_APP_ID and IFLYTEK_API_KEY were swapped.'])
  })
})

describe('verify: iflyaisol (rtasr_llm) on the doc’s example URL', () => {
  // The doc's URL was signed with a secret it does not publish: the signature cannot match, but the
  // timestamp, the nonce and the sorted base string must be read exactly as the gateway would.
  const url =
    'wss://office-api-ast-dx.iflyaisol.com/ast/communicate/v1?accessKeyId=bb1542cda0ab4696031e2f3244206479&appId=27cc644f&uuid=664e7e56f779492ca75a58839914164b&utc=2025-09-04T15%3A38%3A07%2B0800&audio_encode=pcm_s16le&lang=autodialect&samplerate=16000&signature=4PuTRjRmWbJecdZQoANVA4I9B0s%3D'
  const r = verifyRequest({
    pack,
    scheme: 'iflyaisol-hmac',
    request: { url },
    credentials: {
      appId: '27cc644f',
      apiKey: 'bb1542cda0ab4696031e2f3244206479',
      apiSecret: 'not-the-doc-secret',
    },
  })
  it('reads utc (+0800) and uuid from the URL and rebuilds the sorted, encoded base string', () => {
    expect(r.timestamp).toEqual({
      raw: '2025-09-04T15:38:07+0800',
      ms: Date.parse('2025-09-04T07:38:07Z'),
      format: 'iso8601',
    })
    expect(r.expected.steps.find((s) => s.name === 'baseString')?.value).toBe(
      'accessKeyId=bb1542cda0ab4696031e2f3244206479&appId=27cc644f&audio_encode=pcm_s16le&lang=autodialect&samplerate=16000&utc=2025-09-04T15%3A38%3A07%2B0800&uuid=664e7e56f779492ca75a58839914164b',
    )
    expect(r).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
      actualSignature: '4PuTRjRmWbJecdZQoANVA4I9B0s=',
    })
  })
  it('an accessKeyId other than the configured APIKey is an unknown key', () => {
    const other = verifyRequest({
      pack,
      scheme: 'iflyaisol-hmac',
      request: { url },
      credentials: { appId: '27cc644f', apiKey: 'another', apiSecret: 'x' },
      searchMistakes: false,
    })
    expect(other).toMatchObject({
      reason: 'unknown-key',
      unknownKey: { credential: 'apiKey', value: 'bb1542cda0ab4696031e2f3244206479' },
    })
  })
})
