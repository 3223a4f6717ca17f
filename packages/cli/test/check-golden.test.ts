// Whole-CLI output of the README's one command, `apidx check --provider iflytek --mock`, as a user
// sees it without colour: the healthy chain, a mark and a time per link, the box, PASS. Times, the
// port and the session id vary and are normalised; everything else is exact.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url))

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: '/',
        env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', NO_COLOR: '1' },
        timeout: 20_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })
}

const normalise = (text: string) =>
  text
    .replace(/ +\d+(\.\d+)? (ms|s)\b/g, ' N ms')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/sid \S+/g, 'sid SID')
    .replace(/ +│$/gm, ' │')

const HEALTHY = `apidx check · iflytek iat v2 · wss://127.0.0.1:PORT/v2/iat (emulator: healthy)

  ✓ Endpoint
  ✓ DNS N ms
  ✓ TCP connect N ms
  ✓ TLS N ms
  ✓ WebSocket handshake N ms
  ✓ Clock
  ✓ Authentication
  ✓ Response format N ms
  ✓ Vendor status

╭─ Healthy ────────────────────────────────────────────────────────────────╮
│ Every link of the chain works. Total N ms. │
╰──────────────────────────────────────────────────────────────────────────╯

dns N ms · tcp N ms · tls N ms · handshake N ms · firstFrame N ms · total N ms · sid SID
PASS
`

describe('apidx check --provider iflytek --mock (golden)', () => {
  it('shows a healthy chain, offline, exit 0, nothing on stderr', async () => {
    const r = await run(['check', '--provider', 'iflytek', '--mock'])
    expect(normalise(r.stdout)).toBe(HEALTHY)
    expect([r.code, r.stderr]).toEqual([0, ''])
  })

  it('--mock clock-skew shows its diagnosis with the measured offset and the limit', async () => {
    const r = await run(['check', '--provider', 'iflytek', '--mock', 'clock-skew'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /│ Local clock is (599|600|601) s behind the server \(iFlytek allows 300 s\)\. +│/,
    )
    expect(r.stdout).toContain('  – Authentication                skipped: clock failed (clock/skew).')
    expect(r.stdout.trimEnd().endsWith('FAIL: clock/skew')).toBe(true)
  })
})
