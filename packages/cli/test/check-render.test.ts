// Rendering of check reports: pure functions, plain text when colour is off, every format escapes.
import { describe, expect, it } from 'vitest'
import type { CheckReport } from '@apidx/core'
import { renderCheck } from '../src/render/check.js'
import { renderCheckHtml, renderCheckJunit, renderCheckMarkdown } from '../src/render/check-formats.js'

const failing: CheckReport = {
  schemaVersion: '1',
  provider: 'iflytek',
  packVersion: '1.0.0',
  service: 'iat',
  version: 'v2',
  endpoint: 'wss://127.0.0.1:9/v2/iat',
  protocol: 'websocket',
  mock: 'wrong-secret',
  verdict: 'fail',
  rootCause: {
    code: 'auth/signature-mismatch',
    severity: 'error',
    probe: 'auth',
    message: 'The server answered 401 "<HMAC signature does not match>".',
    fix: 'Check APIKey & APISecret.',
    data: { status: 401 },
  },
  causes: [
    {
      rank: 1,
      code: 'auth/signature-mismatch',
      likelihood: 'observed',
      message: 'The server answered 401.',
      fix: 'Check APIKey & APISecret.',
    },
    { rank: 2, code: 'clock/skew', likelihood: 'possible', message: 'clock', fix: null },
  ],
  findings: [
    {
      code: 'auth/signature-mismatch',
      severity: 'error',
      probe: 'auth',
      message: 'The server answered 401 "<HMAC signature does not match>".',
      fix: 'Check APIKey & APISecret.',
      data: { status: 401 },
    },
  ],
  chain: [
    { id: 'dns', title: 'DNS', status: 'ok', ms: 0, codes: [], reason: null },
    {
      id: 'auth',
      title: 'Authentication',
      status: 'fail',
      ms: 0,
      codes: ['auth/signature-mismatch'],
      reason: null,
    },
    {
      id: 'response',
      title: 'Response format',
      status: 'skip',
      ms: null,
      codes: [],
      reason: 'Not run: auth failed (auth/signature-mismatch).',
    },
  ],
  timings: { dns: 0, tcp: 1.2, handshake: 4, total: 9 },
  session: { id: null },
  startedAt: '2026-11-25T00:00:00.000Z',
  durationMs: 12,
}
const healthy: CheckReport = {
  ...failing,
  verdict: 'pass',
  rootCause: null,
  causes: [],
  findings: [],
  mock: 'healthy',
  chain: failing.chain.map((l) => ({ ...l, status: 'ok', codes: [], reason: null, ms: 1 })),
  session: { id: 'iat0001@dx' },
}

describe('renderCheck (terminal)', () => {
  it('shows a mark and a time per link, the root cause and fix in a box, and no ANSI codes when colour is off', () => {
    const text = renderCheck(failing, false)
    expect(text).not.toMatch(/\u001B\[/)
    expect(text).toContain('  ✓ DNS                 0 ms')
    expect(text).toContain('  ✗ Authentication      0 ms  auth/signature-mismatch')
    expect(text).toContain('  – Response format           skipped: auth failed (auth/signature-mismatch).')
    expect(text).toContain('╭─ Root cause: auth/signature-mismatch')
    expect(text).toContain('│ Fix: Check APIKey & APISecret.')
    expect(text).toContain('2. clock/skew (possible): clock')
    expect(text.trimEnd().endsWith('FAIL: auth/signature-mismatch')).toBe(true)
  })

  it('colours marks when colour is on', () => {
    expect(renderCheck(failing, true)).toMatch(/\u001B\[31m✗/)
  })

  it('a healthy report says so with the session id', () => {
    const text = renderCheck(healthy, false)
    expect(text).toContain('╭─ Healthy')
    expect(text).toContain('sid iat0001@dx')
    expect(text.trimEnd().endsWith('PASS')).toBe(true)
  })
})

describe('the summary line', () => {
  it('names HTTP phases response and body, not handshake and firstFrame', () => {
    const http = {
      ...healthy,
      protocol: 'http' as const,
      timings: { dns: 1, tcp: 2, handshake: 30, firstFrame: 4, total: 40 },
    }
    expect(renderCheck(http, false)).toContain(
      'dns 1 ms · tcp 2 ms · response 30 ms · body 4 ms · total 40 ms',
    )
    expect(renderCheck({ ...http, protocol: 'websocket' }, false)).toContain(
      'handshake 30 ms · firstFrame 4 ms',
    )
  })
})

describe('other formats', () => {
  it('markdown has the chain table and escapes', () => {
    const md = renderCheckMarkdown(failing)
    expect(md).toContain('| Authentication | ❌ fail | 0 ms | `auth/signature-mismatch` |')
    expect(md).toContain('### Root cause: `auth/signature-mismatch`')
    expect(md).toContain('\\<HMAC signature does not match\\>')
  })

  it('junit has a test case per link, a failure and a skip', () => {
    const xml = renderCheckJunit(failing)
    expect(xml).toContain('tests="3" failures="1" skipped="1"')
    expect(xml).toContain(
      '<failure type="auth/signature-mismatch" message="The server answered 401 &quot;&lt;HMAC signature does not match&gt;&quot;.">',
    )
    expect(xml).toContain('<skipped message="Not run: auth failed (auth/signature-mismatch)."/>')
  })

  it('html is self-contained and escaped', () => {
    const html = renderCheckHtml(failing)
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;HMAC signature does not match&gt;')
    expect(html).toContain('Root cause: <code>auth/signature-mismatch</code>')
  })
})
