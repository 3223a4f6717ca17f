// The report model: valid against schemas/report.schema.json, redacted, root cause first.
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import type { ProviderPack } from '../generated/index.js'
import { reportSchema } from '../generated/schemas.js'
import { resolveTarget } from '../pack/target.js'
import type { RunResult } from '../engine/run.js'
import { buildReport, maskSignedUrl } from './build.js'

const pack = JSON.parse(
  readFileSync(new URL('../../../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const target = resolveTarget(pack, {
  service: 'iat',
  endpoint: 'wss://127.0.0.1:9/v2/iat?authorization=abc&date=x&host=y',
})
const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(
  reportSchema as object,
)

const run: RunResult = {
  target,
  requestUrl: new URL('wss://127.0.0.1:9/v2/iat'),
  requestSecrets: ['SIGNATUREVALUE1234567890'],
  findings: [
    {
      code: 'auth/unknown-key',
      severity: 'error',
      probe: 'auth',
      message: 'key CANARY unknown',
      fix: 'set it',
      data: { alternatives: [{ code: 'auth/signature-mismatch', meaning: 'sig', fix: 'f' }] },
    },
    {
      code: 'url/unknown-endpoint',
      severity: 'warning',
      probe: 'version',
      message: 'w',
      fix: null,
      data: { bodyExcerpt: 'echo SIGNATUREVALUE1234567890' },
    },
  ],
  links: [
    { id: 'auth', title: 'Authentication', status: 'fail', ms: 0, codes: ['auth/unknown-key'], reason: null },
  ],
  exchange: {
    protocol: 'websocket',
    timings: { dns: 0, tcp: 1, total: 5 },
    upgraded: true,
    frames: [{ at: 1, binary: false, text: '{"sid":"iat1"}', size: 14 }],
    signed: true,
  },
  startedAt: '2026-11-25T00:00:00.000Z',
  durationMs: 7,
}

describe('buildReport', () => {
  const report = buildReport(run, { redact: (s) => s.replaceAll('CANARY', '***') })

  it('validates against the report schema', () => {
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
  })

  it('puts the first error first and ranks the alternatives after it', () => {
    expect(report.verdict).toBe('fail')
    expect(report.rootCause?.code).toBe('auth/unknown-key')
    expect(report.causes.map((c) => [c.rank, c.code, c.likelihood])).toEqual([
      [1, 'auth/unknown-key', 'observed'],
      [2, 'auth/signature-mismatch', 'likely'],
    ])
  })

  it('redacts every string and masks the signed query', () => {
    expect(JSON.stringify(report)).not.toContain('CANARY')
    expect(JSON.stringify(report)).not.toContain('SIGNATUREVALUE')
    expect(report.endpoint).toBe('wss://127.0.0.1:9/v2/iat?authorization=***&date=***&host=***')
  })

  it("takes the session id from an HTTP answer's body where the pack says (Baidu sn, Tencent RequestId)", () => {
    const rest = {
      ...target,
      version: {
        ...target.version,
        protocol: 'http' as const,
        session: { idFrom: 'server' as const, pointer: '/Response/RequestId' },
      },
    }
    const exchange = {
      protocol: 'http' as const,
      timings: { total: 5 },
      frames: [],
      signed: true,
      response: { status: 200, headers: {}, body: '{"Response":{"RequestId":"req-9"}}' },
    }
    expect(
      buildReport({ ...run, target: rest, exchange } as unknown as RunResult, { redact: (t) => t }).session
        .id,
    ).toBe('req-9')
  })

  it('takes the session id from the frames where the pack says', () => {
    expect(report.session.id).toBe('iat1')
    expect(report.timings).toEqual({ dns: 0, tcp: 1, total: 5 })
  })

  it('rounds timings to 0.1 ms (no 4.800000000000001 in JSON)', () => {
    const noisy = {
      ...run,
      exchange: {
        ...run.exchange!,
        timings: { dns: 0.30000000000000004, handshake: 4.800000000000001, total: 12.349999 },
      },
    }
    expect(buildReport(noisy, { redact: (s) => s }).timings).toEqual({
      dns: 0.3,
      handshake: 4.8,
      total: 12.3,
    })
  })

  it('masks only the placed parameters', () => {
    expect(maskSignedUrl(new URL('wss://h/p?a=1&authorization=2'), ['authorization'])).toBe(
      'wss://h/p?a=1&authorization=***',
    )
  })
})
