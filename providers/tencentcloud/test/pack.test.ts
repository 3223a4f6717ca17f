// The tencentcloud pack: validates, and TC3 reproduces the signature doc's worked example.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { resolveTarget, signRequest, validatePackFile, type ProviderPack } from '@apidx/core'

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
  it('ASR signs with service asr and a default JSON content type', () => {
    const target = resolveTarget(pack, { service: 'asr' })
    const r = signRequest(pack, target, { method: 'POST', url: target.url, body: '{}' }, { secretId: 'AKID', secretKey: 'k' }, 1551113065_000)
    expect(r.steps.find((s) => s.name === 'scope')?.value).toBe('2019-02-25/asr/tc3_request')
    expect(r.request.headers['content-type']).toBe('application/json; charset=utf-8')
  })
})
