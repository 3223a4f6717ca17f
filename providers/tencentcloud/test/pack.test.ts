// The tencentcloud pack: validates, and TC3 reproduces the signature doc's worked example.
import { createHash, createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { resolveTarget, signRequest, validatePackFile, verifyRequest, type ProviderPack } from '@apidx/core'

const file = fileURLToPath(new URL('../pack.json', import.meta.url))
const pack = JSON.parse(readFileSync(file, 'utf8')) as ProviderPack

describe('tencentcloud pack', () => {
  it('validates', async () => {
    expect((await validatePackFile(file)).problems).toEqual([])
  })
  it('tc3: the doc’s CVM DescribeInstances example, through the cvm service', () => {
    const target = resolveTarget(pack, { service: 'cvm' })
    const body = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'
    const r = signRequest(
      pack,
      target,
      {
        method: 'POST',
        url: target.url,
        headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' },
        body,
      },
      { secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' },
      1551113065_000,
    )
    expect(r.request.headers.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    )
    expect(r.request.headers['x-tc-timestamp']).toBe('1551113065')
  })
  it('asr-realtime: the doc example, signed for the service with the AppID filled into the path', () => {
    const target = resolveTarget(pack, { service: 'asr-realtime' })
    const url = new URL(target.url)
    url.search =
      '?engine_model_type=16k_zh&expired=1592380492&filter_dirty=1&filter_modal=1&filter_punc=1&needvad=1&nonce=1592294092123&timestamp=1592294092&voice_format=1&voice_id=RnKu9FODFHK5FPpsrN'
    const r = signRequest(
      pack,
      target,
      { url },
      {
        appId: '1259228442',
        secretId: 'AKIDoQq1zhZMN8dv0psmvud6OUKuGPO7pu0r',
        secretKey: 'kFpwoX5RYQ2SkqpeHgqmSzHK7h3A2fni',
      },
      1592294092_000,
    )
    expect(r.signature).toBe('HepdTRX6u155qIPKNKC+3U0j1N0=')
    expect(new URL(r.request.url).pathname).toBe('/asr/v2/1259228442')
  })
  it('asr-realtime: expired is timestamp + 86400 and the nonce a 9-digit integer when the URL has none', () => {
    const target = resolveTarget(pack, { service: 'asr-realtime' })
    const r = signRequest(
      pack,
      target,
      { url: target.url },
      { appId: '1259228442', secretId: 'AKID', secretKey: 'k' },
      1592294092_000,
    )
    const q = new URL(r.request.url).searchParams
    expect(q.get('expired')).toBe('1592380492')
    expect(q.get('nonce')).toMatch(/^[1-9]\d{8}$/)
  })
  // The doc's worked example, as a user's code would send it: the signature URL-encoded, or with its "+" left raw.
  const docUrl = (signature: string) =>
    `wss://asr.cloud.tencent.com/asr/v2/1259228442?engine_model_type=16k_zh&expired=1592380492&filter_dirty=1&filter_modal=1&filter_punc=1&needvad=1&nonce=1592294092123&secretid=AKIDoQq1zhZMN8dv0psmvud6OUKuGPO7pu0r&timestamp=1592294092&voice_format=1&voice_id=RnKu9FODFHK5FPpsrN&signature=${signature}`
  const verifyDoc = (signature: string) =>
    verifyRequest({
      pack,
      target: resolveTarget(pack, { service: 'asr-realtime' }),
      request: { url: docUrl(signature) },
      credentials: { appId: '1259228442', secretKey: 'kFpwoX5RYQ2SkqpeHgqmSzHK7h3A2fni' },
    })
  it('asr-realtime: sign --verify accepts the doc example with the signature URL-encoded', () => {
    const r = verifyDoc(encodeURIComponent('HepdTRX6u155qIPKNKC+3U0j1N0='))
    expect([r.ok, r.mistakes]).toEqual([true, []])
  })
  it('asr-realtime: a signature with its "+" left raw is named as unencoded, since Tencent reads it as a space', () => {
    const r = verifyDoc('HepdTRX6u155qIPKNKC+3U0j1N0=')
    expect([r.ok, r.reason, r.mistakes.map((m) => m.kind)]).toEqual([
      false,
      'signature-mismatch',
      ['unencoded-plus'],
    ])
    expect(r.mistakes[0]!.description).toBe(
      'query parameter signature holds a raw "+" (unencoded base64); the server reads it as a space. URL-encode the value (encodeURIComponent) before adding it to the URL.',
    )
    expect(r.firstDifference).toEqual({
      step: 'query signature',
      expected: 'HepdTRX6u155qIPKNKC+3U0j1N0=',
      actual: 'HepdTRX6u155qIPKNKC 3U0j1N0=',
      secret: false,
    })
  })
  // TC3 written here from the doc (independent of the pack), with the credential-scope date as a knob:
  // the doc's timestamp 1551113065 is 2019-02-25 16:44:25 UTC, already 2019-02-26 in Beijing.
  const tc3 = (day: string) => {
    const body = '{"Limit": 1}'
    const h = (t: string) => createHash('sha256').update(t).digest('hex')
    const hm = (k: string | Buffer, t: string) => createHmac('sha256', k).update(t).digest()
    const creq = [
      'POST',
      '/',
      '',
      'content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n',
      'content-type;host',
      h(body),
    ].join('\n')
    const scope = `${day}/cvm/tc3_request`
    const sig = createHmac(
      'sha256',
      hm(hm(hm('TC3Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', day), 'cvm'), 'tc3_request'),
    )
      .update(['TC3-HMAC-SHA256', '1551113065', scope, h(creq)].join('\n'))
      .digest('hex')
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      host: 'cvm.tencentcloudapi.com',
      'x-tc-timestamp': '1551113065',
      authorization: `TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/${scope}, SignedHeaders=content-type;host, Signature=${sig}`,
    }
    return verifyRequest({
      pack,
      target: resolveTarget(pack, { service: 'cvm' }),
      request: { method: 'POST', url: 'https://cvm.tencentcloudapi.com/', headers, body },
      credentials: {
        secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
        secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      },
    })
  }
  it('tc3: sign --verify accepts a request whose scope date is the UTC date of X-TC-Timestamp', () => {
    expect(tc3('2019-02-25')).toMatchObject({ ok: true })
  })
  it('tc3: a scope date taken from local (Beijing) time is named, not accepted: Tencent recomputes it from the timestamp', () => {
    const r = tc3('2019-02-26')
    expect([r.ok, r.reason, r.firstDifference]).toEqual([
      false,
      'signature-mismatch',
      { step: 'day', expected: '2019-02-25', actual: '2019-02-26', secret: false },
    ])
    expect(r.mistakes[0]).toEqual({
      kind: 'date-not-utc',
      description:
        "day is 2019-02-26, but the request's timestamp 1551113065 is 2019-02-25 in UTC: the date must be the timestamp's UTC date (a local date differs for part of each day, 00:00 to 08:00 in China).",
    })
  })
  it('ASR signs with service asr and a default JSON content type', () => {
    const target = resolveTarget(pack, { service: 'asr' })
    const r = signRequest(
      pack,
      target,
      { method: 'POST', url: target.url, body: '{}' },
      { secretId: 'AKID', secretKey: 'k' },
      1551113065_000,
    )
    expect(r.steps.find((s) => s.name === 'scope')?.value).toBe('2019-02-25/asr/tc3_request')
    expect(r.request.headers['content-type']).toBe('application/json; charset=utf-8')
  })
})
