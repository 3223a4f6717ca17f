// The tencentcloud pack: validates, and TC3 reproduces the signature doc's worked example.
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
    const r = signRequest(pack, target, { method: 'POST', url: target.url, headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' }, body }, { secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' }, 1551113065_000)
    expect(r.request.headers.authorization).toBe('TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168')
    expect(r.request.headers['x-tc-timestamp']).toBe('1551113065')
  })
  it('asr-realtime: the doc example, signed for the service with the AppID filled into the path', () => {
    const target = resolveTarget(pack, { service: 'asr-realtime' })
    const url = new URL(target.url)
    url.search = '?engine_model_type=16k_zh&expired=1592380492&filter_dirty=1&filter_modal=1&filter_punc=1&needvad=1&nonce=1592294092123&timestamp=1592294092&voice_format=1&voice_id=RnKu9FODFHK5FPpsrN'
    const r = signRequest(pack, target, { url }, { appId: '1259228442', secretId: 'AKIDoQq1zhZMN8dv0psmvud6OUKuGPO7pu0r', secretKey: 'kFpwoX5RYQ2SkqpeHgqmSzHK7h3A2fni' }, 1592294092_000)
    expect(r.signature).toBe('HepdTRX6u155qIPKNKC+3U0j1N0=')
    expect(new URL(r.request.url).pathname).toBe('/asr/v2/1259228442')
  })
  it('asr-realtime: expired is timestamp + 86400 and the nonce a 9-digit integer when the URL has none', () => {
    const target = resolveTarget(pack, { service: 'asr-realtime' })
    const r = signRequest(pack, target, { url: target.url }, { appId: '1259228442', secretId: 'AKID', secretKey: 'k' }, 1592294092_000)
    const q = new URL(r.request.url).searchParams
    expect(q.get('expired')).toBe('1592380492')
    expect(q.get('nonce')).toMatch(/^[1-9]\d{8}$/)
  })
  // The doc's worked example, as a user's code would send it: the signature URL-encoded, or with its "+" left raw.
  const docUrl = (signature: string) => `wss://asr.cloud.tencent.com/asr/v2/1259228442?engine_model_type=16k_zh&expired=1592380492&filter_dirty=1&filter_modal=1&filter_punc=1&needvad=1&nonce=1592294092123&secretid=AKIDoQq1zhZMN8dv0psmvud6OUKuGPO7pu0r&timestamp=1592294092&voice_format=1&voice_id=RnKu9FODFHK5FPpsrN&signature=${signature}`
  const verifyDoc = (signature: string) => verifyRequest({ pack, target: resolveTarget(pack, { service: 'asr-realtime' }), request: { url: docUrl(signature) }, credentials: { appId: '1259228442', secretKey: 'kFpwoX5RYQ2SkqpeHgqmSzHK7h3A2fni' } })
  it('asr-realtime: sign --verify accepts the doc example with the signature URL-encoded', () => {
    const r = verifyDoc(encodeURIComponent('HepdTRX6u155qIPKNKC+3U0j1N0='))
    expect([r.ok, r.mistakes]).toEqual([true, []])
  })
  it('asr-realtime: a signature with its "+" left raw is named as unencoded, since Tencent reads it as a space', () => {
    const r = verifyDoc('HepdTRX6u155qIPKNKC+3U0j1N0=')
    expect([r.ok, r.reason, r.mistakes.map((m) => m.kind)]).toEqual([false, 'signature-mismatch', ['unencoded-plus']])
    expect(r.mistakes[0]!.description).toBe('query parameter signature holds a raw "+" (unencoded base64); the server reads it as a space. URL-encode the value (encodeURIComponent) before adding it to the URL.')
    expect(r.firstDifference).toEqual({ step: 'query signature', expected: 'HepdTRX6u155qIPKNKC+3U0j1N0=', actual: 'HepdTRX6u155qIPKNKC 3U0j1N0=', secret: false })
  })
  it('ASR signs with service asr and a default JSON content type', () => {
    const target = resolveTarget(pack, { service: 'asr' })
    const r = signRequest(pack, target, { method: 'POST', url: target.url, body: '{}' }, { secretId: 'AKID', secretKey: 'k' }, 1551113065_000)
    expect(r.steps.find((s) => s.name === 'scope')?.value).toBe('2019-02-25/asr/tc3_request')
    expect(r.request.headers['content-type']).toBe('application/json; charset=utf-8')
  })
})
