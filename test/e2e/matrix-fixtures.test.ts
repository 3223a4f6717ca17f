// The fault matrix on loopback fixture servers, through the built CLI (`apidx check --json`): one
// row per fault, the exit code and rootCause.code asserted, canary secrets absent. CLI processes run
// concurrently; deadlines are short via --timeout. The emulator suite (matrix-mock) runs the same
// faults through `--mock <scenario>`.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  certificate,
  startFixture,
  type Fixture,
  type Mode,
  type TlsCert,
} from '../../packages/probes/test/fixtures.js'
import { apidx, CANARY, leaked, validateReport, type CliResult } from './harness.js'

const iat = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    code: 0,
    message: 'success',
    sid: 'iat00000001@dx',
    data: { status: 2, result: { sn: 1, ls: true, ws: [] } },
    ...extra,
  })
const body = (message: string) => JSON.stringify({ message })
const ahead = (s: number) => new Date(Date.now() + s * 1000).toUTCString()

interface Row {
  name: string
  mode: Mode
  tls?: 'good' | 'expired' | 'other'
  /** Trust the test CA (NODE_EXTRA_CA_CERTS). */
  trust?: boolean
  scheme?: string
  path?: string
  service?: string
  env?: Record<string, string>
  expect: { code: 0 | 1; root: string | null }
  also?: (r: CliResult, report: Record<string, any>) => void
}

const rows: Row[] = [
  {
    name: 'healthy iat v2 session',
    mode: { kind: 'frames', frames: [iat()] },
    tls: 'good',
    trust: true,
    expect: { code: 0, root: null },
    also: (_, rep) => expect(rep.verdict).toBe('pass'),
  },
  {
    name: 'path without /v2 (404)',
    mode: { kind: 'status', status: 404, body: body('no Route matched with those values') },
    path: '/iat',
    expect: { code: 1, root: 'url/not-found' },
    also: (_, rep) => expect(rep.rootCause.fix).toContain('/v2/iat'),
  },
  {
    name: 'ws:// to a wss-only endpoint',
    mode: { kind: 'frames', frames: [iat()] },
    tls: 'good',
    scheme: 'ws',
    expect: { code: 1, root: 'url/wrong-scheme' },
  },
  {
    name: 'wrong API secret (401 HMAC signature does not match)',
    mode: { kind: 'status', status: 401, body: body('HMAC signature does not match') },
    expect: { code: 1, root: 'auth/signature-mismatch' },
  },
  {
    name: 'unknown API key (401 fail to retrieve credential)',
    mode: {
      kind: 'status',
      status: 401,
      body: body('HMAC signature cannot be verified: fail to retrieve credential'),
    },
    expect: { code: 1, root: 'auth/unknown-key' },
    also: (_, rep) => expect(rep.causes[1].code).toBe('auth/signature-mismatch'),
  },
  {
    name: 'server clock 10 min ahead (403 date message)',
    mode: {
      kind: 'status',
      status: 403,
      body: body(
        'HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication',
      ),
      headers: { date: ahead(600) },
    },
    expect: { code: 1, root: 'clock/skew' },
    also: (_, rep) => expect(Math.abs(rep.rootCause.data.offsetSeconds + 600)).toBeLessThanOrEqual(15),
  },
  {
    name: 'IP not whitelisted (403)',
    mode: { kind: 'status', status: 403, body: body('Your IP address is not allowed') },
    expect: { code: 1, root: 'auth/ip-not-allowed' },
  },
  {
    name: 'iat error frame 10165',
    mode: {
      kind: 'frames',
      frames: [JSON.stringify({ code: 10165, message: 'invalid handle', sid: 'iat0002@dx' })],
    },
    expect: { code: 1, root: 'vendor/error' },
    also: (_, rep) => expect(rep.rootCause.data).toMatchObject({ vendorCode: '10165', service: 'iat' }),
  },
  {
    name: 'Spark error frame 10110',
    service: 'spark',
    path: '/v4.0/chat',
    mode: {
      kind: 'frames',
      frames: [JSON.stringify({ header: { code: 10110, message: 'busy', sid: 'cht0001', status: 2 } })],
    },
    expect: { code: 1, root: 'vendor/error' },
    also: (_, rep) =>
      expect(rep.rootCause.data).toMatchObject({
        vendorCode: '10110',
        service: 'spark',
        meaning: 'Service busy, try again later.',
      }),
  },
  {
    name: 'legacy rtasr frame where the LLM version is configured',
    service: 'rtasr_llm',
    path: '/ast/communicate/v1',
    mode: {
      kind: 'frames',
      frames: [JSON.stringify({ action: 'started', code: '0', data: '', desc: 'success', sid: 'rta0001' })],
    },
    expect: { code: 1, root: 'response/legacy-format' },
  },
  {
    name: 'frame that is not JSON',
    mode: { kind: 'frames', frames: ['<html>gateway</html>'] },
    expect: { code: 1, root: 'response/not-json' },
  },
  {
    name: 'frame missing required fields',
    mode: { kind: 'frames', frames: [JSON.stringify({ code: 0, data: { status: 2 } })] },
    expect: { code: 1, root: 'response/schema-mismatch' },
  },
  {
    name: 'accepts TCP, never answers the upgrade',
    mode: { kind: 'never-answer' },
    expect: { code: 1, root: 'ws/handshake-timeout' },
  },
  {
    name: 'upgrades, then never sends a frame',
    mode: { kind: 'upgrade-then-silent' },
    expect: { code: 1, root: 'ws/no-response' },
  },
  {
    name: 'upgrades, then closes 1011',
    mode: { kind: 'frames', frames: [], close: { code: 1011, reason: 'internal error' } },
    expect: { code: 1, root: 'ws/closed-early' },
    also: (_, rep) =>
      expect(rep.rootCause.data).toMatchObject({ closeCode: 1011, closeReason: 'internal error' }),
  },
  {
    name: 'self-signed certificate',
    mode: { kind: 'frames', frames: [iat()] },
    tls: 'good',
    expect: { code: 1, root: 'tls/untrusted-certificate' },
  },
  {
    name: 'expired certificate',
    mode: { kind: 'frames', frames: [iat()] },
    tls: 'expired',
    trust: true,
    expect: { code: 1, root: 'tls/expired-certificate' },
  },
  {
    name: 'wrong-host certificate',
    mode: { kind: 'frames', frames: [iat()] },
    tls: 'other',
    trust: true,
    expect: { code: 1, root: 'tls/hostname-mismatch' },
  },
  {
    name: 'missing credentials',
    mode: { kind: 'status', status: 401, body: body('Unauthorized') },
    env: {},
    expect: { code: 1, root: 'auth/missing-credentials' },
    also: (r) => expect(JSON.parse(r.stdout).rootCause.message).toContain('IFLYTEK_API_KEY'),
  },
]

