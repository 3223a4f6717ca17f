// The packs, probes and replies the built-in probes' ProbeTester suites share.
import { fileURLToPath } from 'node:url'
import { builtinProbes } from '@apidx/probes'

export const iflytek = fileURLToPath(new URL('../../../providers/iflytek/pack.json', import.meta.url))
export const tencent = fileURLToPath(new URL('../../../providers/tencentcloud/pack.json', import.meta.url))
export const aws = fileURLToPath(new URL('../../../providers/aws/pack.json', import.meta.url))
export const openai = fileURLToPath(new URL('../../../providers/openai/pack.json', import.meta.url))
// OpenAI's answer when the organisation's credit is used up (providers/openai/pack.json, sourced there).
export const insufficientQuota = JSON.stringify({
  error: {
    message: 'You exceeded your current quota, please check your plan and billing details.',
    type: 'insufficient_quota',
    param: null,
    code: 'insufficient_quota',
  },
})
export const quotaCase = (service: string) => ({
  name: 'an exhausted plan answered 429 is quota, not a rate limit',
  pack: openai,
  service,
  reply: { kind: 'status' as const, status: 429, body: insufficientQuota },
  tls: 'good' as const,
  findings: [{ code: 'quota/exhausted' }],
})
export const probe = (id: string) => builtinProbes.find((p) => p.meta.id === id)!
export const iatFrame = JSON.stringify({
  code: 0,
  message: 'success',
  sid: 'iat000001@dx',
  data: { status: 2, result: { sn: 1, ls: true, ws: [] } },
})
export const DAY = 86_400_000
