// apidx behind a real forward proxy (the `proxy` npm package on loopback) in front of the emulator:
// healthy through it, 407 without credentials and healthy with them, a dead proxy named as the proxy,
// NO_PROXY bypassing it, its password in no output, and the fault matrix diagnosed as a direct check does.
import dns from 'node:dns'
import net from 'node:net'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildReport, createRegistry, runChecks, type ProviderPack, type ProxyChoice } from '@apidx/core'
import { builtinProbes } from '@apidx/probes'
import { scenarios, startSession, UNRESOLVABLE_HOST } from '@apidx/mock'
import { startProxy, type TestProxy } from '@apidx/testing'

const pack = JSON.parse(readFileSync(new URL('./iflytek/pack.json', import.meta.url), 'utf8')) as ProviderPack
const registry = createRegistry(builtinProbes)
const PASSWORD = 'pr0xy-S3cret!'

async function check(scenario: string, proxy: ProxyChoice | undefined) {
  const session = await startSession({ pack, service: 'iat', scenario })
  try {
    const run = await runChecks({
      target: session.target,
      registry,
      credentials: session.credentials,
      timeoutMs: 400,
      ...session.options,
      ...(proxy ? { proxy } : {}),
    })
    return { report: buildReport(run, { redact: (t) => t, mock: scenario }), expect: session.expect }
  } finally {
    await session.close()
  }
}

/** A loopback port nothing listens on. */
async function deadPort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as net.AddressInfo).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

let proxy: TestProxy | undefined
afterEach(async () => {
  await proxy?.close()
  proxy = undefined
  vi.restoreAllMocks()
})

describe('a check through a proxy', () => {
  it('is healthy through the proxy, which shows as its own link with its address and connect time', async () => {
    proxy = await startProxy()
    const { report } = await check('healthy', { url: proxy.url })
    expect(report.rootCause).toBeNull()
    expect(proxy.connects).toHaveLength(1)
    const link = report.chain.find((l) => l.id === 'proxy')
    expect(link).toMatchObject({ status: 'ok' })
    expect(typeof link?.ms).toBe('number')
    expect(report.chain.map((l) => l.id).slice(0, 3)).toEqual(['version', 'proxy', 'dns'])
  })

  it('reads HTTPS_PROXY from the environment (wss:// goes through https_proxy)', async () => {
    proxy = await startProxy()
    const { report } = await check('healthy', { env: { HTTPS_PROXY: proxy.url } })
    expect(report.rootCause).toBeNull()
    expect(proxy.connects).toHaveLength(1)
  })

  it('NO_PROXY naming the host bypasses the proxy', async () => {
    proxy = await startProxy()
    const { report } = await check('healthy', {
      env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,127.0.0.1' },
    })
    expect(report.rootCause).toBeNull()
    expect(proxy.connects).toEqual([])
    expect(report.chain.map((l) => l.id)).not.toContain('proxy')
  })

  it('--no-proxy wins over the environment', async () => {
    proxy = await startProxy()
    await check('healthy', { disabled: true, env: { HTTPS_PROXY: proxy.url } })
    expect(proxy.connects).toEqual([])
  })

  it('407 without credentials is proxy/auth-required; with them in the URL it is healthy, and the password is in no output', async () => {
    proxy = await startProxy({ credentials: { user: 'dev', password: PASSWORD } })
    const without = await check('healthy', { url: proxy.url })
    expect(without.report.rootCause?.code).toBe('proxy/auth-required')
    expect(without.report.rootCause?.fix).toContain('USER:PASSWORD@')
    expect(without.report.chain.find((l) => l.id === 'dns')?.status).toBe('skip')

    const url = `http://dev:${encodeURIComponent(PASSWORD)}@127.0.0.1:${proxy.port}`
    const withCreds = await check('healthy', { url })
    expect(withCreds.report.rootCause).toBeNull()

    const wrong = await check('healthy', { url: `http://dev:nope-${PASSWORD}@127.0.0.1:${proxy.port}` })
    expect(wrong.report.rootCause?.code).toBe('proxy/auth-required')
    expect(wrong.report.rootCause?.message).toContain('rejected the user and password')
    expect(wrong.report.rootCause?.data).toMatchObject({ proxy: `http://dev:***@127.0.0.1:${proxy.port}` })

    for (const r of [without, withCreds, wrong]) {
      const text = JSON.stringify(r.report)
      for (const secret of [
        PASSWORD,
        encodeURIComponent(PASSWORD),
        Buffer.from(`dev:${PASSWORD}`).toString('base64'),
      ])
        expect(text).not.toContain(secret)
    }
  })

  it('a dead proxy is diagnosed as the proxy, not the vendor', async () => {
    const port = await deadPort()
    const { report } = await check('healthy', { url: `http://127.0.0.1:${port}` })
    expect(report.rootCause?.code).toBe('proxy/refused')
    expect(report.rootCause?.data).toMatchObject({ address: `127.0.0.1:${port}`, source: '--proxy' })
    expect(report.chain.filter((l) => l.status === 'fail').map((l) => l.id)).toEqual(['proxy'])
  })

  // Every emulator scenario, direct and through the proxy: the same root cause. The one exception is
  // `refused`: this proxy answers a refused CONNECT with a bare 500 that does not say why, so apidx can
  // only name the proxy's answer (proxy/connect-rejected); squid and tinyproxy say why and map to tcp/refused.
  it('the fault matrix through the proxy gives the diagnosis a direct check gives', async () => {
    proxy = await startProxy()
    // The proxy resolves names itself: its lookup of the emulator's unresolvable name answers NXDOMAIN
    // here, so no query leaves the machine.
    const realLookup = dns.lookup
    vi.spyOn(dns, 'lookup').mockImplementation(((host: string, ...rest: unknown[]) => {
      const cb = rest[rest.length - 1] as (err: Error | null) => void
      if (host === UNRESOLVABLE_HOST) return cb(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }))
      return (realLookup as (...a: unknown[]) => void)(host, ...rest)
    }) as typeof dns.lookup)
    const wrong: string[] = []
    for (const s of scenarios) {
      let direct, through
      try {
        direct = await check(s.id, undefined)
        through = await check(s.id, { url: proxy.url })
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_USAGE') continue
        throw err
      }
      const want = s.id === 'refused' ? 'proxy/connect-rejected' : (direct.report.rootCause?.code ?? null)
      const got = through.report.rootCause?.code ?? null
      if (got !== want) wrong.push(`${s.id}: direct ${want}, through the proxy ${got}`)
    }
    expect(wrong).toEqual([])
  }, 60_000)
})