let certs: Record<'good' | 'expired' | 'other', TlsCert>
let caFile: Record<string, string>
const fixtures: Fixture[] = []
beforeAll(async () => {
  const [good, expired, other] = await Promise.all([
    certificate(),
    certificate(['localhost', '127.0.0.1'], true),
    certificate(['other.example']),
  ])
  certs = { good: good!, expired: expired!, other: other! }
  const dir = mkdtempSync(path.join(tmpdir(), 'apidx-e2e-'))
  caFile = Object.fromEntries(
    Object.entries(certs).map(([k, c]) => {
      const f = path.join(dir, `${k}.pem`)
      writeFileSync(f, c.cert)
      return [k, f]
    }),
  )
}, 30_000)
afterAll(async () => {
  await Promise.all(fixtures.map((f) => f.close()))
})

describe.concurrent('fault matrix on fixture servers (built CLI --json)', () => {
  for (const row of rows) {
    it(`${row.name} → ${row.expect.root ?? 'pass'}`, async () => {
      const fixture = await startFixture(row.mode, row.tls ? certs[row.tls] : undefined)
      fixtures.push(fixture)
      const env = {
        ...(row.env ?? CANARY),
        ...(row.trust && row.tls ? { NODE_EXTRA_CA_CERTS: caFile[row.tls]! } : {}),
      }
      const endpoint = fixture.url(row.path ?? '/v2/iat', row.scheme ?? (row.tls ? 'wss' : 'ws'))
      const r = await apidx(
        ['check', '-p', 'iflytek', '-s', row.service ?? 'iat', '-e', endpoint, '--timeout', '400', '--json'],
        env,
      )
      const report = JSON.parse(r.stdout)
      expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true)
      expect({ exit: r.code, root: report.rootCause?.code ?? null }).toEqual({
        exit: row.expect.code,
        root: row.expect.root,
      })
      expect(leaked(r)).toEqual([])
      row.also?.(r, report)
    })
  }
})
