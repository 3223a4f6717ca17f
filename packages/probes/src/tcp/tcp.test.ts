// The tcp link: nothing listening on a loopback port.
import { describe, expect, it } from 'vitest'
import { deadlinesFor, type Exchange, type FindingInput, type ProbeContext } from '@apidx/core'
import { check, closedPort, codes, iatTarget } from '../../test/fixtures.js'
import tcp from './index.js'

/** The probe run on a made exchange: a SYN that is never answered cannot be produced on loopback. */
async function timedOut(port: number): Promise<FindingInput[]> {
  const found: FindingInput[] = []
  const ex = {
    protocol: 'websocket',
    address: { ip: '203.0.113.9', family: 4, port },
    timings: { total: 5000 },
    failure: { phase: 'tcp', kind: 'timeout', code: 'ETIMEDOUT', message: 'timeout' },
    upgraded: false,
    frames: [],
    signed: true,
  } as unknown as Exchange
  const ctx = {
    target: iatTarget('wss://iat-api.xfyun.cn/v2/iat'),
    credentials: { complete: true, missing: [] },
    signal: new AbortController().signal,
    clock: { now: () => 0 },
    deadlines: deadlinesFor(),
    exchange: async () => ex,
    report: (f: FindingInput) => void found.push(f),
    measure: () => {},
  } as unknown as ProbeContext
  await tcp.run(ctx)
  return found
}

describe('tcp probe', () => {
  it('a port where nothing listens is tcp/refused', async () => {
    const port = await closedPort()
    const result = await check(iatTarget(`ws://127.0.0.1:${port}/v2/iat`))
    expect(codes(result)).toEqual(['tcp/refused'])
    expect(result.findings[0]?.message).toBe(
      `Connection to 127.0.0.1:${port} was refused: nothing listens there.`,
    )
  })

  it('an unanswered connection to a port other than 80 and 443 names the firewall that lets only those out', async () => {
    const [f8443] = await timedOut(8443)
    expect(f8443).toMatchObject({
      code: 'tcp/timeout',
      message: 'No answer to the connection attempt to 203.0.113.9:8443 within 5000 ms.',
      fix: expect.stringMatching(/^Outbound port 8443 is often closed where only 80 and 443 may leave/),
    })
    const [f443] = await timedOut(443)
    expect(f443?.fix).toBe(
      'Check firewalls and proxies between this machine and the host (outbound port 443).',
    )
  })

  it('resolves through the injected resolver, then connects to the address it gave', async () => {
    const port = await closedPort()
    const result = await check(iatTarget(`ws://iat-api.xfyun.cn:${port}/v2/iat`), {
      resolver: async () => ({ address: '127.0.0.1', family: 4 }),
      allowInsecure: true,
    })
    expect(codes(result)).toEqual(['url/wrong-scheme', 'tcp/refused'])
    expect(result.findings[0]?.severity).toBe('warning')
  })
})

// Address families (issue 10): the host has an IPv6 and an IPv4 address; only IPv4 answers.
describe('tcp probe, address families', () => {
  it('an IPv6 address that fails while IPv4 works is a tcp/ipv6-unreachable warning, and the check goes on over IPv4', async () => {
    const { startFixture, iatFrame } = await import('../../test/fixtures.js')
    // The fixture listens on 127.0.0.1 only: ::1 on that port refuses (or is unreachable without IPv6).
    const fixture = await startFixture({ kind: 'frames', frames: [iatFrame()] })
    try {
      const url = fixture.url().replace('127.0.0.1', 'iat-api.xfyun.cn')
      const result = await check(iatTarget(url), {
        resolver: async () => [
          { address: '::1', family: 6 },
          { address: '127.0.0.1', family: 4 },
        ],
        allowInsecure: true,
      })
      // ws:// to a vendor host name (the fixture speaks plain WebSocket) is a scheme warning; nothing fails.
      expect(codes(result)).toEqual(['url/wrong-scheme', 'tcp/ipv6-unreachable'])
      expect(result.findings.filter((x) => x.severity === 'error')).toEqual([])
      const f = result.findings.find((x) => x.code === 'tcp/ipv6-unreachable')!
      expect(f.data).toMatchObject({ family: 6, failedAddress: '::1', workingAddress: '127.0.0.1' })
      expect(f.fix).toContain('--dns-result-order=ipv4first')
      expect(result.links.find((l) => l.id === 'tcp')?.status).toBe('warn')
    } finally {
      await fixture.close()
    }
  })
})
