// The library's check and checkAll (the `apidx` package root), against the emulator in-process:
// verdicts and root causes, the order and summary of a fleet, the concurrency bound, credential
// precedence, and errors that speak of options rather than flags.
import { describe, expect, it } from 'vitest'
import { loadPack } from '@apidx/core'
import { startMock } from '@apidx/mock'
import { check, checkAll, type FleetTarget } from '../src/index.js'
import { packOptions } from '../src/packs.js'

const canary = {
  IFLYTEK_APP_ID: 'canaryap',
  IFLYTEK_API_KEY: 'CANARYKEY0123456789abcdef0123456',
  IFLYTEK_API_SECRET: 'CANARYSECRETabcdef0123456789abcd',
}

describe('check', () => {
  it('passes against a healthy emulator and names clock/skew against a skewed one', async () => {
    const healthy = await check({ provider: 'iflytek', service: 'iat', mock: true })
    expect([healthy.verdict, healthy.rootCause, healthy.mock]).toEqual(['pass', null, 'healthy'])
    const skewed = await check({ provider: 'iflytek', service: 'iat', mock: 'clock-skew' })
    expect([skewed.verdict, skewed.rootCause?.code]).toEqual(['fail', 'clock/skew'])
  })

  it("reads the pack's environment variables, and options.credentials win over them", async () => {
    const { pack } = await loadPack('iflytek', packOptions())
    const server = await startMock({
      pack,
      service: 'iat',
      tls: false,
      credentials: {
        appId: canary.IFLYTEK_APP_ID,
        apiKey: canary.IFLYTEK_API_KEY,
        apiSecret: canary.IFLYTEK_API_SECRET,
      },
    })
    try {
      const base = { provider: 'iflytek', service: 'iat', endpoint: server.url, env: canary }
      const fromEnv = await check(base)
      expect(fromEnv.verdict).toBe('pass')
      const overridden = await check({
        ...base,
        credentials: { apiSecret: 'WRONGSECRETabcdef0123456789abcde' },
      })
      expect(overridden.rootCause?.code).toBe('auth/signature-mismatch')
      expect(JSON.stringify(overridden)).not.toContain('WRONGSECRET')
    } finally {
      await server.close()
    }
  })

  it('rejects mock with endpoint in terms of options, not flags', async () => {
    const err = await check({ provider: 'iflytek', mock: true, endpoint: 'wss://x.example/v2/iat' }).catch(
      (e) => e,
    )
    expect(err.code).toBe('ERR_USAGE')
    expect(err.message).toContain('mock and endpoint options')
    expect(err.message).not.toContain('--')
  })
})

describe('checkAll', () => {
  it('keeps the targets order, summarises the worst verdict and never exceeds the concurrency', async () => {
    const targets: FleetTarget[] = [
      { provider: 'iflytek', service: 'iat', mock: true, name: 'dictation' },
      { provider: 'iflytek', service: 'tts', mock: 'clock-skew' },
      { provider: 'iflytek', service: 'iat', mock: 'wrong-secret', name: 'bad-secret' },
    ]
    let inFlight = 0
    let most = 0
    // A target is in flight from its first progress event until its report is handed back.
    const counted = targets.map((t) => {
      let started = false
      return {
        ...t,
        onProgress: () => {
          if (!started) most = Math.max(most, ++inFlight)
          started = true
        },
      }
    })
    const fleet = await checkAll(counted, {
      concurrency: 2,
      onReport: () => inFlight--,
    })
    expect(fleet.reports.map((r) => [r.service, r.rootCause?.code ?? null])).toEqual([
      ['iat', null],
      ['tts', 'clock/skew'],
      ['iat', 'auth/signature-mismatch'],
    ])
    expect(fleet.summary).toMatchObject({ verdict: 'fail', total: 3, passed: 1, failed: 2 })
    expect(fleet.summary.targets.map((t) => t.name)).toEqual(['dictation', 'iflytek/tts/v2', 'bad-secret'])
    expect(most).toBe(2)
  })
})
