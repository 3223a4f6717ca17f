// Fault-matrix rows that need a server the emulator is not: a second host behind a redirect (to prove
// no request reaches it), a closed port, a wrong scheme. The built CLI, --json, per row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closedPort, startFixture, type Fixture } from '../../packages/probes/test/fixtures.js'
import { apidx, CANARY, leaked, validateReport } from './harness.js'

let redirector: Fixture, other: Fixture, silent: Fixture
beforeAll(async () => {
  other = await startFixture({ kind: 'status', status: 401, body: '{"message":"Unauthorized"}' })
  redirector = await startFixture({
    kind: 'status',
    status: 302,
    headers: { location: `http://localhost:${other.port}/v2/iat` },
  })
  silent = await startFixture({ kind: 'never-answer' })
})
afterAll(async () => {
  await Promise.all([redirector.close(), other.close(), silent.close()])
})

describe('fault matrix on fixture servers (built CLI --json)', () => {
  it('302 to another host → http/redirect, and nothing reaches the other host', async () => {
    const r = await apidx(['check', '-p', 'iflytek', '-s', 'iat', '-e', redirector.url(), '--json'], CANARY)
    const report = JSON.parse(r.stdout)
    expect([r.code, report.rootCause.code]).toEqual([1, 'http/redirect'])
    expect(report.rootCause.data.locationHost).toBe(`localhost:${other.port}`)
    expect(other.seen).toHaveLength(0)
    expect(redirector.seen).toHaveLength(1)
    expect(leaked(r)).toEqual([])
  })

  it('nothing listening → tcp/refused', async () => {
    const r = await apidx(
      ['check', '-p', 'iflytek', '-s', 'iat', '-e', `ws://127.0.0.1:${await closedPort()}/v2/iat`, '--json'],
      CANARY,
    )
    expect(validateReport(JSON.parse(r.stdout))).toBe(true)
    expect([r.code, JSON.parse(r.stdout).rootCause.code]).toEqual([1, 'tcp/refused'])
  })

  it('https:// for a WebSocket service → url/wrong-scheme', async () => {
    const r = await apidx(
      [
        'check',
        '-p',
        'iflytek',
        '-s',
        'iat',
        '-e',
        `https://127.0.0.1:${await closedPort()}/v2/iat`,
        '--json',
      ],
      CANARY,
    )
    expect([r.code, JSON.parse(r.stdout).rootCause.code]).toEqual([1, 'url/wrong-scheme'])
  })

  it('accepts TCP, never answers the upgrade → ws/handshake-timeout within the deadline', async () => {
    const r = await apidx(
      ['check', '-p', 'iflytek', '-s', 'iat', '-e', silent.url(), '--timeout', '300', '--json'],
      CANARY,
    )
    expect([r.code, JSON.parse(r.stdout).rootCause.code]).toEqual([1, 'ws/handshake-timeout'])
    expect(JSON.parse(r.stdout).rootCause.data.deadlineMs).toBe(300)
  })
})
