// The fault matrix through the emulator, as a user runs it: `apidx check --provider iflytek --mock
// <scenario> --json` on the built CLI, one CLI process per scenario, concurrently. The rows are the
// emulator's own scenario list (each names the root cause a correct diagnosis gives), plus the
// per-service rows (Spark 10110, the legacy rtasr frame under rtasr_llm). Canary secrets are set in
// the environment of every run and must appear in no output.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { demoCredentials, scenarios } from '@apidx/mock'
import type { ProviderPack } from '@apidx/core'
import { apidx, CANARY, leaked, validateReport } from './harness.js'

// The emulator signs with demo credentials: those must not show either (raw or base64).
const pack = JSON.parse(
  readFileSync(new URL('../../providers/iflytek/pack.json', import.meta.url), 'utf8'),
) as ProviderPack
const demo = demoCredentials(pack)
const demoSecrets = ['apiKey', 'apiSecret'].flatMap((k) => [
  demo[k]!,
  Buffer.from(demo[k]!).toString('base64'),
])

interface Row {
  scenario: string
  service: string
  version?: string
  expect: string | null
  check?: (report: Record<string, any>) => void
}

const rows: Row[] = [
  ...scenarios
    .filter((s) => s.id !== 'legacy-format')
    .map((s) => ({ scenario: s.id, service: 'iat', expect: s.expect })),
  {
    scenario: 'vendor-error:10165',
    service: 'iat',
    expect: 'vendor/error',
    check: (r) => expect(r.rootCause.data).toMatchObject({ vendorCode: '10165', service: 'iat' }),
  },
  {
    scenario: 'vendor-error:10110',
    service: 'spark',
    version: 'v4.0',
    expect: 'vendor/error',
    check: (r) =>
      expect(r.rootCause.data).toMatchObject({
        vendorCode: '10110',
        service: 'spark',
        meaning: 'Service busy, try again later.',
      }),
  },
  { scenario: 'legacy-format', service: 'rtasr_llm', expect: 'response/legacy-format' },
  { scenario: 'healthy', service: 'spark', version: 'v4.0', expect: null },
]

const extra: Record<string, (report: Record<string, any>) => void> = {
  'wrong-path': (r) => expect(r.rootCause.fix).toContain('/v2/iat'),
  'clock-skew': (r) => expect(Math.abs(r.rootCause.data.offsetSeconds + 600)).toBeLessThanOrEqual(5),
  'closed-early': (r) => expect(r.rootCause.data.closeCode).toBe(1011),
  // Within the deadline: the handshake phase gave up at --timeout, the whole connection soon after.
  'handshake-timeout': (r) => {
    expect(r.rootCause.data.deadlineMs).toBe(600)
    expect(r.timings.total).toBeLessThan(600 + 1000)
  },
  'no-response': (r) => expect(r.rootCause.data.deadlineMs).toBe(900),
  'missing-credentials': (r) => expect(r.rootCause.data.variables).toContain('IFLYTEK_API_SECRET'),
  redirect: (r) => expect(r.rootCause.message).toContain('no credential went there'),
  healthy: (r) => expect(r.chain.every((l: { status: string }) => l.status === 'ok')).toBe(true),
}

describe.concurrent('fault matrix through the emulator (built CLI, --mock, --json)', () => {
  for (const row of rows) {
    it(`${row.service}${row.version ? ` ${row.version}` : ''} --mock ${row.scenario} → ${row.expect ?? 'pass'}`, async () => {
      const args = [
        'check',
        '-p',
        'iflytek',
        '-s',
        row.service,
        ...(row.version ? ['--version', row.version] : []),
        '--mock',
        row.scenario,
        '--timeout',
        '600',
        '--json',
      ]
      const r = await apidx(args, CANARY)
      const report = JSON.parse(r.stdout)
      expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true)
      expect({ exit: r.code, root: report.rootCause?.code ?? null }).toEqual({
        exit: row.expect ? 1 : 0,
        root: row.expect,
      })
      expect(leaked(r)).toEqual([])
      expect(demoSecrets.filter((d) => r.stdout.includes(d) || r.stderr.includes(d))).toEqual([])
      expect(r.stderr).toBe('')
      row.check?.(report)
      if (row.service === 'iat' && !row.version) extra[row.scenario]?.(report)
    })
  }
})
