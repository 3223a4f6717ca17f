// `apidx serve`: an HTTP server in blackbox_exporter's shape. `/probe?module=<name>` runs the module's
// check within Prometheus's scrape timeout and answers its metrics (`&debug=true`: the report);
// `/metrics` is the exporter's own. The query names a module and nothing else: endpoints, providers
// and credentials come only from the config, so a scrape cannot aim the credentials elsewhere.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { CheckReport } from '@apidx/core'
import type { CheckOptions } from '../api/check.js'
import type { ServeConfig } from './config.js'
import { createLimiter } from './limiter.js'
import { probeExposition, type ProbeOutcome } from './probe-metrics.js'
import { exporterMetrics } from './exporter-metrics.js'
import { checkTimeoutFor, scrapeBudgetMs } from './budget.js'

export interface ExporterOptions {
  config: ServeConfig
  host: string
  port: number
  /** The check to run (the library's `check`; tests pass a stand-in). */
  check: (options: CheckOptions) => Promise<CheckReport>
  /** One line per probe and per start-up; never a credential or an endpoint. */
  log?: (line: string) => void
}

export interface Exporter {
  url: string
  port: number
  close(): Promise<void>
}

/** The query parameters /probe accepts; any other is refused, so none can redirect the probe. */
const PROBE_PARAMS = new Set(['module', 'debug'])

/** Starts the exporter; resolves once it listens. */
export async function startExporter(options: ExporterOptions): Promise<Exporter> {
  const limiter = createLimiter(options.config.maxConcurrentProbes)
  const own = exporterMetrics(() => limiter.active)
  const server = createServer((req, res) => {
    route(req, res).catch(() => send(res, 500, 'text/plain', 'internal error\n'))
  })
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://exporter')
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only\n')
    if (url.pathname === '/metrics')
      return send(res, 200, own.registry.contentType, await own.registry.metrics())
    if (url.pathname === '/probe') return probe(req, res, url)
    if (url.pathname === '/')
      return send(res, 200, 'text/plain', 'apidx exporter: /probe?module=<name>, /metrics\n')
    return send(res, 404, 'text/plain', 'not found\n')
  }

  async function probe(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // prometheus-operator's Probe always sends ?target=; it may repeat the module's name, nothing else.
    const refused = [...url.searchParams.keys()].filter(
      (k) =>
        !PROBE_PARAMS.has(k) &&
        !(k === 'target' && url.searchParams.get(k) === url.searchParams.get('module')),
    )
    if (refused.length)
      return send(
        res,
        400,
        'text/plain',
        `Refused: the query names ${refused.map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}. /probe takes only module (and debug); the provider, endpoint and credentials come from the exporter's config, never from a scrape.\n`,
      )
    const name = url.searchParams.get('module')
    const module = name ? options.config.modules.get(name) : undefined
    if (!name || !module)
      return send(
        res,
        400,
        'text/plain',
        name ? `Unknown module ${JSON.stringify(name.slice(0, 80))}\n` : 'module parameter is missing\n',
      )
    const budget = scrapeBudgetMs(req.headers['x-prometheus-scrape-timeout-seconds'])
    const outcome = await runProbe(module, budget)
    own.observe(name, outcome)
    options.log?.(
      `probe module=${name} success=${outcome.report?.verdict === 'pass' ? 1 : 0} root_cause=${outcome.report?.rootCause?.code ?? (outcome.timedOut ? 'scrape-timeout' : 'none')} duration_seconds=${outcome.durationSeconds.toFixed(3)}`,
    )
    if (url.searchParams.get('debug') === 'true')
      return send(res, 200, 'application/json', JSON.stringify({ module: name, ...outcome }, null, 2) + '\n')
    return send(res, 200, own.registry.contentType, await probeExposition(outcome))
  }

  /** Runs one check inside the budget: waits for a slot, scales the check's deadlines, and never answers late. */
  async function runProbe(module: CheckOptions, budgetMs: number): Promise<ProbeOutcome> {
    const started = performance.now()
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), budgetMs)
    const elapsed = () => (performance.now() - started) / 1000
    try {
      const release = await limiter.acquire(controller.signal)
      if (!release) return { durationSeconds: elapsed(), timedOut: true }
      const remaining = budgetMs - (performance.now() - started)
      const running = options
        .check({
          ...module,
          timeoutMs: checkTimeoutFor(remaining, module.timeoutMs),
          signal: controller.signal,
        })
        .finally(release)
      const deadline = new Promise<null>((resolve) =>
        controller.signal.addEventListener('abort', () => resolve(null), { once: true }),
      )
      const report = await Promise.race([running.catch(() => null), deadline])
      return report
        ? { report, durationSeconds: elapsed(), timedOut: false }
        : { durationSeconds: elapsed(), timedOut: controller.signal.aborted }
    } finally {
      clearTimeout(timer)
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}
