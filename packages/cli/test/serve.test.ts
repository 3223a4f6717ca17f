// `apidx serve` in-process against emulated vendors: the exposition of a healthy and a faulty module,
// the query that tries to name an endpoint refused, the scrape timeout honoured, probes bounded, and
// no credential in metrics, debug reports or logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckReport } from '@apidx/core'
import { check } from '../src/api/check.js'
import { loadServeConfig } from '../src/serve/config.js'
import { startExporter, type Exporter } from '../src/serve/server.js'
import { CANARY, startExporterFixture, type ExporterFixture } from './exporter-fixture.js'

let fixture: ExporterFixture
let exporter: Exporter
const logs: string[] = []

beforeAll(async () => {
  fixture = await startExporterFixture()
  const config = await loadServeConfig(fixture.configFile, fixture.env)
  exporter = await startExporter({ config, host: '127.0.0.1', port: 0, check, log: (l) => logs.push(l) })
})
afterAll(async () => {
  await exporter?.close()
  await fixture?.close()
})

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${exporter.url}${path}`, { headers })
  return { status: res.status, text: await res.text() }
}
const sample = (text: string, name: string) =>
  text.split('\n').find((l) => l.startsWith(name) && !l.startsWith('#'))

describe('apidx serve /probe', () => {
  it('answers probe_success 1 and the phase durations for a healthy module', async () => {
    const { status, text } = await get('/probe?module=healthy')
    expect(status).toBe(200)
    expect(sample(text, 'probe_success')).toBe('probe_success 1')
    expect(text).toMatch(/^apidx_phase_duration_seconds\{phase="handshake"\} [0-9.e-]+$/m)
    expect(text).not.toMatch(/^apidx_root_cause_info\{/m)
  })

  it('answers probe_success 0 with the root cause, the skew and no secret for a faulty module', async () => {
    const { text } = await get('/probe?module=skewed')
    expect(sample(text, 'probe_success')).toBe('probe_success 0')
    expect(text).toMatch(/^apidx_root_cause_info\{code="clock\/skew",probe="clock"\} 1$/m)
    const skew = Number(sample(text, 'apidx_clock_skew_seconds')?.split(' ')[1])
    expect(Math.abs(skew)).toBeGreaterThan(300)
    for (const secret of Object.values(CANARY).slice(1)) expect(text).not.toContain(secret)
  })

  it('returns the redacted report with debug=true', async () => {
    const { status, text } = await get('/probe?module=skewed&debug=true')
    expect(status).toBe(200)
    const body = JSON.parse(text) as { module: string; report: CheckReport }
    expect(body.module).toBe('skewed')
    expect(body.report.rootCause?.code).toBe('clock/skew')
    for (const secret of Object.values(CANARY).slice(1)) expect(text).not.toContain(secret)
  })

  it('refuses a query that names a target, provider or endpoint (400), and an unknown module', async () => {
    for (const q of [
      'module=healthy&target=https://attacker.example/',
      'module=healthy&endpoint=wss://attacker.example/v2/iat',
      'module=healthy&provider=aws',
    ]) {
      const r = await get(`/probe?${q}`)
      expect(r.status, q).toBe(400)
      expect(r.text).toContain('come from the exporter')
    }
    expect((await get('/probe?module=nope')).status).toBe(400)
    // The prometheus-operator Probe sends target=<the module name>: that names nothing new.
    expect((await get('/probe?module=healthy&target=healthy')).status).toBe(200)
    expect((await get('/probe')).status).toBe(400)
  })

  it('never writes a credential or an endpoint into the logs', () => {
    expect(logs.length).toBeGreaterThan(0)
    const all = logs.join('\n')
    for (const secret of Object.values(CANARY).slice(1)) expect(all).not.toContain(secret)
    expect(all).not.toContain('127.0.0.1')
    expect(all).toMatch(/probe module=skewed success=0 root_cause=clock\/skew/)
  })

  it('counts probes by module and result in its own /metrics', async () => {
    const { text } = await get('/metrics')
    expect(text).toMatch(/^apidx_probes_total\{module="healthy",result="success"\} [1-9]/m)
    expect(text).toMatch(/^apidx_probes_total\{module="skewed",result="failure"\} [1-9]/m)
    expect(text).toContain('process_cpu_user_seconds_total')
  })
})

describe('apidx serve deadlines and bounds', () => {
  it('answers within the scrape timeout even when the check hangs, and bounds probes in flight', async () => {
    const config = await loadServeConfig(fixture.configFile, fixture.env)
    config.maxConcurrentProbes = 1
    let running = 0
    let most = 0
    const seen: number[] = []
    const hanging = async (o: { timeoutMs?: number; signal?: AbortSignal }) => {
      running++
      most = Math.max(most, running)
      seen.push(o.timeoutMs ?? -1)
      // A check that ends only when aborted, as a hung vendor would keep it.
      await new Promise((resolve) => o.signal?.addEventListener('abort', resolve))
      running--
      throw new Error('aborted')
    }
    const slow = await startExporter({ config, host: '127.0.0.1', port: 0, check: hanging as never })
    try {
      const started = Date.now()
      const scrape = () =>
        fetch(`${slow.url}/probe?module=healthy`, {
          headers: { 'X-Prometheus-Scrape-Timeout-Seconds': '1.5' },
        }).then((r) => r.text())
      const answers = await Promise.all([scrape(), scrape()])
      const took = Date.now() - started
      expect(took).toBeLessThan(1500)
      for (const a of answers) {
        expect(sample(a, 'probe_success')).toBe('probe_success 0')
        expect(sample(a, 'apidx_probe_timed_out')).toBe('apidx_probe_timed_out 1')
      }
      expect(most).toBe(1)
      // The check's own deadlines were scaled to fit the 1 s budget (1.5 s less the 0.5 s offset).
      expect(seen[0]).toBeLessThan(1000)
    } finally {
      await slow.close()
    }
  })
})
