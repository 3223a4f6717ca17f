// `apidx serve` under a real Prometheus (Debian's `prometheus`, installed by .ci/run): the built CLI
// serves two modules against emulated iFlytek endpoints, Prometheus scrapes them in blackbox_exporter's
// relabelling pattern (docs/prometheus.yml), and its HTTP API shows probe_success 1 for the healthy
// module and 0 with the root cause for the faulty one. `promtool check metrics` lints the exposition.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startExporterFixture, type ExporterFixture } from '../../packages/cli/test/exporter-fixture.js'
import { bin } from './harness.js'

const PROMETHEUS = '/usr/bin/prometheus'
const PROMTOOL = '/usr/bin/promtool'
const missing = [PROMETHEUS, PROMTOOL].filter((p) => !existsSync(p))

let fixture: ExporterFixture
let dir: string
const children: ChildProcess[] = []
let exporterUrl = ''
let prometheusUrl = ''

/** A free loopback port (bound and released; Prometheus takes it right after). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Resolves with the first stderr line matching `pattern`, or rejects when the process exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const m = pattern.exec(seen)
      if (m) resolve(m)
    })
    child.once('exit', (code) => reject(new Error(`exited ${code} before ${pattern}: ${seen.slice(-2000)}`)))
  })
}

async function query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`)
  const body = (await res.json()) as {
    data: { result: { metric: Record<string, string>; value: [number, string] }[] }
  }
  return body.data.result
}

beforeAll(async () => {
  if (missing.length)
    throw new Error(
      `${missing.join(' and ')} not found: install Debian's prometheus (.ci/run does: apt-get install -y prometheus).`,
    )
  fixture = await startExporterFixture()
  dir = mkdtempSync(path.join(tmpdir(), 'apidx-prometheus-'))
  const exporter = spawn(process.execPath, [bin, 'serve', '--config', fixture.configFile, '--port', '0'], {
    env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', NO_COLOR: '1', ...fixture.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  children.push(exporter)
  exporterUrl = (await waitForLine(exporter, /listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!
  const promPort = await freePort()
  writeFileSync(
    path.join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 2s, scrape_timeout: 2s, evaluation_interval: 2s }',
      'scrape_configs:',
      '  - job_name: apidx',
      '    metrics_path: /probe',
      '    static_configs: [{ targets: [healthy, skewed] }]',
      '    relabel_configs:',
      '      - { source_labels: [__address__], target_label: __param_module }',
      '      - { source_labels: [__param_module], target_label: module }',
      `      - { target_label: __address__, replacement: '${new URL(exporterUrl).host}' }`,
      '',
    ].join('\n'),
  )
  const prometheus = spawn(
    PROMETHEUS,
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  children.push(prometheus)
  prometheus.stderr!.resume()
  prometheusUrl = `http://127.0.0.1:${promPort}`
}, 30_000)

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)))
  await fixture?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('apidx serve under Prometheus', () => {
  it('Prometheus records probe_success 1 for the healthy module and 0 with the root cause for the faulty one', async () => {
    // Scrapes land one module at a time: wait until both have a sample (a loaded CI machine is slow).
    const deadline = Date.now() + 45_000
    let success: Awaited<ReturnType<typeof query>> = []
    let causes: Awaited<ReturnType<typeof query>> = []
    while (Date.now() < deadline) {
      success = await query('probe_success{job="apidx"}').catch(() => [])
      causes = await query('apidx_root_cause_info{job="apidx"}').catch(() => [])
      const modules = new Set(success.map((s) => s.metric.module))
      if (modules.has('healthy') && modules.has('skewed') && causes.length >= 1) break
      await new Promise((r) => setTimeout(r, 500))
    }
    const byModule = Object.fromEntries(success.map((s) => [s.metric.module, s.value[1]]))
    expect(byModule).toEqual({ healthy: '1', skewed: '0' })
    expect(causes.map((c) => [c.metric.module, c.metric.code])).toEqual([['skewed', 'clock/skew']])
    const up = await query('up{job="apidx"}')
    expect(up.map((u) => u.value[1])).toEqual(['1', '1'])
  }, 60_000)

  it('promtool check metrics accepts the exposition of a probe', async () => {
    for (const p of ['/probe?module=skewed', '/probe?module=healthy']) {
      const text = await (await fetch(`${exporterUrl}${p}`)).text()
      const r = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' })
      expect(`${p}: exit ${r.status} ${r.stdout}${r.stderr}`).toBe(`${p}: exit 0 `)
    }
  }, 20_000)

  it("promtool finds no problem in /metrics beyond prom-client's own nodejs_active_*_total gauges", async () => {
    const text = await (await fetch(`${exporterUrl}/metrics`)).text()
    const r = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' })
    // Exit 3 is "lint problems only"; prom-client names three gauges with a _total suffix (its defaults).
    const problems = `${r.stdout}${r.stderr}`
      .split('\n')
      .filter((l) => l && !/^nodejs_active_\w+_total /.test(l))
    expect(problems).toEqual([])
    expect([0, 3]).toContain(r.status)
  }, 20_000)
})
